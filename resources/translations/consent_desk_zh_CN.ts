<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Consent Desk</source>
        <translation>关于 Consent Desk</translation>
    </message>
    <message>
        <source>Consent Desk</source>
        <translation>Consent Desk</translation>
    </message>
    <message>
        <source>Version {v}</source>
        <translation>版本 {v}</translation>
    </message>
    <message>
        <source>Keeps each artist&apos;s AI consent records, checks scripts for AI use of likeness and voice, and issues signed statements. Works offline: it never uses the network.</source>
        <translation>管理每位艺人的 AI 同意记录，检查剧本中对肖像和声音的 AI 使用，并出具带签名的声明。完全离线运行：从不使用网络。</translation>
    </message>
    <message>
        <source>Qt {qt} · PySide {pyside}</source>
        <translation>Qt {qt} · PySide {pyside}</translation>
    </message>
    <message>
        <source>Licence: {licence}</source>
        <translation>许可：{licence}</translation>
    </message>
    <message>
        <source>Log files (send them with a problem report): {folder}</source>
        <translation>日志文件（报告问题时请一并发送）：{folder}</translation>
    </message>
    <message>
        <source>Chinese text is shown with the bundled font WenQuanYi Micro Hei ({file}), © 2008–2009 The WenQuanYi Project Board of Trustees and contributors, based on Droid Sans Fallback © 2006–2008 Google Corporation. Licensed under the Apache License 2.0, or the GNU GPL version 3 or later with a font embedding exception.</source>
        <translation>中文使用随附的文泉驿微米黑字体（{file}）显示，© 2008–2009 文泉驿项目理事会及贡献者，基于 Droid Sans Fallback © 2006–2008 Google Corporation。依据 Apache License 2.0 授权，或依据附带字体嵌入例外条款的 GNU GPL 第 3 版或更高版本授权。</translation>
    </message>
    <message>
        <source>Licences of bundled components</source>
        <translation>随附组件的许可证</translation>
    </message>
    <message>
        <source>proprietary, all rights reserved</source>
        <translation>专有软件，保留所有权利</translation>
    </message>
</context>
<context>
    <name>AcceptDialog</name>
    <message>
        <source>Accept proposal #{id}</source>
        <translation>接受提案 #{id}</translation>
    </message>
    <message>
        <source>Answer {party} that the proposal for {project} is accepted.</source>
        <translation>答复{party}：关于《{project}》的提案已接受。</translation>
    </message>
    <message>
        <source>Create the matching consent records ({n}), waiting for the artist&apos;s signature</source>
        <translation>创建相应的同意记录（{n} 条），等待艺人签字</translation>
    </message>
    <message>
        <source>Note for the record (optional)</source>
        <translation>记录备注（可选）</translation>
    </message>
    <message>
        <source>Accept and create records</source>
        <translation>接受并创建记录</translation>
    </message>
    <message>
        <source>The records are created as waiting for the artist; they cannot be deleted, so this acceptance cannot be undone. Enter the artist&apos;s signed decision in their consent records to make them given.</source>
        <translation>记录创建后处于“待艺人决定”状态；记录不能删除，因此此次接受无法撤销。请在艺人的同意记录中录入其签署的决定，使之成为“已同意”。</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>No consent record is created. Edit → Undo takes the acceptance back.</source>
        <translation>不会创建同意记录。编辑 → 撤销 可收回此次接受。</translation>
    </message>
    <message>
        <source>No artist has accepted yet, or nothing is asked of those who did: no consent record would be created.</source>
        <translation>尚无艺人接受，或未向已接受的艺人提出任何要求：不会创建同意记录。</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>使用方式</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒介</translation>
    </message>
    <message>
        <source>Territories</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>报酬</translation>
    </message>
    <message>
        <source>Specific use</source>
        <translation>具体用途说明</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>无截止日期</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>未提供</translation>
    </message>
</context>
<context>
    <name>AcceptRiskDialog</name>
    <message>
        <source>Accept risk</source>
        <translation>接受风险</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Why the agency accepts this risk, e.g. the artist confirmed by phone</source>
        <translation>经纪公司接受此风险的理由，例如 艺人已电话确认</translation>
    </message>
    <message>
        <source>The finding stays listed, marked as accepted, and no longer counts towards the proposal&apos;s worst finding. The same finding in later checks stays accepted. Recorded with your name; Edit → Undo takes it back.</source>
        <translation>该检查结果仍会列出，标记为已接受，且不再计入提案的最严重检查结果。以后检查中的相同结果保持已接受状态。此操作会记录您的姓名；编辑 → 撤销 可收回。</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>理由（必填）</translation>
    </message>
</context>
<context>
    <name>AiUseTableModel</name>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Found in</source>
        <translation>出现位置</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>no character named</source>
        <translation>未指明角色</translation>
    </message>
    <message>
        <source>{where}: {kind} ({who}), found in {source}: “{text}”</source>
        <translation>{where}：{kind}（{who}），出现在{source}：“{text}”</translation>
    </message>
    <message>
        <source>Marker: {marker}</source>
        <translation>标记：{marker}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Consent Desk</source>
        <translation>Consent Desk</translation>
    </message>
</context>
<context>
    <name>Artist</name>
    <message>
        <source>deceased</source>
        <translation>已去世</translation>
    </message>
    <message>
        <source>deceased (aged {age})</source>
        <translation>已去世（享年 {age} 岁）</translation>
    </message>
    <message>
        <source>{age} · minor</source>
        <translation>{age} · 未成年</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Native name</source>
        <translation>原文姓名</translation>
    </message>
    <message>
        <source>Romanised name</source>
        <translation>罗马化姓名</translation>
    </message>
    <message>
        <source>Stage names</source>
        <translation>艺名</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Deceased on</source>
        <translation>去世日期</translation>
    </message>
    <message>
        <source>Estate contact</source>
        <translation>近亲属（或遗产管理人）联系方式</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Unions</source>
        <translation>工会</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>司法辖区</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>经纪人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>AI stance</source>
        <translation>AI 立场</translation>
    </message>
    <message>
        <source>(whole row)</source>
        <translation>（整行）</translation>
    </message>
</context>
<context>
    <name>ArtistDialog</name>
    <message>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <source>Add artist</source>
        <translation>添加艺人</translation>
    </message>
    <message>
        <source>Required, e.g. 林晓</source>
        <translation>必填，例如 林晓</translation>
    </message>
    <message>
        <source>Separate several with ;</source>
        <translation>多个请用 ; 分隔</translation>
    </message>
    <message>
        <source>e.g. an official English name; separate several with ;</source>
        <translation>例如官方英文名；多个请用 ; 分隔</translation>
    </message>
    <message>
        <source>Latin spellings the agency knows are this artist&apos;s own: on leak day a list entry written exactly so names the artist without a confirmation.</source>
        <translation>经纪公司确认属于该艺人的拉丁字母拼写：名单曝光应对时，与之完全相同的名单条目无需确认即对应该艺人。</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation>YYYY-MM-DD（可选）</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (if deceased)</source>
        <translation>YYYY-MM-DD（如已去世）</translation>
    </message>
    <message>
        <source>Who decides for the estate</source>
        <translation>代表遗产作出决定的人</translation>
    </message>
    <message>
        <source>Name and phone of the guardian</source>
        <translation>监护人的姓名和电话</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Under {age}: every agreement goes through the guardian.</source>
        <translation>未满 {age} 岁：所有协议均须经监护人同意。</translation>
    </message>
    <message>
        <source>e.g. SAG-AFTRA; Equity</source>
        <translation>例如 SAG-AFTRA; Equity</translation>
    </message>
    <message>
        <source>CN, US-CA, GB …</source>
        <translation>CN、US-CA、GB …</translation>
    </message>
    <message>
        <source>Phone, e-mail or address</source>
        <translation>电话、电子邮件或地址</translation>
    </message>
    <message>
        <source>A stance is not consent.</source>
        <translation>立场不等于同意。</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Native name</source>
        <translation>原文姓名</translation>
    </message>
    <message>
        <source>Romanised name</source>
        <translation>罗马化姓名</translation>
    </message>
    <message>
        <source>Stage names</source>
        <translation>艺名</translation>
    </message>
    <message>
        <source>Known Latin spellings / aliases</source>
        <translation>已知拉丁字母拼写 / 别名</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Deceased on</source>
        <translation>去世日期</translation>
    </message>
    <message>
        <source>Estate contact</source>
        <translation>近亲属（或遗产管理人）联系方式</translation>
    </message>
    <message>
        <source>Representation</source>
        <translation>经纪与联系</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>司法辖区</translation>
    </message>
    <message>
        <source>Unions</source>
        <translation>工会</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>经纪人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>AI stance</source>
        <translation>AI 立场</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Last changed by {who} at {when} UTC</source>
        <translation>最后修改：{who}，{when} UTC</translation>
    </message>
    <message>
        <source>{name} (from pinyin, used if left empty)</source>
        <translation>{name}（由拼音生成，留空时使用）</translation>
    </message>
    <message>
        <source>Filled from pinyin if left empty</source>
        <translation>留空时由拼音生成</translation>
    </message>
    <message>
        <source>aged {age} at death</source>
        <translation>去世时 {age} 岁</translation>
    </message>
    <message>
        <source>age {age} · minor</source>
        <translation>{age} 岁 · 未成年</translation>
    </message>
    <message>
        <source>age {age}</source>
        <translation>{age} 岁</translation>
    </message>
</context>
<context>
    <name>ArtistHeader</name>
    <message>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>A stance is not consent.</source>
        <translation>立场不等于同意。</translation>
    </message>
    <message>
        <source>Only a given consent record authorises a use. The matrix below shows what has been authorised.</source>
        <translation>只有“已同意”的同意记录才授权使用。下方矩阵显示已授权的内容。</translation>
    </message>
    <message>
        <source>Record stance…</source>
        <translation>记录立场…</translation>
    </message>
    <message>
        <source>minor · guardian: {g}</source>
        <translation>未成年 · 监护人：{g}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>deceased · estate: {e}</source>
        <translation>已去世 · 近亲属（或遗产管理人）：{e}</translation>
    </message>
    <message>
        <source>AI stance: {stance}</source>
        <translation>AI 立场：{stance}</translation>
    </message>
    <message>
        <source>AI stance on {when}: {stance}</source>
        <translation>{when} 时的 AI 立场：{stance}</translation>
    </message>
    <message>
        <source>conditions: {c}</source>
        <translation>条件：{c}</translation>
    </message>
    <message>
        <source>effective {when}, recorded by {who} on {recorded}</source>
        <translation>{when} 生效，由 {who} 于 {recorded} 记录</translation>
    </message>
    <message>
        <source>no stance recorded</source>
        <translation>未记录立场</translation>
    </message>
</context>
<context>
    <name>ArtistPickDialog</name>
    <message>
        <source>Who is {character}?</source>
        <translation>{character} 是谁？</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>选择</translation>
    </message>
</context>
<context>
    <name>ArtistPicker</name>
    <message>
        <source>Find by Chinese name, pinyin or romanised name</source>
        <translation>按中文名、拼音或罗马化姓名查找</translation>
    </message>
</context>
<context>
    <name>ArtistSearch</name>
    <message>
        <source>Find an artist: 中文 / pinyin / English</source>
        <translation>查找艺人：中文 / 拼音 / 英文</translation>
    </message>
    <message>
        <source>&amp;Add artist</source>
        <translation>添加艺人(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ArtistTableModel</name>
    <message>
        <source>Native name</source>
        <translation>原文姓名</translation>
    </message>
    <message>
        <source>Romanised name</source>
        <translation>罗马化姓名</translation>
    </message>
    <message>
        <source>AI stance</source>
        <translation>AI 立场</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>司法辖区</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{name}
Also known as: {aliases}</source>
        <translation>{name}
又名：{aliases}</translation>
    </message>
    <message>
        <source>{stance}. A stance is not consent.</source>
        <translation>{stance}。立场不等于同意。</translation>
    </message>
    <message>
        <source>Born {born}, died {died}</source>
        <translation>生于 {born}，卒于 {died}</translation>
    </message>
    <message>
        <source>Born {born}</source>
        <translation>生于 {born}</translation>
    </message>
</context>
<context>
    <name>AsOfBar</name>
    <message>
        <source>Show the records as they stood at this moment</source>
        <translation>显示截至此时刻的记录状态</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation>截至(&amp;A)</translation>
    </message>
    <message>
        <source>Historical view: the records as they stood on {when}. Changes recorded since then are not shown here (Ctrl+Shift+D: back to now).</source>
        <translation>历史视图：截至 {when} 的记录状态。此后记录的更改不在此显示（Ctrl+Shift+D：回到现在）。</translation>
    </message>
    <message>
        <source>Looking ahead to {when}: what today&apos;s records will authorise then, if nothing changes (Ctrl+Shift+D: back to now).</source>
        <translation>预览 {when}：如无变化，现有记录届时将授权的内容（Ctrl+Shift+D：回到现在）。</translation>
    </message>
</context>
<context>
    <name>AsOfChoice</name>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>This time is in the future: a statement can only say what is on record.</source>
        <translation>此时间在将来：声明只能陈述已有记录的内容。</translation>
    </message>
    <message>
        <source>HISTORICAL statement: it will say what the records showed at that moment, and it is labelled as historical on every page.</source>
        <translation>历史声明：将陈述记录在该时刻的状态，并在每一页标注为历史声明。</translation>
    </message>
    <message>
        <source>The statement says what is on record at signing.</source>
        <translation>声明陈述签署时已有记录的内容。</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>AI stance</source>
        <translation>AI 立场</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>艺人</translation>
    </message>
    <message>
        <source>Consent record</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Evidence file</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>声明</translation>
    </message>
    <message>
        <source>Stored file</source>
        <translation>存储的文件</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Brought back</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>AI stance recorded</source>
        <translation>已记录 AI 立场</translation>
    </message>
    <message>
        <source>File attached</source>
        <translation>已附加文件</translation>
    </message>
    <message>
        <source>File stored</source>
        <translation>已存储文件</translation>
    </message>
    <message>
        <source>Sent to the artist</source>
        <translation>已交艺人决定</translation>
    </message>
    <message>
        <source>Agency recommendation</source>
        <translation>经纪公司建议</translation>
    </message>
    <message>
        <source>Artist&apos;s decision</source>
        <translation>艺人决定</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>Consent refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>状态已变更</translation>
    </message>
    <message>
        <source>Check run</source>
        <translation>已运行检查</translation>
    </message>
    <message>
        <source>Risk accepted</source>
        <translation>已接受风险</translation>
    </message>
    <message>
        <source>Statement issued</source>
        <translation>已出具声明</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>File checked: intact</source>
        <translation>文件检查：完好</translation>
    </message>
    <message>
        <source>File checked: damaged or missing</source>
        <translation>文件检查：损坏或缺失</translation>
    </message>
</context>
<context>
    <name>AuditScreens</name>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Desk user</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Fields changed</source>
        <translation>更改的字段</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Find desk user or any value, e.g. 林晓 (Ctrl+F)</source>
        <translation>查找操作人或任意值，例如 林晓（Ctrl+F）</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>校验哈希链(&amp;V)</translation>
    </message>
    <message>
        <source>Not verified yet in this session.</source>
        <translation>本次运行中尚未校验。</translation>
    </message>
    <message>
        <source>Show that event</source>
        <translation>显示该事件</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>{n} stored file(s) no longer match their SHA-256 or are missing: {names}</source>
        <translation>{n} 个存储的文件与其 SHA-256 不再一致或已缺失：{names}</translation>
    </message>
    <message>
        <source> and {more} more</source>
        <translation> 另有 {more} 个</translation>
    </message>
    <message>
        <source>{n}+ events shown</source>
        <translation>显示 {n}+ 个事件</translation>
    </message>
    <message>
        <source>{n} events shown</source>
        <translation>显示 {n} 个事件</translation>
    </message>
    <message>
        <source>Select an event to see what it changed.</source>
        <translation>选择一个事件以查看其更改内容。</translation>
    </message>
    <message>
        <source>Event #{id}: {actor} — {action} {entity} {eid}, {when}</source>
        <translation>事件 #{id}：{actor} — {action} {entity} {eid}，{when}</translation>
    </message>
    <message>
        <source>hash {h}</source>
        <translation>哈希 {h}</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <source>Verifying the audit trail…</source>
        <translation>正在校验审计记录…</translation>
    </message>
    <message>
        <source>Intact: all {n} events follow each other and match their hashes, every audited record matches its last event, and the trail extends all {c} signed checkpoint(s) found.</source>
        <translation>完好：全部 {n} 条事件前后相接、哈希一致；每条受审计的记录与其最近一次事件相符；审计记录延续了找到的全部 {c} 个已签名检查点。</translation>
    </message>
    <message>
        <source>Not intact: {reason}. {n} problem(s) in all; the records were changed behind the audit trail. Restore a backup or ask whoever looks after the database.</source>
        <translation>不完好：{reason}。共 {n} 个问题；有记录绕过审计记录被修改。请恢复备份，或联系数据库管理员。</translation>
    </message>
    <message>
        <source>Broken at event #{id}: {reason}. Events from there on cannot be trusted; restore a backup or ask whoever looks after the database.</source>
        <translation>在事件 #{id} 处断开：{reason}。从该事件起的记录不可信；请恢复备份，或联系数据库的维护人员。</translation>
    </message>
    <message>
        <source>Could not verify.</source>
        <translation>无法校验。</translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <source>Export statements for many artists</source>
        <translation>为多位艺人导出声明</translation>
    </message>
    <message>
        <source>Find artists by Chinese name, pinyin or romanised name</source>
        <translation>按中文名、拼音或罗马化姓名查找艺人</translation>
    </message>
    <message>
        <source>Every active artist</source>
        <translation>所有在册艺人</translation>
    </message>
    <message>
        <source>Tick all shown</source>
        <translation>勾选所有显示项</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>全部取消勾选</translation>
    </message>
    <message>
        <source>Platforms that list them, separated by ; (a listing implies no consent)</source>
        <translation>将其列名的平台，以 ; 分隔（列名不代表同意）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>截至：</translation>
    </message>
    <message>
        <source>Listed on:</source>
        <translation>列名平台：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Sign and export…</source>
        <translation>签署并导出…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Tick at least one artist.</source>
        <translation>请至少勾选一位艺人。</translation>
    </message>
    <message>
        <source>Choose an existing folder.</source>
        <translation>请选择一个已存在的文件夹。</translation>
    </message>
    <message>
        <source>The as-of time is in the future.</source>
        <translation>截至时间在将来。</translation>
    </message>
    <message>
        <source>{n} ticked</source>
        <translation>已勾选 {n} 位</translation>
    </message>
</context>
<context>
    <name>BreakdownPanes</name>
    <message>
        <source>Sce&amp;nes</source>
        <translation>场次(&amp;N)</translation>
    </message>
    <message>
        <source>Cha&amp;racters</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>Line {line}: </source>
        <translation>第 {line} 行：</translation>
    </message>
    <message>
        <source>The reader had nothing to warn about.</source>
        <translation>读取时没有发现需要提醒的问题。</translation>
    </message>
    <message>
        <source>&amp;AI use ({n})</source>
        <translation>AI 使用（{n}）(&amp;A)</translation>
    </message>
    <message>
        <source>Reader &amp;warnings ({n})</source>
        <translation>读取警告（{n}）(&amp;W)</translation>
    </message>
    <message>
        <source>No AI use of likeness or voice found with these AI markers.</source>
        <translation>按当前 AI 标记，未发现对肖像或声音的 AI 使用。</translation>
    </message>
</context>
<context>
    <name>CandidateDelegate</name>
    <message>
        <source>(none of them: not our artist)</source>
        <translation>（都不是：非本公司艺人）</translation>
    </message>
</context>
<context>
    <name>CharacterTableModel</name>
    <message>
        <source>Character</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>对白</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>{name}: {blocks} dialogue blocks in {n} scenes ({scenes})</source>
        <translation>{name}：{n} 个场次（{scenes}）中共 {blocks} 段对白</translation>
    </message>
    <message>
        <source>First speaks at: {where}</source>
        <translation>首次说话：{where}</translation>
    </message>
</context>
<context>
    <name>Compensation</name>
    <message>
        <source>Flat fee</source>
        <translation>固定费用</translation>
    </message>
    <message>
        <source>Per use</source>
        <translation>按次计费</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>按天计费</translation>
    </message>
    <message>
        <source>Royalty</source>
        <translation>版税分成</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ConfirmBatchDialog</name>
    <message>
        <source>These statements will be signed with the agency&apos;s key. A signed statement cannot be unsigned: it can only be superseded or withdrawn later.</source>
        <translation>以下声明将使用本机构的密钥签署。声明一经签署不能撤销签名，之后只能被取代或撤回。</translation>
    </message>
    <message>
        <source>Each statement says that {platform} lists the artist. Being listed does not mean the artist has agreed to or authorised any AI use.</source>
        <translation>每份声明都写明：{platform}将艺人列入其名单。列名不代表艺人同意或授权任何人工智能使用。</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>艺人</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>声明</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The PDF files go to: {folder}</source>
        <translation>PDF 文件保存到：{folder}</translation>
    </message>
    <message>
        <source>{n} of these artists already got a statement from this list: signing again issues a second statement for each.</source>
        <translation>其中 {n} 位艺人已根据此名单出具过声明：再次签署将为每位艺人再出具一份声明。</translation>
    </message>
    <message>
        <source>Sign {n} statements</source>
        <translation>签署 {n} 份声明</translation>
    </message>
</context>
<context>
    <name>Consent</name>
    <message>
        <source>any project</source>
        <translation>任何项目</translation>
    </message>
    <message>
        <source>Given (in force)</source>
        <translation>已同意（生效中）</translation>
    </message>
    <message>
        <source>Given, term not started</source>
        <translation>已同意，期限未开始</translation>
    </message>
    <message>
        <source>Requested / waiting for the artist</source>
        <translation>已提出 / 待艺人决定</translation>
    </message>
    <message>
        <source>Refused / revoked</source>
        <translation>已拒绝 / 已撤回</translation>
    </message>
    <message>
        <source>Expired / superseded</source>
        <translation>已过期 / 已被取代</translation>
    </message>
    <message>
        <source>Not authorised (no record)</source>
        <translation>未授权（无记录）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(any project of this counterparty)</source>
        <translation>（该合作方的任何项目）</translation>
    </message>
</context>
<context>
    <name>ConsentCommand</name>
    <message>
        <source>Change deadline thresholds</source>
        <translation>更改期限提醒阈值</translation>
    </message>
    <message>
        <source>Edit consent #{id} ({scope})</source>
        <translation>编辑同意 #{id}（{scope}）</translation>
    </message>
    <message>
        <source>Record AI stance: {stance}</source>
        <translation>记录 AI 立场：{stance}</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>New consent — {name}</source>
        <translation>新建同意 — {name}</translation>
    </message>
    <message>
        <source>Consent #{id}, version {v} — {name}</source>
        <translation>同意 #{id}，第 {v} 版 — {name}</translation>
    </message>
    <message>
        <source>· minor — guardian: {g}</source>
        <translation>· 未成年 — 监护人：{g}</translation>
    </message>
    <message>
        <source>· deceased — estate: {e}</source>
        <translation>· 已去世 — 近亲属（或遗产管理人）：{e}</translation>
    </message>
    <message>
        <source>&amp;Scope and modalities</source>
        <translation>范围与使用方式(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Terms</source>
        <translation>条款(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Evidence and decision</source>
        <translation>证据与决定(&amp;E)</translation>
    </message>
    <message>
        <source>— choose the counterparty —</source>
        <translation>— 请选择合作方 —</translation>
    </message>
    <message>
        <source>No counterparties yet: New… adds one</source>
        <translation>尚无合作方：点击“新建…”添加</translation>
    </message>
    <message>
        <source>(any project of this counterparty)</source>
        <translation>（该合作方的任何项目）</translation>
    </message>
    <message>
        <source>— choose the project —</source>
        <translation>— 请选择项目 —</translation>
    </message>
    <message>
        <source>{what} — by {who}, {when}</source>
        <translation>{what} — {who}，{when}</translation>
    </message>
    <message>
        <source>No recommendation was recorded before the decision.</source>
        <translation>作出决定前未记录建议。</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>{what} — by {who}, {when} ({how})</source>
        <translation>{what} — {who}，{when}（{how}）</translation>
    </message>
    <message>
        <source>This consent was given and cannot change. Saving changed terms creates version {n}, put to the artist; version {v} stays in force until the new version is given.</source>
        <translation>此同意已作出，不能更改。保存修改后的条款将创建第 {n} 版，交由艺人决定；在新版本获得同意之前，第 {v} 版继续有效。</translation>
    </message>
    <message>
        <source>A newer version of this record is waiting for a decision: change that one. Only evidence can be added here.</source>
        <translation>此记录有一个更新的版本正在等待决定：请修改那个版本。此处只能添加证据。</translation>
    </message>
    <message>
        <source>This record is {status}: its terms are final. Evidence can still be added.</source>
        <translation>此记录状态为“{status}”：条款已最终确定。仍可添加证据。</translation>
    </message>
    <message>
        <source>Re-checking evidence files…</source>
        <translation>正在重新检查证据文件…</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to fix before saving — first: {field}: {message}</source>
        <translation>
            <numerusform>保存前需修正 %n 处 — 第一处：{field}：{message}</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the new files…</source>
        <translation>正在检查新文件…</translation>
    </message>
</context>
<context>
    <name>ConsentEffect</name>
    <message>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Attaches the new files to this record; stored files are never removed.</source>
        <translation>将新文件附加到此记录；已存储的文件永不删除。</translation>
    </message>
    <message>
        <source>Creates version {n}, waiting for the artist. Version {v} stays in force until the new one is given. Versions are kept for good.</source>
        <translation>创建第 {n} 版，等待艺人决定。在新版本获得同意之前，第 {v} 版继续有效。所有版本都会永久保留。</translation>
    </message>
    <message>
        <source>Record consent as given</source>
        <translation>记录为已同意</translation>
    </message>
    <message>
        <source>Record refusal</source>
        <translation>记录拒绝</translation>
    </message>
    <message>
        <source>Record request</source>
        <translation>记录请求</translation>
    </message>
    <message>
        <source>Records that {who} gave consent. This cannot be undone: a given consent can afterwards only be amended (new version) or revoked.</source>
        <translation>记录 {who} 已作出同意。此操作无法撤销：已作出的同意之后只能修订（新版本）或撤回。</translation>
    </message>
    <message>
        <source>Records that {who} refused. A refusal is final and cannot be undone.</source>
        <translation>记录 {who} 已拒绝。拒绝为最终决定，无法撤销。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save as version {n}</source>
        <translation>保存为第 {n} 版</translation>
    </message>
    <message>
        <source>Saves a new consent record, not yet decided. Records are never deleted; its terms can be edited until the artist decides.</source>
        <translation>保存一条尚未决定的新同意记录。记录永不删除；在艺人作出决定之前，条款可以修改。</translation>
    </message>
    <message>
        <source>Saves the changed terms; Edit → Undo puts the old terms back.</source>
        <translation>保存修改后的条款；编辑 → 撤销 可恢复原条款。</translation>
    </message>
    <message>
        <source>{n} new file(s) will be stored with their SHA-256.</source>
        <translation>将存储 {n} 个新文件及其 SHA-256。</translation>
    </message>
</context>
<context>
    <name>ConsentField</name>
    <message>
        <source>Agency recommendation</source>
        <translation>经纪公司建议</translation>
    </message>
    <message>
        <source>Alteration limits</source>
        <translation>修改限制</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>报酬金额</translation>
    </message>
    <message>
        <source>Compensation basis</source>
        <translation>计酬方式</translation>
    </message>
    <message>
        <source>Content exclusions</source>
        <translation>内容排除</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Estate contact</source>
        <translation>近亲属（或遗产管理人）联系方式</translation>
    </message>
    <message>
        <source>Artist decision</source>
        <translation>艺人的决定</translation>
    </message>
    <message>
        <source>Earlier version</source>
        <translation>上一版本</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>艺人</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Data retention</source>
        <translation>数据保留</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>Decision made by</source>
        <translation>决定方式</translation>
    </message>
    <message>
        <source>Decision note</source>
        <translation>决定备注</translation>
    </message>
    <message>
        <source>Delete data at end</source>
        <translation>期满删除数据</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <source>Had counsel</source>
        <translation>有律师代理</translation>
    </message>
    <message>
        <source>Had union representation</source>
        <translation>有工会代表</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒介</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>使用方式</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Recommendation note</source>
        <translation>建议备注</translation>
    </message>
    <message>
        <source>Recommended at</source>
        <translation>建议时间</translation>
    </message>
    <message>
        <source>Recommended by</source>
        <translation>建议人</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Revocation reason</source>
        <translation>撤回理由</translation>
    </message>
    <message>
        <source>Revocation terms</source>
        <translation>撤回条款</translation>
    </message>
    <message>
        <source>Revoked by</source>
        <translation>撤回人</translation>
    </message>
    <message>
        <source>Revoked from</source>
        <translation>撤回生效时间</translation>
    </message>
    <message>
        <source>Scan notice given</source>
        <translation>扫描通知时间</translation>
    </message>
    <message>
        <source>Scan session</source>
        <translation>扫描时间</translation>
    </message>
    <message>
        <source>Signed separately</source>
        <translation>单独签署</translation>
    </message>
    <message>
        <source>Specific use</source>
        <translation>具体用途说明</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sub-licensing allowed</source>
        <translation>允许转授权</translation>
    </message>
    <message>
        <source>Term end</source>
        <translation>截止日</translation>
    </message>
    <message>
        <source>Term start</source>
        <translation>起始日</translation>
    </message>
    <message>
        <source>Territories</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>用途</translation>
    </message>
</context>
<context>
    <name>ConsentMatrixModel</name>
    <message>
        <source>{party}: any project of this counterparty</source>
        <translation>{party}：该合作方的任何项目</translation>
    </message>
    <message>
        <source>Given from {day}</source>
        <translation>自 {day} 起同意</translation>
    </message>
    <message>
        <source>No consent record: not authorised.</source>
        <translation>无同意记录：未授权。</translation>
    </message>
    <message>
        <source>{status} · record #{id}, version {version}</source>
        <translation>{status} · 记录 #{id}，第 {version} 版</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source>Term {start} to {end}</source>
        <translation>期限 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Revoked: {reason}</source>
        <translation>已撤回：{reason}</translation>
    </message>
    <message>
        <source>* covered by a record for any project of this counterparty</source>
        <translation>* 由该合作方“任何项目”的记录涵盖</translation>
    </message>
    <message>
        <source>Also covered by {records}</source>
        <translation>亦由 {records} 涵盖</translation>
    </message>
</context>
<context>
    <name>ConsentSaving</name>
    <message>
        <source>Consent #{id} recorded as given.</source>
        <translation>同意 #{id} 已记录为已同意。</translation>
    </message>
    <message>
        <source>Consent #{id} recorded as refused.</source>
        <translation>同意 #{id} 已记录为已拒绝。</translation>
    </message>
    <message>
        <source>Consent #{id} recorded, waiting for a decision.</source>
        <translation>同意 #{id} 已记录，等待决定。</translation>
    </message>
    <message>
        <source>Consent given.</source>
        <translation>已同意。</translation>
    </message>
    <message>
        <source>Consent refused.</source>
        <translation>已拒绝。</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <source>Terms of consent #{id} saved.</source>
        <translation>同意 #{id} 的条款已保存。</translation>
    </message>
    <message>
        <source>Version {v} of consent #{id} created, waiting for the artist.</source>
        <translation>已创建同意 #{id} 的第 {v} 版，等待艺人决定。</translation>
    </message>
    <message>
        <source>{n} file(s) attached.</source>
        <translation>已附加 {n} 个文件。</translation>
    </message>
</context>
<context>
    <name>ConsentScreens</name>
    <message>
        <source>Consent records</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>期限提醒</translation>
    </message>
    <message>
        <source>Deadlines ({n})</source>
        <translation>期限提醒（{n}）</translation>
    </message>
    <message>
        <source>Open &amp;consent records</source>
        <translation>打开同意记录(&amp;C)</translation>
    </message>
    <message>
        <source>Select an artist first.</source>
        <translation>请先选择一位艺人。</translation>
    </message>
</context>
<context>
    <name>ConsentStatus</name>
    <message>
        <source>Not authorised</source>
        <translation>未授权</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>已提出</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已被新版本取代</translation>
    </message>
    <message>
        <source>Waiting for the artist</source>
        <translation>待艺人决定</translation>
    </message>
</context>
<context>
    <name>ConsentView</name>
    <message>
        <source>Choose an artist in the roster, then Artist → Open consent records (Ctrl+R).</source>
        <translation>请在艺人名册中选择一位艺人，然后选择 艺人 → 打开同意记录（Ctrl+R）。</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>{name}: {n} in force · {w} waiting · as of {when}</source>
        <translation>{name}：{n} 项生效 · {w} 项待定 · 截至 {when}</translation>
    </message>
    <message>
        <source>Re-checking evidence files…</source>
        <translation>正在重新检查证据文件…</translation>
    </message>
    <message>
        <source>Consent #{id} revoked from {when}.</source>
        <translation>同意记录 #{id} 自 {when} 起撤回同意。</translation>
    </message>
    <message>
        <source>&amp;Consent</source>
        <translation>同意(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit or amend…</source>
        <translation>编辑或修订(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;New consent…</source>
        <translation>新建同意(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>撤回(&amp;R)…</translation>
    </message>
    <message>
        <source>Back to &amp;now</source>
        <translation>回到现在(&amp;N)</translation>
    </message>
    <message>
        <source>Re&amp;load and re-check evidence</source>
        <translation>重新载入并重新检查证据(&amp;L)</translation>
    </message>
    <message>
        <source>Record AI &amp;stance…</source>
        <translation>记录 AI 立场(&amp;S)…</translation>
    </message>
    <message>
        <source>Set &amp;as-of time</source>
        <translation>设置截至时间(&amp;A)</translation>
    </message>
</context>
<context>
    <name>DeadlinesView</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Apply to every desk</source>
        <translation>应用到所有工作台</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Expiring within</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Pending longer than</source>
        <translation>待定超过</translation>
    </message>
    <message>
        <source>Scan notice under</source>
        <translation>扫描通知少于</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>艺人</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Enter or double-click opens the artist&apos;s consent records.</source>
        <translation>按 Enter 或双击可打开该艺人的同意记录。</translation>
    </message>
    <message>
        <source>Consents expiring within {n} days</source>
        <translation>{n} 天内到期的同意</translation>
    </message>
    <message>
        <source>Decisions pending longer than {n} days</source>
        <translation>待定超过 {n} 天的决定</translation>
    </message>
    <message>
        <source>Scans booked with less than {n} h notice</source>
        <translation>通知时间少于 {n} 小时的扫描安排</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{e} expiring · {p} waiting for a decision · {s} short-notice scans</source>
        <translation>{e} 项即将到期 · {p} 项等待决定 · {s} 项扫描通知不足</translation>
    </message>
    <message>
        <source>{n} left</source>
        <translation>剩 {n}</translation>
    </message>
    <message>
        <source>waiting {n}</source>
        <translation>已等 {n}</translation>
    </message>
    <message>
        <source>no notice recorded</source>
        <translation>未记录通知</translation>
    </message>
    <message>
        <source>{h:.0f} h notice</source>
        <translation>提前 {h:.0f} 小时通知</translation>
    </message>
</context>
<context>
    <name>Decision</name>
    <message>
        <source>Signed agreement</source>
        <translation>已签署的协议</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>视频通话</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Agency&apos;s advice to {name}</source>
        <translation>经纪公司对{name}的建议</translation>
    </message>
    <message>
        <source>Decision of {name}</source>
        <translation>{name}的决定</translation>
    </message>
    <message>
        <source>Who in the agency</source>
        <translation>经纪公司中的何人</translation>
    </message>
    <message>
        <source>The artist, their guardian or the estate</source>
        <translation>艺人、其监护人或近亲属（或遗产管理人）</translation>
    </message>
    <message>
        <source>A recommendation is advice, never the artist&apos;s decision.</source>
        <translation>建议仅供参考，绝不等于艺人的决定。</translation>
    </message>
    <message>
        <source>Only the artist (or their guardian or estate) decides.</source>
        <translation>只有艺人（或其监护人、近亲属）可以作出决定。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>By</source>
        <translation>由</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DecisionSection</name>
    <message>
        <source>Already put to the artist</source>
        <translation>已交由艺人决定</translation>
    </message>
    <message>
        <source>Agency recommendation</source>
        <translation>经纪公司建议</translation>
    </message>
    <message>
        <source>(none recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <source>Who in the agency</source>
        <translation>经纪公司中的何人</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>By</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Artist&apos;s decision</source>
        <translation>艺人的决定</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>尚未决定</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>The artist, guardian or estate</source>
        <translation>艺人、监护人或近亲属（或遗产管理人）</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
</context>
<context>
    <name>DecisionsPanel</name>
    <message>
        <source>Artist</source>
        <translation>艺人</translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation>请求内容</translation>
    </message>
    <message>
        <source>Agency&apos;s advice</source>
        <translation>经纪公司建议</translation>
    </message>
    <message>
        <source>Artist&apos;s decision</source>
        <translation>艺人的决定</translation>
    </message>
    <message>
        <source>Consent record</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>Record agency &amp;advice…</source>
        <translation>记录经纪公司建议(&amp;A)…</translation>
    </message>
    <message>
        <source>Record artist&apos;s &amp;decision…</source>
        <translation>记录艺人的决定(&amp;D)…</translation>
    </message>
    <message>
        <source>Clear advice</source>
        <translation>清除建议</translation>
    </message>
    <message>
        <source>Clear decision</source>
        <translation>清除决定</translation>
    </message>
    <message>
        <source>Answering the producer needs every artist&apos;s own decision; the agency&apos;s advice is recorded apart and never counts as a decision.</source>
        <translation>答复制作方需要每位艺人本人的决定；经纪公司的建议单独记录，绝不算作决定。</translation>
    </message>
    <message>
        <source>{what} — {who}, {when}</source>
        <translation>{what} — {who}，{when}</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>not decided yet</source>
        <translation>尚未决定</translation>
    </message>
</context>
<context>
    <name>DeskTools</name>
    <message>
        <source>{file} is no longer there.</source>
        <translation>{file} 已不在原处。</translation>
    </message>
    <message>
        <source>Find &amp;everything…</source>
        <translation>全局查找(&amp;E)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Main actions</source>
        <translation>主要操作</translation>
    </message>
    <message>
        <source>New artist</source>
        <translation>新建艺人</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>声明</translation>
    </message>
    <message>
        <source>Leak day</source>
        <translation>名单曝光应对</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>剧本</translation>
    </message>
    <message>
        <source>Leak list</source>
        <translation>曝光名单</translation>
    </message>
    <message>
        <source>Proposal {label}</source>
        <translation>提案 {label}</translation>
    </message>
</context>
<context>
    <name>DeskUserDialog</name>
    <message>
        <source>Who is at this desk?</source>
        <translation>谁在使用本工作台？</translation>
    </message>
    <message>
        <source>e.g. Mei Chen</source>
        <translation>例如：陈梅</translation>
    </message>
    <message>
        <source>Your name is recorded with every change made here (the audit trail&apos;s operator) and as the issuer of the statements you sign. Change it any time in Edit → Preferences.</source>
        <translation>您的姓名将作为经办人记录在此处的每项更改中（审计记录），并作为您签署的声明的出具人。可随时在“编辑 → 偏好设置”中更改。</translation>
    </message>
    <message>
        <source>Your &amp;name *</source>
        <translation>您的姓名(&amp;N) *</translation>
    </message>
</context>
<context>
    <name>DraftTableModel</name>
    <message>
        <source>Native name</source>
        <translation>原文姓名</translation>
    </message>
    <message>
        <source>Romanised name</source>
        <translation>罗马化姓名</translation>
    </message>
    <message>
        <source>Stage names</source>
        <translation>艺名</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>司法辖区</translation>
    </message>
    <message>
        <source>Unions</source>
        <translation>工会</translation>
    </message>
    <message>
        <source>AI stance</source>
        <translation>AI 立场</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Please correct</source>
        <translation>请更正</translation>
    </message>
    <message>
        <source>Consent Desk</source>
        <translation>Consent Desk</translation>
    </message>
    <message>
        <source>Something went wrong; details saved to {path}</source>
        <translation>出现错误；详细信息已保存到 {path}</translation>
    </message>
    <message>
        <source>Your saved records are safe. Please send the log file to whoever supports you.</source>
        <translation>已保存的记录是安全的。请将日志文件发送给为您提供支持的人员。</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>Signed agreement</source>
        <translation>已签署的协议</translation>
    </message>
    <message>
        <source>Record of the decision</source>
        <translation>决定记录</translation>
    </message>
    <message>
        <source>Revocation notice</source>
        <translation>撤回通知</translation>
    </message>
    <message>
        <source>Correspondence</source>
        <translation>往来信函</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove new file</source>
        <translation>移除新文件</translation>
    </message>
    <message>
        <source>Drop signed agreements here. Files are stored with their SHA-256 when saved.</source>
        <translation>将已签署的协议拖放到此处。保存时会连同 SHA-256 一起存储文件。</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未校验</translation>
    </message>
    <message>
        <source>✓ matches</source>
        <translation>✓ 一致</translation>
    </message>
    <message>
        <source>✗ file missing</source>
        <translation>✗ 文件缺失</translation>
    </message>
    <message>
        <source>✗ changed since it was stored</source>
        <translation>✗ 存储后已被更改</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>附加证据</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.txt *.docx *.eml)</source>
        <translation>文档 (*.pdf *.png *.jpg *.jpeg *.txt *.docx *.eml)</translation>
    </message>
    <message>
        <source>All (*)</source>
        <translation>全部 (*)</translation>
    </message>
    <message>
        <source>hashing…</source>
        <translation>正在计算哈希…</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新文件</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>正在检查 {name}…</translation>
    </message>
    <message>
        <source>same file already listed: not added again</source>
        <translation>相同文件已在列表中：未重复添加</translation>
    </message>
    <message>
        <source>new · {kb} KB</source>
        <translation>新 · {kb} KB</translation>
    </message>
    <message>
        <source>cannot be read: not added</source>
        <translation>无法读取：未添加</translation>
    </message>
</context>
<context>
    <name>Exclusion</name>
    <message>
        <source>Nudity</source>
        <translation>裸露</translation>
    </message>
    <message>
        <source>Sexual content</source>
        <translation>性内容</translation>
    </message>
    <message>
        <source>Violence</source>
        <translation>暴力</translation>
    </message>
    <message>
        <source>Political content</source>
        <translation>政治内容</translation>
    </message>
    <message>
        <source>Religious content</source>
        <translation>宗教内容</translation>
    </message>
    <message>
        <source>Alcohol ads</source>
        <translation>酒类广告</translation>
    </message>
    <message>
        <source>Tobacco ads</source>
        <translation>烟草广告</translation>
    </message>
    <message>
        <source>Gambling</source>
        <translation>赌博</translation>
    </message>
    <message>
        <source>Financial products</source>
        <translation>金融产品</translation>
    </message>
    <message>
        <source>Medical claims</source>
        <translation>医疗宣称</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export review report</source>
        <translation>导出审查报告</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese (中文)</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Both (English and Chinese)</source>
        <translation>双语（英文和中文）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>An unsigned PDF with the proposal, the character mapping, the findings with their sources and the script lines around each AI use.</source>
        <translation>一份未签名的 PDF，包含提案、角色对应、检查结果及其依据，以及每处 AI 使用前后的剧本台词。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ExportStatementDialog</name>
    <message>
        <source>Export statement</source>
        <translation>导出声明</translation>
    </message>
    <message>
        <source>Platforms that list the artist, separated by ; (implies no consent)</source>
        <translation>列入该艺人的平台，用 ; 分隔（列名不代表同意）</translation>
    </message>
    <message>
        <source>Print the revocation reason</source>
        <translation>在声明中印出撤回理由</translation>
    </message>
    <message>
        <source>The reason for a revocation is private unless you choose to publish it.</source>
        <translation>撤回理由默认不公开，除非您选择公布。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Artist:</source>
        <translation>艺人：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>截至：</translation>
    </message>
    <message>
        <source>Listed on:</source>
        <translation>列名平台：</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>另存为：</translation>
    </message>
    <message>
        <source>Sign and export…</source>
        <translation>签署并导出…</translation>
    </message>
    <message>
        <source>Save statement as</source>
        <translation>将声明另存为</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Choose an artist.</source>
        <translation>请选择一位艺人。</translation>
    </message>
    <message>
        <source>This artist has no consent record for a project.</source>
        <translation>此艺人没有针对某个项目的同意记录。</translation>
    </message>
    <message>
        <source>The as-of time is in the future.</source>
        <translation>截至时间在将来。</translation>
    </message>
    <message>
        <source>The file name must end in .pdf.</source>
        <translation>文件名必须以 .pdf 结尾。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
</context>
<context>
    <name>FilesPanel</name>
    <message>
        <source>Drop script files here</source>
        <translation>将剧本文件拖放到此处</translation>
    </message>
    <message>
        <source>Add &amp;script…</source>
        <translation>添加剧本(&amp;S)…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Scripts (drop files here)</source>
        <translation>剧本（可拖放文件到此处）</translation>
    </message>
    <message>
        <source>Drop the proposal letter, contracts or other files here</source>
        <translation>将提案函、合同或其他文件拖放到此处</translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Other files (drop files here)</source>
        <translation>其他文件（可拖放文件到此处）</translation>
    </message>
    <message>
        <source>Added by {who}, {when}
SHA-256 {sha}</source>
        <translation>由 {who} 于 {when} 添加
SHA-256 {sha}</translation>
    </message>
    <message>
        <source>{n} scene</source>
        <translation>{n} 个场次</translation>
    </message>
    <message>
        <source>{n} scenes</source>
        <translation>{n} 个场次</translation>
    </message>
    <message>
        <source>{n} AI use</source>
        <translation>{n} 处 AI 使用</translation>
    </message>
    <message>
        <source>{n} AI uses</source>
        <translation>{n} 处 AI 使用</translation>
    </message>
    <message>
        <source>Added by {who}, {when}</source>
        <translation>由 {who} 于 {when} 添加</translation>
    </message>
    <message>
        <source>Add scripts</source>
        <translation>添加剧本</translation>
    </message>
    <message>
        <source>Scripts (*.fountain *.spmd *.fdx *.pdf *.docx *.txt *.text);;All files (*)</source>
        <translation>剧本 (*.fountain *.spmd *.fdx *.pdf *.docx *.txt *.text);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>Still attaching files; wait for them first.</source>
        <translation>仍在附加文件；请先等待完成。</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Attached {n} file(s) to proposal #{id}.</source>
        <translation>已将 {n} 个文件附加到提案 #{id}。</translation>
    </message>
    <message>
        <source>Attaching {n} file(s)…</source>
        <translation>正在附加 {n} 个文件…</translation>
    </message>
    <message>
        <source>Take the script {name} off proposal #{id}? Its character mapping and AI uses no longer count in checks. The stored copy and the audit trail keep it; this cannot be undone (attach the file again if needed).</source>
        <translation>要从提案 #{id} 中移除剧本 {name} 吗？其角色对应和 AI 使用将不再计入检查。存储的副本和审计记录仍会保留；此操作无法撤销（如有需要可重新附加该文件）。</translation>
    </message>
    <message>
        <source>Take {name} off proposal #{id}? The stored copy and the audit trail keep it; this cannot be undone (attach the file again if needed).</source>
        <translation>要从提案 #{id} 中移除 {name} 吗？存储的副本和审计记录仍会保留；此操作无法撤销（如有需要可重新附加该文件）。</translation>
    </message>
    <message>
        <source>Remove from the proposal</source>
        <translation>从提案中移除</translation>
    </message>
</context>
<context>
    <name>FindEverythingDialog</name>
    <message>
        <source>Find everything</source>
        <translation>全局查找</translation>
    </message>
    <message>
        <source>Artist, proposal or statement: 中文, pinyin, English or an id</source>
        <translation>艺人、提案或声明：中文、拼音、英文或编号</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>艺人</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>声明</translation>
    </message>
    <message>
        <source>Enter goes to the highlighted one.</source>
        <translation>按回车键转到所选条目。</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>未找到。</translation>
    </message>
</context>
<context>
    <name>FindingFilters</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show or hide {severity} findings</source>
        <translation>显示或隐藏“{severity}”级检查结果</translation>
    </message>
    <message>
        <source>Accepted risks</source>
        <translation>已接受的风险</translation>
    </message>
    <message>
        <source>Every artist</source>
        <translation>所有艺人</translation>
    </message>
    <message>
        <source>(no artist: the proposal&apos;s terms)</source>
        <translation>（无艺人：提案条款）</translation>
    </message>
    <message>
        <source>Every rule</source>
        <translation>所有规则</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>&amp;Run check</source>
        <translation>运行检查(&amp;R)</translation>
    </message>
    <message>
        <source>What &amp;changed</source>
        <translation>变化(&amp;C)</translation>
    </message>
    <message>
        <source>Only what changed since the check before: new and resolved findings</source>
        <translation>仅显示与上次检查相比的变化：新增和已解决的检查结果</translation>
    </message>
    <message>
        <source>&amp;Export review report…</source>
        <translation>导出审查报告(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Accept risk…</source>
        <translation>接受风险(&amp;A)…</translation>
    </message>
    <message>
        <source>Take back accepted risk</source>
        <translation>收回已接受的风险</translation>
    </message>
    <message>
        <source>Go to the script line</source>
        <translation>转到剧本台词</translation>
    </message>
    <message>
        <source>Check of {when} by {who}</source>
        <translation>{who} 于 {when} 进行的检查</translation>
    </message>
    <message>
        <source> (latest)</source>
        <translation>（最新）</translation>
    </message>
    <message>
        <source>Not checked yet: map the script characters, then Run check.</source>
        <translation>尚未检查：请先对应剧本角色，然后运行检查。</translation>
    </message>
    <message>
        <source>{counts} · {accepted} accepted · showing {shown}</source>
        <translation>{counts} · {accepted} 项已接受 · 显示 {shown} 项</translation>
    </message>
    <message>
        <source>since the check before: {new} new, {gone} resolved, {same} unchanged</source>
        <translation>与上次检查相比：新增 {new} 项，已解决 {gone} 项，未变 {same} 项</translation>
    </message>
    <message>
        <source>Risk accepted by {who}, {when}:</source>
        <translation>风险由 {who} 于 {when} 接受：</translation>
    </message>
    <message>
        <source>nothing found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>Check done: {n} finding(s); worst: {worst}.</source>
        <translation>检查完成：{n} 项检查结果；最严重：{worst}。</translation>
    </message>
    <message>
        <source>Checking proposal #{id} against the consent records…</source>
        <translation>正在对照同意记录检查提案 #{id}…</translation>
    </message>
    <message>
        <source>Review report written to {path}.</source>
        <translation>审查报告已写入 {path}。</translation>
    </message>
    <message>
        <source>Writing the review report…</source>
        <translation>正在写入审查报告…</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Suggested action</source>
        <translation>建议措施</translation>
    </message>
    <message>
        <source>What the rule looked at</source>
        <translation>规则检查的内容</translation>
    </message>
</context>
<context>
    <name>FindingsTableModel</name>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>艺人</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Suggested action</source>
        <translation>建议措施</translation>
    </message>
    <message>
        <source>Accepted risk</source>
        <translation>已接受的风险</translation>
    </message>
    <message>
        <source>Since last run</source>
        <translation>与上次相比</translation>
    </message>
    <message>
        <source>terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>first check</source>
        <translation>首次检查</translation>
    </message>
    <message>
        <source>Accepted by {who}: {reason}</source>
        <translation>由 {who} 接受：{reason}</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Select a cell of the matrix to see its record.</source>
        <translation>选择矩阵中的单元格以查看其记录。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Versions (newest first)</source>
        <translation>版本（最新在前）</translation>
    </message>
    <message>
        <source>Consent #{id} — {scope}</source>
        <translation>同意 #{id} — {scope}</translation>
    </message>
    <message>
        <source>Evidence: checking…</source>
        <translation>证据：正在检查…</translation>
    </message>
    <message>
        <source>Version {v} (#{id}) · {status} · recorded {when} by {who}</source>
        <translation>第 {v} 版（#{id}）· {status} · 由 {who} 于 {when} 记录</translation>
    </message>
    <message>
        <source>(after the as-of time)</source>
        <translation>（晚于截至时间）</translation>
    </message>
    <message>
        <source>open-ended</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source>Version {v}, {status} at the as-of time; term {start} to {end}</source>
        <translation>第 {v} 版，截至该时间为“{status}”；期限 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Agency recommendation: {what} by {who}, {when}</source>
        <translation>经纪公司建议：{what}，{who}，{when}</translation>
    </message>
    <message>
        <source>Artist&apos;s decision: {outcome} by {who}, {when}</source>
        <translation>艺人的决定：{outcome}，{who}，{when}</translation>
    </message>
    <message>
        <source>Revoked from {when} by {who}: {reason}</source>
        <translation>自 {when} 起撤回，由 {who} 记录：{reason}</translation>
    </message>
    <message>
        <source>Last changed by {who}, {when}</source>
        <translation>最后修改：{who}，{when}</translation>
    </message>
    <message>
        <source>Decided by {who}, {when}</source>
        <translation>决定人：{who}，{when}</translation>
    </message>
    <message>
        <source>Evidence: no files attached.</source>
        <translation>证据：未附加文件。</translation>
    </message>
    <message>
        <source>Evidence: {n} file(s), SHA-256 re-checked: all match.</source>
        <translation>证据：{n} 个文件，已重新校验 SHA-256：全部一致。</translation>
    </message>
    <message>
        <source>Evidence re-checked: {names} no longer match the SHA-256 recorded.</source>
        <translation>证据已重新检查：{names} 与记录的 SHA-256 不再一致。</translation>
    </message>
    <message>
        <source>Version {a} → version {b}: what changed</source>
        <translation>第 {a} 版 → 第 {b} 版：更改内容</translation>
    </message>
    <message>
        <source>Version {v}: recorded with</source>
        <translation>第 {v} 版：记录时的内容</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Signing identity</source>
        <translation>签名身份</translation>
    </message>
    <message>
        <source>Current identity</source>
        <translation>当前身份</translation>
    </message>
    <message>
        <source>Create new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Import certificate (.p12)</source>
        <translation>导入证书（.p12）</translation>
    </message>
    <message>
        <source>Letterhead…</source>
        <translation>信笺抬头…</translation>
    </message>
    <message>
        <source>Copy fingerprint</source>
        <translation>复制指纹</translation>
    </message>
    <message>
        <source>Export certificate…</source>
        <translation>导出证书…</translation>
    </message>
    <message>
        <source>Publish this SHA-256 fingerprint (website, press page) so journalists can tell the agency&apos;s statements from forgeries.</source>
        <translation>请公布此 SHA-256 指纹（网站、新闻页面），以便记者辨别经纪公司的声明与伪造声明。</translation>
    </message>
    <message>
        <source>Signer:</source>
        <translation>签署人：</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>有效期至：</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 指纹：</translation>
    </message>
    <message>
        <source>No signing identity yet: create or import one.</source>
        <translation>尚无签名身份：请新建或导入一个。</translation>
    </message>
    <message>
        <source>Create identity</source>
        <translation>创建身份</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Self-signed (readers compare the fingerprint)</source>
        <translation>自签名（读者需比对指纹）</translation>
    </message>
    <message>
        <source>Issued by a certificate authority</source>
        <translation>由证书颁发机构签发</translation>
    </message>
    <message>
        <source>Replace with a new identity…</source>
        <translation>替换为新身份…</translation>
    </message>
    <message>
        <source>Replace with imported identity…</source>
        <translation>替换为导入的身份…</translation>
    </message>
    <message>
        <source>Export certificate</source>
        <translation>导出证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem)</source>
        <translation>证书 (*.pem)</translation>
    </message>
    <message>
        <source>e.g. Starlight Talent</source>
        <translation>例如 Starlight Talent</translation>
    </message>
    <message>
        <source>e.g. 星光经纪</source>
        <translation>例如 星光经纪</translation>
    </message>
    <message>
        <source>A new key pair and a self-signed certificate naming the agency. The key is stored only encrypted with this passphrase; nobody can recover a forgotten passphrase.</source>
        <translation>新建一对密钥和一张载明经纪公司名称的自签名证书。密钥仅以此口令加密保存；口令一旦遗忘，任何人都无法找回。</translation>
    </message>
    <message>
        <source>Agency name (English):</source>
        <translation>经纪公司名称（英文）：</translation>
    </message>
    <message>
        <source>Agency name (Chinese):</source>
        <translation>经纪公司名称（中文）：</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Repeat passphrase:</source>
        <translation>再次输入口令：</translation>
    </message>
    <message>
        <source>Too short: at least {n} characters.</source>
        <translation>太短：至少 {n} 个字符。</translation>
    </message>
    <message>
        <source>Weak: longer is better (a few words make a good passphrase).</source>
        <translation>较弱：越长越好（几个词组成的口令就很好）。</translation>
    </message>
    <message>
        <source>Fair.</source>
        <translation>一般。</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>强。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Replace the signing identity?</source>
        <translation>替换签名身份？</translation>
    </message>
    <message>
        <source>Statements issued so far stay valid, but new ones will carry a different fingerprint: publish the new one. Replace the identity?</source>
        <translation>已出具的声明仍然有效，但新声明将带有不同的指纹：请公布新指纹。确定替换身份吗？</translation>
    </message>
    <message>
        <source>Creating the signing key…</source>
        <translation>正在创建签名密钥…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>A key and certificate from a certificate authority, as a PKCS#12 file (.p12 or .pfx). Its passphrase also protects the stored key.</source>
        <translation>来自证书颁发机构的密钥和证书，格式为 PKCS#12 文件（.p12 或 .pfx）。该文件的口令也用于保护存储的密钥。</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Passphrase of the file:</source>
        <translation>文件口令：</translation>
    </message>
    <message>
        <source>PKCS#12 file</source>
        <translation>PKCS#12 文件</translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx)</source>
        <translation>PKCS#12 文件 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Importing the certificate…</source>
        <translation>正在导入证书…</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>有改动</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>无改动</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <source>Add as a new artist</source>
        <translation>作为新艺人添加</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Update #{id}</source>
        <translation>更新 #{id}</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Nothing to do</source>
        <translation>无需操作</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>May be {who}</source>
        <translation>可能是 {who}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <source>New: {new} · Changed: {changed} · Unchanged: {unchanged} · Possible duplicates: {dupes}</source>
        <translation>新增：{new} · 有改动：{changed} · 无改动：{unchanged} · 可能重复：{dupes}</translation>
    </message>
    <message>
        <source>{file}: rows with problems: {bad}. Nothing is imported until every row is right: correct the file and import it again.</source>
        <translation>{file}：有问题的行数：{bad}。所有行都正确之前不会导入任何内容：请更正文件后重新导入。</translation>
    </message>
    <message>
        <source>A possible duplicate is skipped unless you choose otherwise in its Do column.</source>
        <translation>可能重复的行默认跳过，除非在其“操作”列中另行选择。</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problems not listed here: {n}.</source>
        <translation>此处未列出的问题：{n} 处。</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <source>Add {added} and update {updated} artists</source>
        <translation>添加 {added} 位、更新 {updated} 位艺人</translation>
    </message>
    <message>
        <source>Update {n} artists</source>
        <translation>更新 {n} 位艺人</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>没有需要导入的内容</translation>
    </message>
    <message>
        <source>Problems ({n})</source>
        <translation>问题（{n}）</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Import {n} artists</source>
        <translation>导入 {n} 位艺人</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>en</source>
        <comment>ISO code of this translation, e.g. zh_CN; picks the model&apos;s wording</comment>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>LanguageChoice</name>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Both, side by side</source>
        <translation>双语对照</translation>
    </message>
</context>
<context>
    <name>LeakIssuer</name>
    <message>
        <source>Signed {done} of {total}: {artist}</source>
        <translation>已签署 {done}/{total}：{artist}</translation>
    </message>
    <message>
        <source>Signing {n} statements…</source>
        <translation>正在签署 {n} 份声明…</translation>
    </message>
    <message>
        <source>Cancelled: the remaining artists got no statement.</source>
        <translation>已取消：其余艺人未获得声明。</translation>
    </message>
    <message>
        <source>{n} signed statements issued into {folder}.</source>
        <translation>已将 {n} 份签名声明出具到 {folder}。</translation>
    </message>
    <message>
        <source>Not issued for {artist}: {reason}</source>
        <translation>未为 {artist} 出具：{reason}</translation>
    </message>
    <message>
        <source>Summary: {file}</source>
        <translation>汇总：{file}</translation>
    </message>
    <message>
        <source>Statements issued</source>
        <translation>声明已出具</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>LeakScreens</name>
    <message>
        <source>Leak day</source>
        <translation>名单曝光应对</translation>
    </message>
</context>
<context>
    <name>LeakTableModel</name>
    <message>
        <source>Entry in the list</source>
        <translation>名单条目</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>艺人</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>匹配度</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>AI stance</source>
        <translation>AI 立场</translation>
    </message>
    <message>
        <source>Authorised now</source>
        <translation>当前已授权</translation>
    </message>
    <message>
        <source>Listed only on</source>
        <translation>仅列于</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>声明</translation>
    </message>
    <message>
        <source> · archived</source>
        <translation> · 已归档</translation>
    </message>
    <message>
        <source>— pick one of {n} —</source>
        <translation>— 从 {n} 位中选择 —</translation>
    </message>
    <message>
        <source>Nothing authorised</source>
        <translation>未授权任何使用</translation>
    </message>
    <message>
        <source>Not our artist</source>
        <translation>非本公司艺人</translation>
    </message>
    <message>
        <source>Picked by hand</source>
        <translation>手动选择</translation>
    </message>
    <message>
        <source>Not on the roster</source>
        <translation>不在艺人名册中</translation>
    </message>
    <message>
        <source>Near spelling — pick or skip</source>
        <translation>拼写相近 — 请选择或跳过</translation>
    </message>
    <message>
        <source>Sounds alike — pick or skip</source>
        <translation>读音相同 — 请选择或跳过</translation>
    </message>
    <message>
        <source>Look-alike character — pick or skip</source>
        <translation>形近字 — 请选择或跳过</translation>
    </message>
    <message>
        <source>Common spelling — pick or skip</source>
        <translation>常见拼写 — 请选择或跳过</translation>
    </message>
    <message>
        <source>Ambiguous — pick one</source>
        <translation>有歧义 — 请选择</translation>
    </message>
    <message>
        <source>Recorded alias</source>
        <translation>已登记别名</translation>
    </message>
    <message>
        <source>Pinyin — confirmed</source>
        <translation>拼音 — 已确认</translation>
    </message>
    <message>
        <source>Pinyin — confirm</source>
        <translation>拼音 — 待确认</translation>
    </message>
    <message>
        <source>Romanised — confirmed</source>
        <translation>罗马化拼写 — 已确认</translation>
    </message>
    <message>
        <source>Romanised — confirm</source>
        <translation>罗马化拼写 — 待确认</translation>
    </message>
    <message>
        <source>Word order — confirmed</source>
        <translation>姓名顺序颠倒 — 已确认</translation>
    </message>
    <message>
        <source>Word order — confirm</source>
        <translation>姓名顺序颠倒 — 待确认</translation>
    </message>
    <message>
        <source>Near spelling — confirm</source>
        <translation>拼写相近 — 待确认</translation>
    </message>
    <message>
        <source>No artist on the roster is written this way.</source>
        <translation>名册中没有这样书写的艺人。</translation>
    </message>
    <message>
        <source>{n} artists match this spelling equally well: pick the right one.</source>
        <translation>有 {n} 位艺人与此拼写同样匹配：请选择正确的一位。</translation>
    </message>
    <message>
        <source>The native name, character for character.</source>
        <translation>与原文姓名逐字相同。</translation>
    </message>
    <message>
        <source>The native name, written in traditional characters.</source>
        <translation>原文姓名的繁体写法。</translation>
    </message>
    <message>
        <source>A registered stage name of {who}.</source>
        <translation>{who}已登记的艺名。</translation>
    </message>
    <message>
        <source>A Latin spelling recorded as {who}&apos;s own.</source>
        <translation>已登记为{who}本人的拉丁字母拼写。</translation>
    </message>
    <message>
        <source>Sounds like {who} but is written with other characters.</source>
        <translation>读音与{who}相同，但用字不同。</translation>
    </message>
    <message>
        <source>One look-alike character ({change}) away from {who}.</source>
        <translation>与{who}仅差一个形近字（{change}）。</translation>
    </message>
    <message>
        <source>Spelled like {who}, but a two-character name in Latin letters is shared by many people: pick it only if you know it is them.</source>
        <translation>拼写与{who}相同，但两字姓名的拉丁字母拼写为许多人共有：只有确知是其本人时才选择。</translation>
    </message>
    <message>
        <source>Same spelling as {who} — other people share this pinyin.</source>
        <translation>拼写与{who}相同 — 其他人也可能是这个拼音。</translation>
    </message>
    <message>
        <source>Same romanisation as {who} — other people share this spelling.</source>
        <translation>罗马化拼写与{who}相同 — 其他人也可能是这个拼写。</translation>
    </message>
    <message>
        <source>{who} with the names in the other order.</source>
        <translation>{who}，姓与名顺序颠倒。</translation>
    </message>
    <message>
        <source>Same letters as {who}, read as other syllables.</source>
        <translation>字母与{who}相同，但音节划分不同。</translation>
    </message>
    <message>
        <source>One letter differs from {who}.</source>
        <translation>与{who}相差一个字母。</translation>
    </message>
    <message>
        <source>{n} letters differ from {who}.</source>
        <translation>与{who}相差 {n} 个字母。</translation>
    </message>
    <message>
        <source>Issued from this list: statement {id}</source>
        <translation>已根据此名单出具：声明 {id}</translation>
    </message>
    <message>
        <source>Click the arrow to choose another candidate:
{names}</source>
        <translation>点击箭头选择其他候选艺人：
{names}</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>完全匹配</translation>
    </message>
    <message>
        <source>Platforms that list the artist. A listing does not mean the artist agreed to any AI use.</source>
        <translation>将艺人列名的平台。列名不代表艺人同意或授权任何人工智能使用。</translation>
    </message>
    <message>
        <source>Exact (traditional)</source>
        <translation>完全一致（繁体）</translation>
    </message>
    <message>
        <source>Stage name</source>
        <translation>艺名</translation>
    </message>
    <message>
        <source>No consent record in force: nothing is authorised.</source>
        <translation>没有生效的同意记录：未授权任何使用。</translation>
    </message>
    <message>
        <source>A stance is not consent.</source>
        <translation>立场不等于同意。</translation>
    </message>
    <message>
        <source>Matched as: {text}</source>
        <translation>匹配为：{text}</translation>
    </message>
</context>
<context>
    <name>LeakView</name>
    <message>
        <source>Save listing</source>
        <translation>保存名单</translation>
    </message>
    <message>
        <source>Issue statements…</source>
        <translation>出具声明…</translation>
    </message>
    <message>
        <source>Write press kit…</source>
        <translation>生成新闻资料包…</translation>
    </message>
    <message>
        <source>A folder for journalists: the statements issued here, the register with its verify page, a press note in both languages and a how-to-check sheet</source>
        <translation>供记者使用的文件夹：此处出具的声明、含核验页面的登记簿、中英文新闻稿及核验说明</translation>
    </message>
    <message>
        <source>Open a published list</source>
        <translation>打开已公布的名单</translation>
    </message>
    <message>
        <source>Lists (*.txt *.csv *.xlsx *.pdf);;All files (*)</source>
        <translation>名单 (*.txt *.csv *.xlsx *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>file {name}</source>
        <translation>文件 {name}</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Matching {n} names against the roster…</source>
        <translation>正在将 {n} 个姓名与艺人名册匹配…</translation>
    </message>
    <message>
        <source>Paste or open a list to match it against the roster.</source>
        <translation>粘贴或打开名单，将其与艺人名册匹配。</translation>
    </message>
    <message>
        <source>{total} entries: {matched} matched, {ambiguous} ambiguous, {missing} not on the roster · {confirmed} artists confirmed</source>
        <translation>共 {total} 条：{matched} 条已匹配，{ambiguous} 条有歧义，{missing} 条不在名册中 · 已确认 {confirmed} 位艺人</translation>
    </message>
    <message>
        <source>{n} to check (shaded)</source>
        <translation>{n} 条待核对（阴影标示）</translation>
    </message>
    <message>
        <source>Issue {n} statements…</source>
        <translation>出具 {n} 份声明…</translation>
    </message>
    <message>
        <source>Changed since it was saved as listing #{id}.</source>
        <translation>保存为名单 #{id} 之后已有更改。</translation>
    </message>
    <message>
        <source>Saved listing #{id} ({platform}).</source>
        <translation>已保存名单 #{id}（{platform}）。</translation>
    </message>
    <message>
        <source>Saving the listing…</source>
        <translation>正在保存名单…</translation>
    </message>
    <message>
        <source>Saved as listing #{id}: {n} names, {c} artists confirmed.</source>
        <translation>已保存为名单 #{id}：{n} 个姓名，已确认 {c} 位艺人。</translation>
    </message>
    <message>
        <source>Folder for the signed statements</source>
        <translation>签名声明的存放文件夹</translation>
    </message>
    <message>
        <source>Sign {n} statements?</source>
        <translation>签署 {n} 份声明？</translation>
    </message>
    <message>
        <source>Sign {n} position statements naming {platform}.</source>
        <translation>签署 {n} 份提及{platform}的立场声明。</translation>
    </message>
    <message>
        <source>Where to write the press kit (a new folder is made inside)</source>
        <translation>新闻资料包的保存位置（将在其中新建文件夹）</translation>
    </message>
    <message>
        <source>Press kit written to {folder}.</source>
        <translation>新闻资料包已写入 {folder}。</translation>
    </message>
    <message>
        <source>Writing the press kit…</source>
        <translation>正在生成新闻资料包…</translation>
    </message>
    <message>
        <source>Sign the public register for a press kit of {n} statements.</source>
        <translation>为含 {n} 份声明的新闻资料包签署公开登记簿。</translation>
    </message>
</context>
<context>
    <name>LetterheadDialog</name>
    <message>
        <source>Letterhead</source>
        <translation>信笺抬头</translation>
    </message>
    <message>
        <source>Where the agency publishes its register&apos;s verify page; press kits print it as a QR code.</source>
        <translation>本机构发布登记簿核验页面的网址；新闻资料包会将其印为二维码。</translation>
    </message>
    <message>
        <source>Choose logo…</source>
        <translation>选择标志…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>移除标志</translation>
    </message>
    <message>
        <source>Agency name (English):</source>
        <translation>经纪公司名称（英文）：</translation>
    </message>
    <message>
        <source>Agency name (Chinese):</source>
        <translation>经纪公司名称（中文）：</translation>
    </message>
    <message>
        <source>Address (English):</source>
        <translation>地址（英文）：</translation>
    </message>
    <message>
        <source>Address (Chinese):</source>
        <translation>地址（中文）：</translation>
    </message>
    <message>
        <source>Logo (PNG or JPEG):</source>
        <translation>标志（PNG 或 JPEG）：</translation>
    </message>
    <message>
        <source>Verify page address:</source>
        <translation>核验页面网址：</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <source>Paste the published list here: one name a line, or separated by commas or 、. Numbering, brackets and roles are ignored.</source>
        <translation>将公布的名单粘贴到此处：每行一个姓名，或用逗号、顿号分隔。编号、括号和角色会被忽略。</translation>
    </message>
    <message>
        <source>Open list…</source>
        <translation>打开名单…</translation>
    </message>
    <message>
        <source>A text, CSV, Excel (.xlsx) or PDF file</source>
        <translation>文本、CSV、Excel（.xlsx）或 PDF 文件</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>e.g. Xingmu AI Artist Library</source>
        <translation>例如 星幕 AI 艺人库</translation>
    </message>
    <message>
        <source>Required: the platform or list that published the names.</source>
        <translation>必填：公布这些姓名的平台或名单。</translation>
    </message>
    <message>
        <source>Platform or list (required)</source>
        <translation>平台或名单（必填）</translation>
    </message>
    <message>
        <source>Platform or list:</source>
        <translation>平台或名单：</translation>
    </message>
    <message>
        <source>https://… or where it was seen</source>
        <translation>https://… 或发现名单的地方</translation>
    </message>
    <message>
        <source>Where the list was published</source>
        <translation>名单的发布位置</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* 必填</translation>
    </message>
    <message>
        <source>URL or note:</source>
        <translation>网址或备注：</translation>
    </message>
    <message>
        <source>Seen on:</source>
        <translation>发现日期：</translation>
    </message>
    <message>
        <source>Language of the statements</source>
        <translation>声明的语言</translation>
    </message>
    <message>
        <source>Statements in:</source>
        <translation>声明语言：</translation>
    </message>
    <message>
        <source>The list</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Name the platform or list that published the names: statements cite it.</source>
        <translation>请填写公布这些姓名的平台或名单：声明会引用它。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Roster</source>
        <translation>艺人名册</translation>
    </message>
    <message>
        <source>Export &amp;statement…</source>
        <translation>导出声明(&amp;S)…</translation>
    </message>
    <message>
        <source>Export statements for the selected artists…</source>
        <translation>为所选艺人导出声明…</translation>
    </message>
    <message>
        <source>Export statement &amp;as of the date shown…</source>
        <translation>按所示日期导出声明(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import roster…</source>
        <translation>导入艺人名册(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export roster…</source>
        <translation>导出艺人名册(&amp;E)…</translation>
    </message>
    <message>
        <source>Load &amp;demo roster</source>
        <translation>载入示例名册(&amp;D)</translation>
    </message>
    <message>
        <source>Only possible while the roster is empty</source>
        <translation>仅在艺人名册为空时可用</translation>
    </message>
    <message>
        <source>Desk &amp;user name…</source>
        <translation>操作人姓名(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Consent Desk</source>
        <translation>关于 Consent Desk(&amp;A)</translation>
    </message>
    <message>
        <source>Changes are now recorded as {name}.</source>
        <translation>今后的更改将记录为 {name}。</translation>
    </message>
    <message>
        <source>Try the demo roster?</source>
        <translation>试用示例名册？</translation>
    </message>
    <message>
        <source>Your roster is empty. Load a fictional demo agency (about 30 artists, Chinese and Western names) to try Consent Desk?</source>
        <translation>艺人名册为空。是否载入一个虚构的示例经纪公司（约 30 位艺人，含中文和西文姓名）来试用 Consent Desk？</translation>
    </message>
    <message>
        <source>Demo artists stay in this database (they can be archived, never deleted). To keep real records apart, start Consent Desk with another database (--db).</source>
        <translation>示例艺人会保留在此数据库中（可归档，但不能删除）。如需与真实记录分开，请使用另一个数据库启动 Consent Desk（--db）。</translation>
    </message>
    <message>
        <source>Please wait for the running task to finish (or cancel it) first.</source>
        <translation>请等待正在运行的任务完成（或先取消它）。</translation>
    </message>
</context>
<context>
    <name>MappingPanel</name>
    <message>
        <source>Confirm all &amp;clear suggestions</source>
        <translation>确认所有明确的建议(&amp;C)</translation>
    </message>
    <message>
        <source>Character</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>对白</translation>
    </message>
    <message>
        <source>AI uses</source>
        <translation>AI 使用</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>艺人</translation>
    </message>
    <message>
        <source>Why / confirmed</source>
        <translation>依据 / 确认</translation>
    </message>
    <message>
        <source>Nothing counts until it is confirmed here. Characters with AI uses come first.</source>
        <translation>在此确认之前，任何对应都不计入。含 AI 使用的角色排在前面。</translation>
    </message>
    <message>
        <source>Choose a script to map its characters to artists.</source>
        <translation>选择一个剧本，将其中的角色对应到艺人。</translation>
    </message>
    <message>
        <source>{name}: {done} of {n} characters confirmed</source>
        <translation>{name}：已确认 {done}/{n} 个角色</translation>
    </message>
    <message>
        <source>— not confirmed —</source>
        <translation>— 未确认 —</translation>
    </message>
    <message>
        <source>{name} (suggested, {score})</source>
        <translation>{name}（建议，{score} 分）</translation>
    </message>
    <message>
        <source>suggested: {name} — {basis}, score {score}</source>
        <translation>建议：{name} — {basis}，{score} 分</translation>
    </message>
    <message>
        <source> (on the roster, not on this proposal)</source>
        <translation>（在艺人名册中，但不在本提案之列）</translation>
    </message>
    <message>
        <source>Not one of our artists</source>
        <translation>非本公司艺人</translation>
    </message>
    <message>
        <source>Other artist…</source>
        <translation>其他艺人…</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>{character} is {name} (score {score})</source>
        <translation>{character} 即 {name}（{score} 分）</translation>
    </message>
    <message>
        <source>confirmed by {by}, {when}</source>
        <translation>由 {by} 于 {when} 确认</translation>
    </message>
    <message>
        <source>no suggestion</source>
        <translation>无建议</translation>
    </message>
    <message>
        <source> (not certain: please choose)</source>
        <translation>（不确定：请选择）</translation>
    </message>
    <message>
        <source>the producer lists this role for them</source>
        <translation>制作方为其列出了这个角色</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>同名</translation>
    </message>
    <message>
        <source>a stage name</source>
        <translation>艺名</translation>
    </message>
    <message>
        <source>the romanised name</source>
        <translation>罗马化姓名</translation>
    </message>
    <message>
        <source>the pinyin of the name</source>
        <translation>姓名的拼音</translation>
    </message>
    <message>
        <source>the name in another order</source>
        <translation>姓名顺序不同</translation>
    </message>
    <message>
        <source>a name that sounds the same</source>
        <translation>读音相同的姓名</translation>
    </message>
    <message>
        <source>a similar name</source>
        <translation>相似的姓名</translation>
    </message>
</context>
<context>
    <name>MatrixPanel</name>
    <message>
        <source>No consent records: nothing is authorised for this artist.</source>
        <translation>无同意记录：此艺人未授权任何使用。</translation>
    </message>
    <message>
        <source>* via a record for any project</source>
        <translation>* 通过“任何项目”的记录</translation>
    </message>
</context>
<context>
    <name>Modality</name>
    <message>
        <source>Body likeness</source>
        <translation>形体肖像</translation>
    </message>
    <message>
        <source>De-aging</source>
        <translation>减龄处理</translation>
    </message>
    <message>
        <source>Digital double creation</source>
        <translation>数字替身制作</translation>
    </message>
    <message>
        <source>Face likeness</source>
        <translation>面部肖像</translation>
    </message>
    <message>
        <source>Model training</source>
        <translation>模型训练</translation>
    </message>
    <message>
        <source>Name and biography</source>
        <translation>姓名与生平</translation>
    </message>
    <message>
        <source>Performance capture</source>
        <translation>表演捕捉</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>Voice translation / dubbing</source>
        <translation>声音译配（跨语种配音）</translation>
    </message>
</context>
<context>
    <name>Parties</name>
    <message>
        <source>Add counterparty {name}</source>
        <translation>添加合作方 {name}</translation>
    </message>
    <message>
        <source>Add project {title}</source>
        <translation>添加项目 {title}</translation>
    </message>
    <message>
        <source>Other company</source>
        <translation>其他公司</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>制作方</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <source>New counterparty</source>
        <translation>新建合作方</translation>
    </message>
    <message>
        <source>New project of {party}</source>
        <translation>{party} 的新项目</translation>
    </message>
    <message>
        <source>Required, e.g. 星幕视频</source>
        <translation>必填，例如 星幕视频</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Name (native script)</source>
        <translation>名称（原文）</translation>
    </message>
    <message>
        <source>Romanised name</source>
        <translation>罗马化姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title (native script)</source>
        <translation>标题（原文）</translation>
    </message>
    <message>
        <source>Romanised title</source>
        <translation>罗马化标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Nothing is deleted: Edit → Undo archives it.</source>
        <translation>不会删除任何内容：编辑 → 撤销 会将其归档。</translation>
    </message>
    <message>
        <source>{name} (from pinyin if left empty)</source>
        <translation>{name}（留空时由拼音生成）</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Sign with the agency&apos;s identity</source>
        <translation>以经纪公司的身份签署</translation>
    </message>
    <message>
        <source>{purpose}

Signing as {subject}
Certificate {fingerprint}</source>
        <translation>{purpose}

签署身份：{subject}
证书 {fingerprint}</translation>
    </message>
    <message>
        <source>Passphrase of the signing identity</source>
        <translation>签名身份的口令</translation>
    </message>
    <message>
        <source>The passphrase is not stored; it is asked each time you sign.</source>
        <translation>口令不会被保存；每次签署时都会询问。</translation>
    </message>
    <message>
        <source>Unlock and sign</source>
        <translation>解锁并签署</translation>
    </message>
    <message>
        <source>Unlocking the signing key…</source>
        <translation>正在解锁签名密钥…</translation>
    </message>
    <message>
        <source>{problem} Please try again.</source>
        <translation>{problem} 请重试。</translation>
    </message>
</context>
<context>
    <name>PlanTableModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Do</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Native name</source>
        <translation>原文姓名</translation>
    </message>
    <message>
        <source>Romanised name</source>
        <translation>罗马化姓名</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>改动内容</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>The language changes when Consent Desk next starts.</source>
        <translation>语言将在下次启动 Consent Desk 时更改。</translation>
    </message>
    <message>
        <source>Language: {language}</source>
        <translation>语言：{language}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>跟随系统（{language}）</translation>
    </message>
    <message>
        <source>The window reopens in the new language when you press OK; the undo history is cleared. Dates and numbers follow the language too.</source>
        <translation>按“确定”后，窗口将以新语言重新打开，撤销历史会被清除。日期和数字格式也随语言改变。</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Recorded with every change you make and as the issuer of statements.</source>
        <translation>作为经办人记录在您的每项更改中，并作为声明的出具人。</translation>
    </message>
    <message>
        <source>Desk &amp;user</source>
        <translation>经办人(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>Project</name>
    <message>
        <source>Film</source>
        <translation>电影</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>剧集</translation>
    </message>
    <message>
        <source>Advertisement</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>游戏</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ProposalCommand</name>
    <message>
        <source> at line {line}</source>
        <translation>（第 {line} 行）</translation>
    </message>
    <message>
        <source>Accept the risk of {rule}{where}</source>
        <translation>接受 {rule}{where} 的风险</translation>
    </message>
    <message>
        <source>Clear the agency&apos;s advice for {name}</source>
        <translation>清除经纪公司对{name}的建议</translation>
    </message>
    <message>
        <source>Clear the decision of {name}</source>
        <translation>清除{name}的决定</translation>
    </message>
    <message>
        <source>Confirm {n} suggested mappings</source>
        <translation>确认 {n} 项建议的对应</translation>
    </message>
    <message>
        <source>Edit proposal #{id}</source>
        <translation>编辑提案 #{id}</translation>
    </message>
    <message>
        <source>Map {character}</source>
        <translation>对应 {character}</translation>
    </message>
    <message>
        <source>Proposal #{id}: {old} → {new}</source>
        <translation>提案 #{id}：{old} → {new}</translation>
    </message>
    <message>
        <source>Record the agency&apos;s advice for {name}</source>
        <translation>记录经纪公司对{name}的建议</translation>
    </message>
    <message>
        <source>Record the decision of {name}</source>
        <translation>记录{name}的决定</translation>
    </message>
    <message>
        <source>Take back the accepted risk of {rule}{where}</source>
        <translation>收回 {rule}{where} 的已接受风险</translation>
    </message>
</context>
<context>
    <name>ProposalDialog</name>
    <message>
        <source>New proposal</source>
        <translation>新建提案</translation>
    </message>
    <message>
        <source>Proposal #{id}</source>
        <translation>提案 #{id}</translation>
    </message>
    <message>
        <source>Find: 中文 / pinyin</source>
        <translation>查找：中文 / 拼音</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Who sent it, e.g. Zhang Wei &lt;producer@…&gt;</source>
        <translation>发送人，例如 张伟 &lt;producer@…&gt;</translation>
    </message>
    <message>
        <source>answer by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>What the production is about</source>
        <translation>作品内容简介</translation>
    </message>
    <message>
        <source>How AI-made shots or voice will be labelled or disclosed</source>
        <translation>AI 生成的画面或声音将如何标识或披露</translation>
    </message>
    <message>
        <source>Asks to train an AI model on the artist</source>
        <translation>要求用艺人数据训练 AI 模型</translation>
    </message>
    <message>
        <source>Asks to keep scans or models after the project</source>
        <translation>要求在项目结束后保留扫描数据或模型</translation>
    </message>
    <message>
        <source>Asks to sub-license to others</source>
        <translation>要求转授权给他人</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Labelling plan</source>
        <translation>标识方案</translation>
    </message>
    <message>
        <source>Also asks</source>
        <translation>其他要求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;Proposal</source>
        <translation>提案(&amp;P)</translation>
    </message>
    <message>
        <source>Requested &amp;artists</source>
        <translation>请求的艺人(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Scan sessions</source>
        <translation>扫描安排(&amp;S)</translation>
    </message>
    <message>
        <source>Log proposal</source>
        <translation>登记提案</translation>
    </message>
    <message>
        <source>Logging keeps the proposal for good (nothing is deleted); if it was logged by mistake, mark it withdrawn.</source>
        <translation>登记后提案将永久保留（不会删除任何内容）；如误登记，请将其标记为已撤回。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Edit → Undo puts the terms back as they were.</source>
        <translation>编辑 → 撤销 可恢复原条款。</translation>
    </message>
    <message>
        <source>session {n}: {message}</source>
        <translation>扫描 {n}：{message}</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to fix before saving — first: {field}{where}: {message}</source>
        <translation>
            <numerusform>保存前需修正 %n 处 — 第一处：{field}{where}：{message}</numerusform>
        </translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Requested artists</source>
        <translation>请求的艺人</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>报酬</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒介</translation>
    </message>
    <message>
        <source>Territories</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Scan sessions</source>
        <translation>扫描安排</translation>
    </message>
</context>
<context>
    <name>ProposalOverview</name>
    <message>
        <source>Answer by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>报酬</translation>
    </message>
    <message>
        <source>Labelling plan</source>
        <translation>标识方案</translation>
    </message>
    <message>
        <source>Logged {when} by {who}; last changed {changed} by {by}.</source>
        <translation>由 {who} 于 {when} 登记；最后由 {by} 于 {changed} 修改。</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒介</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>使用方式</translation>
    </message>
    <message>
        <source>Model training requested</source>
        <translation>要求模型训练</translation>
    </message>
    <message>
        <source>None requested.</source>
        <translation>未提出要求。</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>暂无。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Requested artists</source>
        <translation>请求的艺人</translation>
    </message>
    <message>
        <source>Retention requested</source>
        <translation>要求保留数据</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Scan sessions</source>
        <translation>扫描安排</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sub-licensing requested</source>
        <translation>要求转授权</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Territories</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>all artists</source>
        <translation>所有艺人</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>无截止日期</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>the proposal itself</source>
        <translation>提案本身</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>{status} — since {when}, by {who}</source>
        <translation>{status} — 自 {when} 起，由 {who} 设置</translation>
    </message>
    <message>
        <source>{when} — {who}; notice: {notice}</source>
        <translation>{when} — {who}；通知：{notice}</translation>
    </message>
</context>
<context>
    <name>ProposalPage</name>
    <message>
        <source>← All proposals</source>
        <translation>← 所有提案</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Scripts and mapping</source>
        <translation>剧本与角色对应(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>检查结果(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Decisions</source>
        <translation>决定(&amp;D)</translation>
    </message>
    <message>
        <source>#{id} · {party} — {project}</source>
        <translation>#{id} · {party} — {project}</translation>
    </message>
    <message>
        <source>Answer by {when}</source>
        <translation>答复期限 {when}</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>Worst: {severity}</source>
        <translation>最严重：{severity}</translation>
    </message>
    <message>
        <source>No open findings</source>
        <translation>无未处理的检查结果</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Proposal #{id} is now {status}; Edit → Undo goes back.</source>
        <translation>提案 #{id} 现为“{status}”；编辑 → 撤销 可退回。</translation>
    </message>
    <message>
        <source>Proposal #{id} accepted; consent record(s) {records} wait for the artist&apos;s signed decision.</source>
        <translation>提案 #{id} 已接受；同意记录 {records} 等待艺人签署决定。</translation>
    </message>
    <message>
        <source>Proposal #{id} accepted; Edit → Undo takes it back.</source>
        <translation>提案 #{id} 已接受；编辑 → 撤销 可收回。</translation>
    </message>
</context>
<context>
    <name>ProposalScreens</name>
    <message>
        <source>Proposals</source>
        <translation>提案</translation>
    </message>
</context>
<context>
    <name>ProposalStatus</name>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Countered</source>
        <translation>已提出修改意见</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>With the artist</source>
        <translation>待艺人决定</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>ProposalTableModel</name>
    <message>
        <source>Counterparty</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Worst finding</source>
        <translation>最严重的检查结果</translation>
    </message>
    <message>
        <source>Requested artists</source>
        <translation>请求的艺人</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>无期限</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未校验</translation>
    </message>
    <message>
        <source>risks accepted</source>
        <translation>风险已接受</translation>
    </message>
    <message>
        <source>no findings</source>
        <translation>无检查结果</translation>
    </message>
    <message>
        <source>Checked {when}</source>
        <translation>检查于 {when}</translation>
    </message>
    <message>
        <source>Worst before accepted risks: {severity}</source>
        <translation>计入已接受风险前的最严重程度：{severity}</translation>
    </message>
    <message>
        <source>Answer the producer before this date.</source>
        <translation>请在此日期前答复制作方。</translation>
    </message>
</context>
<context>
    <name>Proposals</name>
    <message>
        <source>Accepts</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Accept…</source>
        <translation>接受…</translation>
    </message>
    <message>
        <source>Back to received</source>
        <translation>退回“已收到”</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>提出修改意见</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Declines</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>剧本</translation>
    </message>
    <message>
        <source>Send to the artist</source>
        <translation>交由艺人决定</translation>
    </message>
    <message>
        <source>Start review</source>
        <translation>开始审核</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Wants to counter</source>
        <translation>希望提出修改意见</translation>
    </message>
    <message>
        <source>Withdrawn by the producer</source>
        <translation>制作方已撤回</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>due tomorrow</source>
        <translation>明天到期</translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation>{n} 天后</translation>
    </message>
    <message>
        <source>overdue by 1 day</source>
        <translation>已逾期 1 天</translation>
    </message>
    <message>
        <source>overdue by {n} days</source>
        <translation>已逾期 {n} 天</translation>
    </message>
</context>
<context>
    <name>ProposalsView</name>
    <message>
        <source>Find a counterparty, project or artist</source>
        <translation>查找合作方、项目或艺人</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>仅未结束</translation>
    </message>
    <message>
        <source>&amp;New proposal…</source>
        <translation>新建提案(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Import JSON…</source>
        <translation>导入 JSON(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>No proposals here. Log one with New proposal… (Ctrl+N), or import one described in JSON with Import JSON…</source>
        <translation>这里没有提案。用“新建提案…”（Ctrl+N）登记一个，或用“导入 JSON…”导入以 JSON 描述的提案。</translation>
    </message>
    <message>
        <source>&amp;Import proposal JSON…</source>
        <translation>导入提案 JSON(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Open proposal</source>
        <translation>打开提案(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Run check</source>
        <translation>运行检查(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export review report…</source>
        <translation>导出审查报告(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Back to the list</source>
        <translation>返回列表(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Proposal</source>
        <translation>提案(&amp;P)</translation>
    </message>
    <message>
        <source>{n} proposal(s) · {urgent} to answer within 3 days · {blocked} with BLOCK findings</source>
        <translation>{n} 个提案 · {urgent} 个须在 3 天内答复 · {blocked} 个有“阻止”级检查结果</translation>
    </message>
    <message>
        <source>Logged proposal #{id}; attach its script next.</source>
        <translation>已登记提案 #{id}；接下来请附加其剧本。</translation>
    </message>
    <message>
        <source>Import a proposal</source>
        <translation>导入提案</translation>
    </message>
    <message>
        <source>Proposal JSON (*.json);;All files (*)</source>
        <translation>提案 JSON (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported proposal #{id} from {file}.</source>
        <translation>已从 {file} 导入提案 #{id}。</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
</context>
<context>
    <name>Recommendation</name>
    <message>
        <source>Recommend</source>
        <translation>建议接受</translation>
    </message>
    <message>
        <source>Recommend with changes</source>
        <translation>建议修改后接受</translation>
    </message>
    <message>
        <source>Advise against</source>
        <translation>建议拒绝</translation>
    </message>
    <message>
        <source>No recommendation</source>
        <translation>不作建议</translation>
    </message>
</context>
<context>
    <name>RequestEditor</name>
    <message>
        <source>e.g. streaming; cinema</source>
        <translation>例如 流媒体; 院线</translation>
    </message>
    <message>
        <source>e.g. CN; HK; WORLDWIDE</source>
        <translation>例如 CN; HK; WORLDWIDE</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>e.g. 120000</source>
        <translation>例如 120000</translation>
    </message>
    <message>
        <source>Characters they would play, e.g. 沈瑶</source>
        <translation>将饰演的角色，例如 沈瑶</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>使用方式</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒介</translation>
    </message>
    <message>
        <source>Territories</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>报酬</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>RequestedArtists</name>
    <message>
        <source>&amp;Remove artist</source>
        <translation>移除艺人(&amp;R)</translation>
    </message>
    <message>
        <source>Add the artists the proposal asks for: find them on the left.</source>
        <translation>添加提案请求的艺人：在左侧查找。</translation>
    </message>
    <message>
        <source>Requested artists</source>
        <translation>请求的艺人</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Revoke consent #{id}</source>
        <translation>撤回同意 #{id}</translation>
    </message>
    <message>
        <source>{artist}
{scope} · version {v}</source>
        <translation>{artist}
{scope} · 第 {v} 版</translation>
    </message>
    <message>
        <source>Required: why the consent is withdrawn</source>
        <translation>必填：撤回同意的原因</translation>
    </message>
    <message>
        <source>Who withdrew the consent</source>
        <translation>撤回同意的人</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Revoked from</source>
        <translation>撤回生效日期</translation>
    </message>
    <message>
        <source>Revoked by</source>
        <translation>撤回人</translation>
    </message>
    <message>
        <source>from 00:00 on that day where the artist works ({zone}, {offset})</source>
        <translation>自艺人工作所在地当天 00:00 起（{zone}，{offset}）</translation>
    </message>
    <message>
        <source>Consent #{id} will be marked revoked from {day}. The consent matrix shows it as revoked (red) from that moment; views as of an earlier time still show it as given. The record is kept. This cannot be undone: to authorise again, record a new consent.</source>
        <translation>同意 #{id} 将自 {day} 起标记为已撤回。同意矩阵自该时刻起将其显示为已撤回（红色）；截至更早时间的视图仍显示为已同意。记录会被保留。此操作无法撤销：如需重新授权，请记录新的同意。</translation>
    </message>
</context>
<context>
    <name>RosterCommand</name>
    <message>
        <source>Add {name}</source>
        <translation>添加 {name}</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <source>Archive {name}</source>
        <translation>归档 {name}</translation>
    </message>
    <message>
        <source>Unarchive {name}</source>
        <translation>取消归档 {name}</translation>
    </message>
    <message>
        <source>Archive {n} artists</source>
        <translation>归档 {n} 位艺人</translation>
    </message>
    <message>
        <source>Unarchive {n} artists</source>
        <translation>取消归档 {n} 位艺人</translation>
    </message>
</context>
<context>
    <name>RosterFiles</name>
    <message>
        <source>Import roster</source>
        <translation>导入艺人名册</translation>
    </message>
    <message>
        <source>Roster files (*.csv *.xlsx);;CSV files (*.csv);;Excel workbooks (*.xlsx)</source>
        <translation>名册文件 (*.csv *.xlsx);;CSV 文件 (*.csv);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Matching {file} to the roster…</source>
        <translation>正在将 {file} 与艺人名册比对…</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Imported {n} artists from {file}.</source>
        <translation>已从 {file} 导入 {n} 位艺人。</translation>
    </message>
    <message>
        <source>Saving the import in one step…</source>
        <translation>正在一次性保存导入…</translation>
    </message>
    <message>
        <source>Imported {file}: {added} added, {updated} updated.</source>
        <translation>已导入 {file}：添加 {added} 位，更新 {updated} 位。</translation>
    </message>
    <message>
        <source>{file}: nothing to import; the roster already matches.</source>
        <translation>{file}：没有需要导入的内容，艺人名册已与文件一致。</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was added.</source>
        <translation>导入已取消；未添加任何内容。</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export roster</source>
        <translation>导出艺人名册</translation>
    </message>
    <message>
        <source>Exported {n} artists to {file}.</source>
        <translation>已将 {n} 位艺人导出到 {file}。</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>正在导出到 {file}…</translation>
    </message>
    <message>
        <source>Export cancelled; no file written.</source>
        <translation>导出已取消；未写入文件。</translation>
    </message>
    <message>
        <source>Loaded the demo agency: {n} fictional artists.</source>
        <translation>已载入示例经纪公司：{n} 位虚构艺人。</translation>
    </message>
    <message>
        <source>Loading the demo roster…</source>
        <translation>正在载入示例名册…</translation>
    </message>
</context>
<context>
    <name>RosterView</name>
    <message>
        <source>Find by Chinese name, pinyin, romanised or stage name  (Ctrl+F)</source>
        <translation>按中文名、拼音、罗马化姓名或艺名查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>&amp;Add artist…</source>
        <translation>添加艺人(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit artist…</source>
        <translation>编辑艺人(&amp;E)…</translation>
    </message>
    <message>
        <source>A&amp;rchive</source>
        <translation>归档(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Artist</source>
        <translation>艺人(&amp;A)</translation>
    </message>
    <message>
        <source>S&amp;how archived</source>
        <translation>显示已归档(&amp;H)</translation>
    </message>
    <message>
        <source>Un&amp;archive</source>
        <translation>取消归档(&amp;A)</translation>
    </message>
    <message>
        <source>1 artist shown</source>
        <translation>显示 1 位艺人</translation>
    </message>
    <message>
        <source>{n} artists shown</source>
        <translation>显示 {n} 位艺人</translation>
    </message>
    <message>
        <source>{shown} · {active} active · {archived} archived</source>
        <translation>{shown} · {active} 位在册 · {archived} 位已归档</translation>
    </message>
    <message>
        <source>No artist matches “{query}”.</source>
        <translation>没有与“{query}”匹配的艺人。</translation>
    </message>
    <message>
        <source>Tick “Show archived” to search archived artists too.</source>
        <translation>勾选“显示已归档”可同时搜索已归档的艺人。</translation>
    </message>
    <message>
        <source>Add an artist (Ctrl+N)</source>
        <translation>添加艺人（Ctrl+N）</translation>
    </message>
    <message>
        <source>Import roster… (Ctrl+I)</source>
        <translation>导入艺人名册…（Ctrl+I）</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Load demo roster</source>
        <translation>载入示例名册</translation>
    </message>
    <message>
        <source>Every artist is archived. Tick “Show archived” to see them.</source>
        <translation>所有艺人均已归档。勾选“显示已归档”即可查看。</translation>
    </message>
    <message>
        <source>No artists yet.</source>
        <translation>还没有艺人。</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>&amp;Back up…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>A shared PostgreSQL database is backed up on its server.</source>
        <translation>共享的 PostgreSQL 数据库在其服务器上备份。</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <source>Backup (*.zip)</source>
        <translation>备份 (*.zip)</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>Backup written to {path}.</source>
        <translation>备份已写入 {path}。</translation>
    </message>
    <message>
        <source>Checking stored files…</source>
        <translation>正在检查存储的文件…</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Every file in {name} was checked and is intact.

Restoring puts it in place of the current database. The current database and its files are not deleted: they are moved aside next to it. Consent Desk then starts again on the restored records.

Restore now?</source>
        <translation>{name} 中的每个文件都已检查，完好无损。

恢复会用它替换当前数据库。当前数据库及其文件不会被删除，而是移到旁边保存。随后 Consent Desk 将在恢复的记录上重新启动。

现在恢复吗？</translation>
    </message>
    <message>
        <source>Making the daily backup…</source>
        <translation>正在进行每日备份…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>The backup is in place and its audit trail was checked. The previous database was kept beside it. Consent Desk will now start again.</source>
        <translation>备份已就位，其审计记录已校验。原数据库保存在旁边。Consent Desk 现在将重新启动。</translation>
    </message>
    <message>
        <source>This backup cannot be trusted</source>
        <translation>此备份不可信</translation>
    </message>
    <message>
        <source>{name} does not verify: it was changed after it was made, was made on another desk, or its audit trail is broken. Nothing has been restored.

Restoring it anyway may put altered or incomplete records in place of yours. Do this only if you know why the backup does not verify. The restore will be recorded in the audit trail with these problems.</source>
        <translation>{name} 未通过验证：它在制作后被修改过、由另一台工作站制作，或其审计记录已损坏。尚未恢复任何内容。

仍要恢复可能会用被篡改或不完整的记录替换您的记录。仅在您清楚备份为何未通过验证时才这样做。此次恢复及上述问题将记入审计记录。</translation>
    </message>
    <message>
        <source>Restore anyway</source>
        <translation>仍然恢复</translation>
    </message>
    <message>
        <source>The daily backup could not be written: {error}</source>
        <translation>无法写入每日备份：{error}</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>正在写入备份…</translation>
    </message>
    <message>
        <source>{n} stored file(s) are damaged or missing: see the Audit view.</source>
        <translation>{n} 个存储的文件已损坏或缺失：请查看审计记录视图。</translation>
    </message>
</context>
<context>
    <name>ScanSessions</name>
    <message>
        <source>Add &amp;session</source>
        <translation>添加扫描(&amp;S)</translation>
    </message>
    <message>
        <source>Remove session</source>
        <translation>移除扫描</translation>
    </message>
    <message>
        <source>notice given</source>
        <translation>通知时间</translation>
    </message>
    <message>
        <source>Without a notice time the proposal itself counts as the notice (its received day).</source>
        <translation>未填写通知时间时，以提案本身作为通知（按其收到日期）。</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>扫描时间</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知时间</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>艺人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>All requested artists</source>
        <translation>所有请求的艺人</translation>
    </message>
    <message>
        <source>all artists</source>
        <translation>所有艺人</translation>
    </message>
    <message>
        <source>the proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>{when} — {who} (notice: {notice})</source>
        <translation>{when} — {who}（通知：{notice}）</translation>
    </message>
</context>
<context>
    <name>SceneTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>{n} AI uses</source>
        <translation>{n} 处 AI 使用</translation>
    </message>
</context>
<context>
    <name>ScopeSection</name>
    <message>
        <source>Find: 中文 / pinyin</source>
        <translation>查找：中文 / 拼音</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Add a counterparty the agreement names</source>
        <translation>添加协议中指明的合作方</translation>
    </message>
    <message>
        <source>Add a project of the chosen counterparty</source>
        <translation>为所选合作方添加项目</translation>
    </message>
    <message>
        <source>e.g. cinema; streaming; games</source>
        <translation>例如 院线; 流媒体; 游戏</translation>
    </message>
    <message>
        <source>e.g. CN; HK; WORLDWIDE</source>
        <translation>例如 CN; HK; WORLDWIDE</translation>
    </message>
    <message>
        <source>What exactly the material will be used for</source>
        <translation>素材的具体用途</translation>
    </message>
    <message>
        <source>AI terms signed separately from the main agreement</source>
        <translation>AI 条款与主协议分开签署</translation>
    </message>
    <message>
        <source>Counterparty *</source>
        <translation>合作方 *</translation>
    </message>
    <message>
        <source>Project *</source>
        <translation>项目 *</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>使用方式</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒介</translation>
    </message>
    <message>
        <source>Territories</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Specific use</source>
        <translation>具体用途说明</translation>
    </message>
</context>
<context>
    <name>ScriptLabels</name>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Character extension</source>
        <translation>角色扩展标注</translation>
    </message>
    <message>
        <source>De-aging</source>
        <translation>减龄</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>对白</translation>
    </message>
    <message>
        <source>Digital double</source>
        <translation>数字替身</translation>
    </message>
    <message>
        <source>Face swap</source>
        <translation>换脸</translation>
    </message>
    <message>
        <source>Final Draft (FDX)</source>
        <translation>Final Draft（FDX）</translation>
    </message>
    <message>
        <source>Fountain</source>
        <translation>Fountain</translation>
    </message>
    <message>
        <source>Likeness</source>
        <translation>肖像</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Other AI use</source>
        <translation>其他 AI 使用</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>Scene heading</source>
        <translation>场景标题</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>模型训练</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>Word (.docx)</source>
        <translation>Word（.docx）</translation>
    </message>
</context>
<context>
    <name>ScriptPane</name>
    <message>
        <source>Choose a finding with a script line to see it here.</source>
        <translation>选择一个带剧本台词的检查结果，即可在此查看。</translation>
    </message>
    <message>
        <source>{name} — line {line} of {total}</source>
        <translation>{name} — 第 {line}/{total} 行</translation>
    </message>
</context>
<context>
    <name>ScriptScreens</name>
    <message>
        <source>Scripts</source>
        <translation>剧本</translation>
    </message>
</context>
<context>
    <name>ScriptsView</name>
    <message>
        <source>No script open</source>
        <translation>未打开剧本</translation>
    </message>
    <message>
        <source>&amp;Open script…</source>
        <translation>打开剧本(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Next AI use</source>
        <translation>下一处 AI 使用(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous AI use</source>
        <translation>上一处 AI 使用(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Analyse again</source>
        <translation>重新分析(&amp;A)</translation>
    </message>
    <message>
        <source>Use AI &amp;markers file…</source>
        <translation>使用 AI 标记文件(&amp;M)…</translation>
    </message>
    <message>
        <source>Use the &amp;shipped AI markers</source>
        <translation>使用随附的 AI 标记(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Script</source>
        <translation>剧本(&amp;S)</translation>
    </message>
    <message>
        <source>Open script</source>
        <translation>打开剧本</translation>
    </message>
    <message>
        <source>Open a script to see its scenes, characters and every place it uses a person&apos;s likeness or voice through AI.

Fountain, Final Draft (.fdx), PDF, Word (.docx) or plain text (Chinese layouts included): choose File → Open script… (Ctrl+O) or drop the file here. The script stays on this computer.</source>
        <translation>打开剧本，查看其场次、角色，以及每一处通过 AI 使用他人肖像或声音的地方。

支持 Fountain、Final Draft（.fdx）、PDF、Word（.docx）或纯文本（含中文剧本格式）：选择 文件 → 打开剧本…（Ctrl+O），或将文件拖放到此处。剧本只保存在本机。</translation>
    </message>
    <message>
        <source>Scripts (*.fountain *.spmd *.fdx *.pdf *.docx *.txt *.text);;Fountain (*.fountain *.spmd);;Final Draft (*.fdx);;PDF (*.pdf);;Word (*.docx);;Plain text (*.txt *.text);;All files (*)</source>
        <translation>剧本 (*.fountain *.spmd *.fdx *.pdf *.docx *.txt *.text);;Fountain (*.fountain *.spmd);;Final Draft (*.fdx);;PDF (*.pdf);;Word (*.docx);;纯文本 (*.txt *.text);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Still reading {file}; wait for it or cancel it first.</source>
        <translation>仍在读取 {file}；请等待完成或先取消。</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Looking for AI use in {file}…</source>
        <translation>正在查找 {file} 中的 AI 使用…</translation>
    </message>
    <message>
        <source>{file}: {uses}.</source>
        <translation>{file}：{uses}。</translation>
    </message>
    <message>
        <source>{n} AI use found</source>
        <translation>发现 {n} 处 AI 使用</translation>
    </message>
    <message>
        <source>{n} AI uses found</source>
        <translation>发现 {n} 处 AI 使用</translation>
    </message>
    <message>
        <source>Opening {file} was cancelled; nothing changed.</source>
        <translation>已取消打开 {file}；未做任何更改。</translation>
    </message>
    <message>
        <source>Use AI markers file</source>
        <translation>使用 AI 标记文件</translation>
    </message>
    <message>
        <source>AI marker lists (*.json);;All files (*)</source>
        <translation>AI 标记列表 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the AI marker list…</source>
        <translation>正在检查 AI 标记列表…</translation>
    </message>
    <message>
        <source>AI markers now come from {file}.</source>
        <translation>AI 标记现在取自 {file}。</translation>
    </message>
    <message>
        <source>AI markers now come from the shipped list.</source>
        <translation>AI 标记现在取自随附列表。</translation>
    </message>
    <message>
        <source>Empty script</source>
        <translation>空白剧本</translation>
    </message>
    <message>
        <source>{file} has no text to read, so it was not checked for AI use. Open the full script (a scanned PDF needs its text layer).</source>
        <translation>{file} 没有可读取的文字，因此未检查其中的 AI 使用。请打开完整剧本（扫描版 PDF 需要带文字层）。</translation>
    </message>
    <message>
        <source>{file} is empty: not checked.</source>
        <translation>{file} 是空文件：未检查。</translation>
    </message>
    <message>
        <source>{n} scene</source>
        <translation>{n} 个场次</translation>
    </message>
    <message>
        <source>{n} scenes</source>
        <translation>{n} 个场次</translation>
    </message>
    <message>
        <source>{n} character</source>
        <translation>{n} 个角色</translation>
    </message>
    <message>
        <source>{n} characters</source>
        <translation>{n} 个角色</translation>
    </message>
    <message>
        <source>{n} AI use</source>
        <translation>{n} 处 AI 使用</translation>
    </message>
    <message>
        <source>{n} AI uses</source>
        <translation>{n} 处 AI 使用</translation>
    </message>
    <message>
        <source>about {n} page (estimated)</source>
        <translation>约 {n} 页（估计）</translation>
    </message>
    <message>
        <source>about {n} pages (estimated)</source>
        <translation>约 {n} 页（估计）</translation>
    </message>
    <message>
        <source>{n} page</source>
        <translation>{n} 页</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} 页</translation>
    </message>
    <message>
        <source>numbers are paragraphs</source>
        <translation>编号为段落号</translation>
    </message>
    <message>
        <source>AI markers: {file}</source>
        <translation>AI 标记：{file}</translation>
    </message>
    <message>
        <source>AI markers: shipped list</source>
        <translation>AI 标记：随附列表</translation>
    </message>
    <message>
        <source>Back to the first AI use.</source>
        <translation>回到第一处 AI 使用。</translation>
    </message>
    <message>
        <source>On to the last AI use.</source>
        <translation>已到最后一处 AI 使用。</translation>
    </message>
    <message>
        <source>One script at a time: opening {file}.</source>
        <translation>一次只能打开一个剧本：正在打开 {file}。</translation>
    </message>
</context>
<context>
    <name>SearchPicker</name>
    <message>
        <source>Type Chinese, pinyin (with or without spaces) or the English name</source>
        <translation>输入中文、拼音（可带空格或不带）或英文名</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>Block</source>
        <translation>阻断</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <source>No signing identity</source>
        <translation>没有签名身份</translation>
    </message>
    <message>
        <source>Set up signing identity…</source>
        <translation>设置签名身份…</translation>
    </message>
    <message>
        <source>Statements are signed with the agency&apos;s signing identity, and there is none yet. Create one (or import your certificate) first.</source>
        <translation>声明须以经纪公司的签名身份签署，但目前尚无签名身份。请先创建一个（或导入您的证书）。</translation>
    </message>
</context>
<context>
    <name>Stance</name>
    <message>
        <source>Declined all AI use</source>
        <translation>拒绝任何 AI 使用</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>Open to discuss (not consent)</source>
        <translation>愿意洽谈（非同意）</translation>
    </message>
    <message>
        <source>Opted in with conditions</source>
        <translation>附条件接受（非授权）</translation>
    </message>
</context>
<context>
    <name>StanceDialog</name>
    <message>
        <source>AI stance — {name}</source>
        <translation>AI 立场 — {name}</translation>
    </message>
    <message>
        <source>The artist&apos;s standing conditions, e.g. voice only; no political content</source>
        <translation>艺人的长期条件，例如 仅限声音; 不涉及政治内容</translation>
    </message>
    <message>
        <source>learned earlier, effective from</source>
        <translation>早先获知，生效时间</translation>
    </message>
    <message>
        <source>A stance is not consent.</source>
        <translation>立场不等于同意。</translation>
    </message>
    <message>
        <source>Only a given consent record authorises a use.</source>
        <translation>只有“已同意”的同意记录才授权使用。</translation>
    </message>
    <message>
        <source>A back-dated stance is kept in the history for good and cannot be undone; a stance effective now can be undone (the previous stance is recorded again).</source>
        <translation>追溯生效的立场会永久保留在历史中，无法撤销；即时生效的立场可以撤销（会重新记录之前的立场）。</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>生效</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>立场</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>{who}, {when}</source>
        <translation>{who}，{when}</translation>
    </message>
    <message>
        <source>Record stance</source>
        <translation>记录立场</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Earlier entries (newest first)</source>
        <translation>早先的记录（最新在前）</translation>
    </message>
</context>
<context>
    <name>StatementActions</name>
    <message>
        <source>Signing the statement…</source>
        <translation>正在签署声明…</translation>
    </message>
    <message>
        <source>Sign a statement.</source>
        <translation>签署一份声明。</translation>
    </message>
    <message>
        <source>Statement {id} for {artist} is signed and saved to {path}.</source>
        <translation>关于{artist}的声明 {id} 已签署并保存到 {path}。</translation>
    </message>
    <message>
        <source>It supersedes {id}.</source>
        <translation>它取代了 {id}。</translation>
    </message>
    <message>
        <source>Issued statement {id}.</source>
        <translation>已出具声明 {id}。</translation>
    </message>
    <message>
        <source>Statement issued</source>
        <translation>声明已出具</translation>
    </message>
    <message>
        <source>Signed {done} of {total}: {artist}</source>
        <translation>已签署 {done}/{total}：{artist}</translation>
    </message>
    <message>
        <source>Signing {n} statements…</source>
        <translation>正在签署 {n} 份声明…</translation>
    </message>
    <message>
        <source>Sign {n} statements.</source>
        <translation>签署 {n} 份声明。</translation>
    </message>
    <message>
        <source>{n} statements signed into {folder}.</source>
        <translation>已将 {n} 份声明签署到 {folder}。</translation>
    </message>
    <message>
        <source>Cancelled: the remaining artists were not exported.</source>
        <translation>已取消：其余艺人未导出。</translation>
    </message>
    <message>
        <source>Not exported for artist #{id}: {reason}</source>
        <translation>未为艺人 #{id} 导出：{reason}</translation>
    </message>
    <message>
        <source>Batch export</source>
        <translation>批量导出</translation>
    </message>
    <message>
        <source>Re-issue out-of-date statements</source>
        <translation>重新出具已过时的声明</translation>
    </message>
    <message>
        <source>Re-issuing out-of-date statements…</source>
        <translation>正在重新出具已过时的声明…</translation>
    </message>
    <message>
        <source>Re-issue {n} out-of-date statement(s).</source>
        <translation>重新出具 {n} 份已过时的声明。</translation>
    </message>
    <message>
        <source>Re-issued {n} statement(s) into {folder}.</source>
        <translation>已将 {n} 份声明重新出具到 {folder}。</translation>
    </message>
    <message>
        <source>Folder for re-issued statements</source>
        <translation>重新出具声明的存放文件夹</translation>
    </message>
    <message>
        <source>Withdraw statement</source>
        <translation>撤回声明</translation>
    </message>
    <message>
        <source>Statement {id} about {artist} will be marked withdrawn in the register (the file is kept). Why is it withdrawn?</source>
        <translation>关于{artist}的声明 {id} 将在登记簿中标记为已撤回（文件会保留）。撤回理由是什么？</translation>
    </message>
    <message>
        <source>Statement {id} is withdrawn.</source>
        <translation>声明 {id} 已撤回。</translation>
    </message>
    <message>
        <source>Letterhead saved.</source>
        <translation>信笺抬头已保存。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
</context>
<context>
    <name>StatementKind</name>
    <message>
        <source>Position statement</source>
        <translation>立场声明</translation>
    </message>
    <message>
        <source>Project consent certificate</source>
        <translation>项目授权证明</translation>
    </message>
    <message>
        <source>Non-authorisation notice</source>
        <translation>未授权声明</translation>
    </message>
    <message>
        <source>Revocation notice</source>
        <translation>撤回通知</translation>
    </message>
</context>
<context>
    <name>StatementLanguage</name>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
</context>
<context>
    <name>StatementScreens</name>
    <message>
        <source>Statements</source>
        <translation>声明</translation>
    </message>
</context>
<context>
    <name>StatementStatus</name>
    <message>
        <source>Current</source>
        <translation>现行</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Historical copy</source>
        <translation>历史副本</translation>
    </message>
</context>
<context>
    <name>StatementTableModel</name>
    <message>
        <source>Statement</source>
        <translation>声明</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>艺人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>出具时间</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Still true?</source>
        <translation>仍然属实？</translation>
    </message>
    <message>
        <source>OUT OF DATE: {changed}</source>
        <translation>已过时：{changed}</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>What this statement says about {changed} no longer matches the consent records. Re-issue it so the published statement is true again.</source>
        <translation>此声明关于{changed}的陈述已与同意记录不符。请重新出具，使公开的声明恢复属实。</translation>
    </message>
    <message>
        <source>Supersedes {id}</source>
        <translation>取代 {id}</translation>
    </message>
    <message>
        <source>Historical: the statement speaks for a moment before it was issued.</source>
        <translation>历史声明：所陈述的是出具之前某一时刻的状态。</translation>
    </message>
</context>
<context>
    <name>StatementsView</name>
    <message>
        <source>Filter by artist or statement id  (Ctrl+F)</source>
        <translation>按艺人或声明编号筛选（Ctrl+F）</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Only out of date</source>
        <translation>仅已过时</translation>
    </message>
    <message>
        <source>&amp;Export statement…</source>
        <translation>导出声明(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Batch export…</source>
        <translation>批量导出(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Verify a PDF…</source>
        <translation>校验 PDF(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Open PDF</source>
        <translation>打开 PDF(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Re-issue</source>
        <translation>重新出具(&amp;R)</translation>
    </message>
    <message>
        <source>Re-issue &amp;all out of date</source>
        <translation>重新出具全部过时声明(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>撤回(&amp;W)…</translation>
    </message>
    <message>
        <source>Verify &amp;this statement</source>
        <translation>校验此声明(&amp;T)</translation>
    </message>
    <message>
        <source>Signing &amp;identity…</source>
        <translation>签名身份(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Letterhead…</source>
        <translation>信笺抬头(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Statements</source>
        <translation>声明(&amp;S)</translation>
    </message>
    <message>
        <source>Checking which statements are out of date…</source>
        <translation>正在检查哪些声明已过时…</translation>
    </message>
    <message>
        <source>1 current statement no longer matches the consent records (OUT OF DATE below). Select it and choose Re-issue.</source>
        <translation>1 份现行声明已与同意记录不符（见下方“已过时”）。请选中它，然后选择“重新出具”。</translation>
    </message>
    <message>
        <source>{n} current statements no longer match the consent records (OUT OF DATE below). Select one and choose Re-issue.</source>
        <translation>{n} 份现行声明已与同意记录不符（见下方“已过时”）。请选择一份，然后选择“重新出具”。</translation>
    </message>
    <message>
        <source>No statements issued yet.
Export one for an artist (Ctrl+E), or issue them for a whole list in Leak day.</source>
        <translation>尚未出具任何声明。
可为某位艺人导出一份（Ctrl+E），或在“名单曝光应对”中为整份名单出具声明。</translation>
    </message>
    <message>
        <source>No statement matches the filter.</source>
        <translation>没有符合筛选条件的声明。</translation>
    </message>
    <message>
        <source>1 statement</source>
        <translation>1 份声明</translation>
    </message>
    <message>
        <source>{n} statements</source>
        <translation>{n} 份声明</translation>
    </message>
    <message>
        <source>{n} out of date</source>
        <translation>{n} 份已过时</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TermsSection</name>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>e.g. 80000</source>
        <translation>例如 80000</translation>
    </message>
    <message>
        <source>(basis)</source>
        <translation>（计酬方式）</translation>
    </message>
    <message>
        <source>Others, separated by ;</source>
        <translation>其他，用 ; 分隔</translation>
    </message>
    <message>
        <source>e.g. no change of words spoken; no de-aging</source>
        <translation>例如 不得更改台词; 不得减龄</translation>
    </message>
    <message>
        <source>Sub-licensing allowed</source>
        <translation>允许转授权</translation>
    </message>
    <message>
        <source>How long scans and models are kept, and where</source>
        <translation>扫描数据和模型的保存期限及保存地点</translation>
    </message>
    <message>
        <source>Data deleted when the term ends</source>
        <translation>期限结束时删除数据</translation>
    </message>
    <message>
        <source>How the artist may withdraw, and what happens then</source>
        <translation>艺人如何撤回同意，以及撤回后的处理</translation>
    </message>
    <message>
        <source>Advised by counsel</source>
        <translation>有律师提供意见</translation>
    </message>
    <message>
        <source>Union representation</source>
        <translation>有工会代表</translation>
    </message>
    <message>
        <source>Name of lawyer or union rep</source>
        <translation>律师或工会代表的姓名</translation>
    </message>
    <message>
        <source>session</source>
        <translation>扫描时间</translation>
    </message>
    <message>
        <source>notice given</source>
        <translation>通知时间</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Compensation</source>
        <translation>报酬</translation>
    </message>
    <message>
        <source>Content exclusions</source>
        <translation>内容排除</translation>
    </message>
    <message>
        <source>Alteration limits</source>
        <translation>修改限制</translation>
    </message>
    <message>
        <source>Data retention</source>
        <translation>数据保留</translation>
    </message>
    <message>
        <source>Revocation terms</source>
        <translation>撤回条款</translation>
    </message>
    <message>
        <source>Representation</source>
        <translation>代理与代表</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Use</name>
    <message>
        <source>This production</source>
        <translation>本作品</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>宣传推广</translation>
    </message>
    <message>
        <source>Sequels</source>
        <translation>续集</translation>
    </message>
    <message>
        <source>promotion</source>
        <translation>宣传推广</translation>
    </message>
    <message>
        <source>sequels</source>
        <translation>续集</translation>
    </message>
    <message>
        <source>this production</source>
        <translation>本作品</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify a statement</source>
        <translation>校验声明</translation>
    </message>
    <message>
        <source>Drop a statement PDF here, or open one.</source>
        <translation>将声明 PDF 拖放到此处，或打开一个。</translation>
    </message>
    <message>
        <source>Open PDF…</source>
        <translation>打开 PDF…</translation>
    </message>
    <message>
        <source>Check against this desk&apos;s register</source>
        <translation>对照本工作台的登记簿检查</translation>
    </message>
    <message>
        <source>Published register folder (optional)</source>
        <translation>已公布的登记簿文件夹（可选）</translation>
    </message>
    <message>
        <source>The agency&apos;s published SHA-256 fingerprint (optional)</source>
        <translation>机构公布的 SHA-256 指纹（可选）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Unchanged since signing:</source>
        <translation>签署后未被更改：</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>签署人：</translation>
    </message>
    <message>
        <source>Certificate SHA-256:</source>
        <translation>证书 SHA-256：</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <source>Signed at:</source>
        <translation>签署时间：</translation>
    </message>
    <message>
        <source>Statement:</source>
        <translation>声明：</translation>
    </message>
    <message>
        <source>Artist:</source>
        <translation>艺人：</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>截至：</translation>
    </message>
    <message>
        <source>In the register:</source>
        <translation>在登记簿中：</translation>
    </message>
    <message>
        <source>Still current:</source>
        <translation>仍然有效：</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Statement to verify</source>
        <translation>要校验的声明</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Published register folder</source>
        <translation>已公布的登记簿文件夹</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No file checked yet.</source>
        <translation>尚未检查任何文件。</translation>
    </message>
    <message>
        <source>UNUSABLE — this file cannot be checked.</source>
        <translation>无法使用——此文件无法核验。</translation>
    </message>
    <message>
        <source>NOT AUTHENTIC — do not rely on this file (see the problems below).</source>
        <translation>非真实文件——请勿依赖此文件（见下方问题）。</translation>
    </message>
    <message>
        <source>SIGNER NOT CONFIRMED — the file is intact, but nothing confirms who signed it. Compare this SHA-256 fingerprint with the one the agency publishes: {fingerprint}</source>
        <translation>签名者未确认——文件完整，但无法确认签名者身份。请将此 SHA-256 指纹与机构公布的指纹比对：{fingerprint}</translation>
    </message>
    <message>
        <source>WITHDRAWN — authentic, but the agency no longer stands by it.</source>
        <translation>已撤回——文件真实，但机构已不再认可此声明。</translation>
    </message>
    <message>
        <source>SUPERSEDED — authentic, but the agency replaced it with a later statement.</source>
        <translation>已被取代——文件真实，但机构已用较新的声明取代它。</translation>
    </message>
    <message>
        <source>AUTHENTIC HISTORICAL COPY — as of {as_of}; not the agency&apos;s current position.</source>
        <translation>真实的历史副本——截至{as_of}；不代表本机构现行立场。</translation>
    </message>
    <message>
        <source>AUTHENTIC — signed by {signer}, a confirmed agency key; not a byte changed since signing.</source>
        <translation>真实——由 {signer}（已确认的机构密钥）签名；签名后未改动任何字节。</translation>
    </message>
    <message>
        <source>confirmed ({how})</source>
        <translation>已确认（{how}）</translation>
    </message>
    <message>
        <source>a historical copy — never the current statement</source>
        <translation>历史副本——绝不是现行声明</translation>
    </message>
    <message>
        <source>self-signed — compare the fingerprint with the one the agency publishes</source>
        <translation>自签名 — 请将指纹与经纪公司公布的指纹比对</translation>
    </message>
    <message>
        <source>issued by a certificate authority (not checked here)</source>
        <translation>由证书颁发机构签发（此处未检查）</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未校验</translation>
    </message>
    <message>
        <source>no — superseded by {id}</source>
        <translation>否 — 已被 {id} 取代</translation>
    </message>
    <message>
        <source>a later statement</source>
        <translation>更新的声明</translation>
    </message>
    <message>
        <source>no — withdrawn by the agency</source>
        <translation>否 — 已被经纪公司撤回</translation>
    </message>
</context>
<context>
    <name>_AnalysisTable</name>
    <message>
        <source>Paragraph {line}</source>
        <translation>第 {line} 段</translation>
    </message>
    <message>
        <source>Line {line}</source>
        <translation>第 {line} 行</translation>
    </message>
    <message>
        <source>, page {page}</source>
        <translation>，第 {page} 页</translation>
    </message>
</context>
</TS>
