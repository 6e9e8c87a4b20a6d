"""The Chinese wording of the validation problems the models report in English.

Validation messages are written once, in English, beside the rule that finds them (they carry
values: lengths, dates, names). Rather than a second hand-formatted string at every call site,
this catalogue matches each English message by its pattern and fills the Chinese one with the
same values, so the GUI (in Chinese) and the command line (`LANG=zh_CN…`) say the same thing.
A test scans `models/` for problem messages and fails on one that is missing here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from models.consent.history import FIELD_LABELS
from models.consent.lifecycle import STATUS_LABELS
from models.consent.types import ConsentStatus
from models.errors import FieldProblem

# (English message with {placeholders}, Chinese message with the same placeholders).
# A placeholder is {lower_case_name}; other braces (JSON examples) are literal text.
PROBLEMS: tuple[tuple[str, str], ...] = (
    # roster
    ("a name is required", "必须填写名称"),
    ("is longer than {n} characters", "超过 {n} 个字符"),
    ("must be an https:// address", "必须是以 https:// 开头的网址"),
    ("contains control characters", "含有控制字符"),
    ("'{item}' contains a list separator (; or 、)", "“{item}”含有列表分隔符（; 或 、）"),
    ("is in the future", "不能是将来的日期"),
    ("is before 1880", "早于 1880 年"),
    ("is before the date of birth", "早于出生日期"),
    ("is not a date like 1990-05-31", "不是有效日期（格式如 1990-05-31）"),
    (
        "must look like CN, US-CA or GB (country, optional region)",
        "格式应如 CN、US-CA 或 GB（国家或地区代码，可加下级地区）",
    ),
    ("'{value}' is not one of {allowed}", "“{value}”不是可选值（{allowed}）之一"),
    ("'{value}' is not one of: {allowed}", "“{value}”不是可选值（{allowed}）之一"),
    ("has {n} fields, header has {m}", "有 {n} 个字段，而表头有 {m} 个"),
    # consent records
    ("a consent record cannot move to another artist", "同意记录不能转到另一位艺人名下"),
    ("a new version must be for the same artist", "新版本必须属于同一位艺人"),
    (
        "{name} is a minor: record a guardian on the artist first; only the guardian can consent",
        "{name}是未成年人：请先在艺人资料中登记监护人；只有监护人可以作出同意",
    ),
    (
        "{name} is deceased: record the estate's contact on the artist first; only the estate "
        "can consent",
        "{name}已去世：请先在艺人资料中登记遗产管理人的联系方式；只有遗产管理人可以作出同意",
    ),
    ("there is no counterparty with id {id}", "没有编号为 {id} 的合作方"),
    ("there is no project with id {id}", "没有编号为 {id} 的项目"),
    ("there is no artist with id {id}", "没有编号为 {id} 的艺人"),
    ("the project belongs to {owner}, not to {other}", "该项目属于{owner}，而不是{other}"),
    (
        "the project belongs to another counterparty than {name}",
        "该项目属于{name}以外的另一个合作方",
    ),
    ("tick at least one modality (face, voice, ...)", "请至少勾选一种使用方式（面部、声音等）"),
    (
        "the term ends ({end}) before it starts ({start})",
        "期限的结束日（{end}）早于开始日（{start}）",
    ),
    ("the term ends before it starts", "期限的结束日早于开始日"),
    ("must be zero or a positive amount", "必须为零或正数金额"),
    ("must be zero or a plausible positive amount", "必须为零或合理的正数金额"),
    (
        "is not a plausible amount (too large or too precise)",
        "不是合理的金额（过大或小数位过多）",
    ),
    ("give the currency of the amount (e.g. CNY, USD)", "请填写金额的币种（如 CNY、USD）"),
    ("give the currency of the fee (e.g. CNY, USD)", "请填写报酬的币种（如 CNY、USD）"),
    (
        "must be a three-letter code such as CNY, USD or EUR",
        "必须是三个字母的币种代码，如 CNY、USD 或 EUR",
    ),
    ("must be a three-letter code such as CNY or USD", "必须是三个字母的币种代码，如 CNY 或 USD"),
    ("the artist cannot be notified after the scan session", "通知艺人的时间不能晚于扫描时间"),
    ("give the scan session time the notice was for", "请填写该通知所对应的扫描时间"),
    ("session and notice times need a time zone", "扫描时间和通知时间需要注明时区"),
    ("the notice cannot come after the session", "通知时间不能晚于扫描时间"),
    ("has more than {n} entries", "超过 {n} 项"),
    ("'{item}' is too long or contains control characters", "“{item}”过长或含有控制字符"),
    (
        "say who decided (the artist, guardian or estate)",
        "请说明由谁决定（艺人、监护人或遗产管理人）",
    ),
    ("say who decided (artist, guardian or estate)", "请说明由谁决定（艺人、监护人或遗产管理人）"),
    ("needs a time zone", "需要注明时区"),
    (
        "attach the signed agreement (or another record of the decision) before marking the "
        "consent as given",
        "请先附上已签署的协议（或其他决定记录），再将同意标记为“已同意”",
    ),
    ("say what the material may be used for", "请说明素材可用于哪些用途"),
    ("give the reason for the revocation", "请填写撤回理由"),
    (
        "is before the artist gave the consent ({date})",
        "早于艺人作出同意的时间（{date}）",
    ),
    (
        "is after the consent's term ended; it had already expired",
        "晚于同意期限的结束日；该同意当时已过期",
    ),
    ("is not a term of a consent record", "不是同意记录的条款"),
    ("record the artist's decision", "请记录艺人的决定"),
    ("say who in the agency recommends", "请说明经纪公司中由谁提出建议"),
    ("say who in the agency advises", "请说明经纪公司中由谁提供建议"),
    (
        "the version it replaces (#{id}) is {status}; record a new consent instead of amending it",
        "被替换的版本（#{id}）状态为“{status}”；请新建同意记录，而不是修改它",
    ),
    ("write down the artist's conditions", "请写明艺人的条件"),
    ("must be a whole number from 0 to {n}", "必须是 0 到 {n} 之间的整数"),
    ("{name} is archived", "{name}已归档"),
    (
        "a project cannot move to another counterparty; add a new project",
        "项目不能转到另一个合作方名下；请新建项目",
    ),
    # files and evidence
    ("{name} is larger than {n} MB", "{name} 大于 {n} MB"),
    ("the file name is too long or not printable", "文件名过长或含有不可打印字符"),
    ("the file name is empty, too long or not printable", "文件名为空、过长或含有不可打印字符"),
    ("must be a number of days from 1 to {n}", "必须是 1 到 {n} 之间的天数"),
    # proposals and scripts
    ("'{name}' is not a character of the script", "“{name}”不是剧本中的角色"),
    ("'{name}' is not a character of the scripts", "“{name}”不是这些剧本中的角色"),
    ("a draft must be for its own artist", "草稿必须属于其对应的艺人"),
    ("say why the risk is accepted", "请说明接受该风险的理由"),
    ("is too long (max {n}) or not printable", "过长（最多 {n} 个字符）或含有不可打印字符"),
    ("is before the proposal was received", "早于收到提案的时间"),
    ("name at least one requested artist", "请至少指定一位被请求的艺人"),
    ("list at least one requested artist", "请至少列出一位被请求的艺人"),
    ("artist #{id} is listed twice", "艺人 #{id} 重复列出"),
    ("artist #{id} is not a requested artist", "艺人 #{id} 不是提案所请求的艺人"),
    ("project {id} belongs to another counterparty", "项目 {id} 属于另一个合作方"),
    (
        "'{name}' could be several artists ({ids}); give the id",
        "“{name}”可能是多位艺人（{ids}）；请填写编号",
    ),
    ("no artist on the roster is called '{name}'", "艺人名册中没有名为“{name}”的艺人"),
    ("give the artist's id or name", "请填写艺人的编号或姓名"),
    ("{value} is not an artist id", "{value} 不是艺人编号"),
    ("amount {value} is not a number", "金额 {value} 不是数字"),
    ("cannot find {path}", "找不到 {path}"),
    ("unknown field '{name}'", "未知字段“{name}”"),
    ("is required", "为必填项"),
    ("must be text", "必须是文本"),
    ("must be true or false", "必须是 true 或 false"),
    ("must be a list", "必须是列表"),
    ("must be a list of text", "必须是文本列表"),
    ("must be a list of file paths", "必须是文件路径列表"),
    (
        "must be a date like 2026-05-01, not {value}",
        "必须是日期（格式如 2026-05-01），而不是 {value}",
    ),
    (
        "must be a time with its offset, like 2026-05-03T10:00+08:00: {value}",
        "必须是带时区偏移的时间，如 2026-05-03T10:00+08:00：{value}",
    ),
    ("each entry is a name, an id or an object", "每一项须为名称、编号或对象"),
    ('each file is a path or {"path": …, "role": …}', '每个文件须为路径或 {"path": …, "role": …}'),
    (
        "each script is a file path (relative to the JSON file)",
        "每个剧本须为文件路径（相对于 JSON 文件）",
    ),
    ('each session is {"at": …}', '每次扫描须写成 {"at": …}'),
    ('give an id, a name, or {"native_name": …}', '请填写编号、名称或 {"native_name": …}'),
    ('give an id, a title, or {"title_native": …}', '请填写编号、标题或 {"title_native": …}'),
    ("kind must be producer, platform or other", "kind 必须是 producer、platform 或 other"),
    ("type must be film, series, ad, game or other", "type 必须是 film、series、ad、game 或 other"),
    ("role must be proposal, contract or other", "role 必须是 proposal、contract 或 other"),
    (
        "list scripts under 'scripts' so they are read and checked",
        "请把剧本列在 'scripts' 下，以便读取和检查",
    ),
    # leak-day listings
    ("name the platform or list", "请填写平台或名单名称"),
    ("a listing needs at least one name", "名单至少需要一个姓名"),
    ("more than {n} names", "超过 {n} 个姓名"),
    ("a confirmed entry must name an artist", "已确认的条目必须指明艺人"),
    ("an entry has no name", "有条目没有姓名"),
    (
        'must be an object: {"CHARACTER": artist name or id or null}',
        '必须是对象：{"角色": 艺人姓名、编号或 null}',
    ),
    (
        'must be {"amount": "80000", "currency": "CNY"}',
        '必须写成 {"amount": "80000", "currency": "CNY"}',
    ),
)

# Field names as problems name them, beyond the consent record's own FIELD_LABELS.
FIELDS_ZH: dict[str, str] = {
    "verify_url": "核验页面网址",
    "native_name": "原文姓名",
    "romanized_name": "罗马化姓名",
    "stage_name": "艺名",
    "date_of_birth": "出生日期",
    "deceased_on": "去世日期",
    "estate_contact": "遗产管理人联系方式",
    "guardian": "监护人",
    "union": "工会",
    "jurisdiction": "司法辖区",
    "agent": "经纪人",
    "contact": "联系方式",
    "notes": "备注",
    "note": "备注",
    "ai_stance": "AI 立场",
    "(row)": "整行",
    "counterparty_id": "合作方",
    "project_id": "项目",
    "artist_id": "艺人",
    "supersedes_id": "上一版本",
    "decision": "艺人的决定",
    "effective_at": "生效时间",
    "conditions": "条件",
    "reason": "理由",
    "file": "文件",
    "files": "文件",
    "character": "角色",
    "artists": "艺人",
    "scripts": "剧本",
    "scan_sessions": "扫描安排",
    "mapping": "角色对应",
    "fee": "报酬",
    "fee_amount": "报酬金额",
    "fee_currency": "报酬币种",
    "respond_by": "答复期限",
    "received_on": "收到日期",
    "title_native": "原文标题",
    "kind": "类型",
    "platform": "平台或名单",
    "source": "来源",
    "seen_on": "发现日期",
    "entries": "名单条目",
    "artist": "艺人",
    "text": "姓名",
}

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

# Messages without values: the .ts carries these too, for views that translate them directly.
PLACEHOLDER_FREE: tuple[tuple[str, str], ...] = tuple(
    (en, zh) for en, zh in PROBLEMS if not _PLACEHOLDER.search(en)
)


def _status_zh(value: str) -> str:
    try:
        return STATUS_LABELS[ConsentStatus(value)][1]
    except ValueError:
        return value


# Values that are themselves words get their Chinese label, keyed by placeholder name.
_CONVERT: dict[str, Callable[[str], str]] = {"status": _status_zh}


def _pattern(english: str) -> re.Pattern[str]:
    parts: list[str] = []
    last = 0
    for m in _PLACEHOLDER.finditer(english):
        parts.append(re.escape(english[last : m.start()]))
        parts.append(f"(?P<{m.group(1)}>.+?)")
        last = m.end()
    parts.append(re.escape(english[last:]))
    return re.compile("".join(parts), re.DOTALL)


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    # Longer (more specific) messages first, so "is required" never swallows another one.
    ordered = sorted(PROBLEMS, key=lambda p: -len(p[0]))
    return tuple((_pattern(en), zh) for en, zh in ordered)


def problem_zh(message: str) -> str | None:
    """The Chinese for one English problem message, or None when the catalogue lacks it."""
    for pattern, zh in _compiled():
        m = pattern.fullmatch(message)
        if m is None:
            continue
        values = m.groupdict()

        def fill(p: re.Match[str], values: dict[str, str] = values) -> str:
            value = values[p.group(1)]
            convert = _CONVERT.get(p.group(1))
            return convert(value) if convert is not None else value

        return _PLACEHOLDER.sub(fill, zh)
    return None


def field_zh(field: str) -> str:
    """A field's Chinese name (the raw name when unknown, so nothing is ever hidden)."""
    if field in FIELD_LABELS:
        return FIELD_LABELS[field][1]
    return FIELDS_ZH.get(field, field)


def problem_text_zh(problem: FieldProblem) -> str:
    """ "第 3 行，原文姓名：必须填写名称" — a FieldProblem as a Chinese reader sees it."""
    where = f"第 {problem.row} 行，" if problem.row is not None else ""
    return f"{where}{field_zh(problem.field)}：{problem_zh(problem.message) or problem.message}"


def validation_message_zh(problems: Sequence[FieldProblem], shown: int = 5) -> str:
    """The Chinese counterpart of ValidationError's one-line English message."""
    text = "；".join(problem_text_zh(p) for p in problems[:shown])
    more = f"（另有 {len(problems) - shown} 处）" if len(problems) > shown else ""
    return f"请更正：{text}{more}"


def untranslated(messages: Iterable[str]) -> list[str]:
    """The messages the catalogue has no Chinese for (used by the completeness test)."""
    return [m for m in messages if problem_zh(m) is None]
