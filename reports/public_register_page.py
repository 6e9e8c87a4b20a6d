"""The human side of the public register: a static bilingual web page and a README.

The page is plain HTML with inline styles: no scripts, no fonts or images fetched from
anywhere, so it works from any web host (or a USB stick) and cannot track its readers. Every
value is escaped; an artist called `<script>` prints as text.
"""

from __future__ import annotations

from html import escape
from typing import Any

_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei",
       "Noto Sans CJK SC", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem;
       color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: .2rem; }
h1 small { display: block; font-size: 1.1rem; color: #444; font-weight: normal; }
.meta { color: #444; font-size: .92rem; }
.fp { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
      word-break: break-all; background: #f3f5f8; padding: .1rem .3rem; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; font-size: .9rem; }
th, td { border-bottom: 1px solid #d5d9e0; padding: .4rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #f3f5f8; }
td.hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .75rem;
          word-break: break-all; max-width: 16rem; }
.current { color: #1e6b34; font-weight: 600; }
.superseded { color: #8a5a00; font-weight: 600; }
.revoked { color: #9b1c1c; font-weight: 600; }
.zh { color: #555; }
section.how { margin-top: 2rem; font-size: .9rem; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; }
"""


def _t(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _both(labels: Any, fallback: str) -> str:
    if not isinstance(labels, dict):
        return _t(fallback)
    en, zh = labels.get("en", fallback), labels.get("zh", "")
    return f'{_t(en)}<br><span class="zh" lang="zh-Hans">{_t(zh)}</span>'


def _row(item: dict[str, Any]) -> str:
    status = str(item.get("status", ""))
    css = status if status in ("current", "superseded", "revoked") else ""
    later = item.get("superseded_by") or ""
    return (
        f'<tr id="{_t(item.get("id"))}">'
        f"<td><code>{_t(item.get('id'))}</code></td>"
        f"<td>{_t(item.get('artist'))}</td>"
        f"<td>{_both(item.get('kind_label'), str(item.get('kind', '')))}</td>"
        f"<td>{_t(item.get('as_of'))}</td>"
        f'<td class="{css}">{_both(item.get("status_label"), status)}</td>'
        f"<td><code>{_t(later)}</code></td>"
        f'<td class="hash">{_t(item.get("file_sha256"))}</td>'
        "</tr>"
    )


def render_index(content: dict[str, Any]) -> str:
    agency = content.get("agency", {})
    name = agency.get("name", "")
    name_zh = agency.get("name_zh", "")
    rows = "\n".join(_row(i) for i in content.get("statements", []) if isinstance(i, dict))
    if not rows:
        rows = '<tr><td colspan="7">No statements issued yet. 尚未发布任何声明。</td></tr>'
    title = f"{name} — Statement register / 声明登记簿"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{_t(title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<h1>{_t(name)} — Register of issued statements
<small lang="zh-Hans">{_t(name_zh or name)} — 已发布声明登记簿</small></h1>
<p class="meta">Generated at / 生成时间: {_t(content.get("generated_at"))}<br>
Signing certificate SHA-256 fingerprint / 签名证书 SHA-256 指纹:
<span class="fp">{_t(agency.get("certificate_fingerprint_display"))}</span></p>
<p class="verify"><a href="verify.html">Check a statement PDF</a> ·
<a href="verify.zh.html" lang="zh-Hans">核验声明 PDF</a></p>
<p>Every statement the agency has issued about AI use of its artists' likeness and voice.
A statement marked <span class="superseded">Superseded</span> was replaced by a later one;
<span class="revoked">Withdrawn</span> means the agency no longer stands by it.<br>
<span lang="zh-Hans">本公司就旗下艺人肖像及声音的人工智能使用所发布的全部声明。标为
<span class="superseded">已被取代</span>的声明已由较新的声明替代；
<span class="revoked">已撤回</span>表示本公司不再确认该声明。</span></p>
<table>
<thead><tr>
<th>Statement ID<br><span class="zh">声明编号</span></th>
<th>Artist<br><span class="zh">艺人</span></th>
<th>Kind<br><span class="zh">类型</span></th>
<th>As of<br><span class="zh">截至</span></th>
<th>Status<br><span class="zh">状态</span></th>
<th>Superseded by<br><span class="zh">取代声明</span></th>
<th>PDF file SHA-256<br><span class="zh">PDF 文件 SHA-256</span></th>
</tr></thead>
<tbody>
{rows}
</tbody>
</table>
<section class="how">
<h2>How to check / 如何核验</h2>
<p>This list is <code>register.json</code>, signed by the agency in
<code>register.json.sig</code> with the certificate <code>agency-certificate.pem</code>
(compare its fingerprint above with the one the agency publishes elsewhere). To check a
statement PDF against it, offline:<br>
<span lang="zh-Hans">本列表即 <code>register.json</code>，由本公司以证书
<code>agency-certificate.pem</code> 签名（签名文件 <code>register.json.sig</code>）。
离线核验某份声明 PDF：</span></p>
<p><code>consent-desk statement verify STATEMENT.pdf --register THIS_FOLDER</code></p>
<p><code>openssl cms -verify -binary -inform DER -in register.json.sig -content register.json
-CAfile agency-certificate.pem -purpose any -out /dev/null</code></p>
<p><code>sha256sum STATEMENT.pdf</code> — the result must equal the file SHA-256 in the
table. / 结果须与表中的文件 SHA-256 一致。</p>
</section>
</body>
</html>
"""


def render_readme(content: dict[str, Any]) -> str:
    agency = content.get("agency", {})
    return f"""Public register of statements / 声明公开登记簿
=================================================

Agency / 机构: {agency.get("name", "")} {agency.get("name_zh", "")}
Generated at / 生成时间: {content.get("generated_at", "")}
Certificate SHA-256 fingerprint / 证书指纹:
  {agency.get("certificate_fingerprint_display", "")}

Files / 文件
------------
register.json          The register (UTF-8 JSON). Publish it unchanged: the signature covers
                       its exact bytes. 登记簿（UTF-8 JSON），签名覆盖其全部字节，请勿修改。
register.json.sig      Detached CMS (PKCS#7) SignedData, DER encoded, SHA-256, made with the
                       agency's signing key over the bytes of register.json.
                       以机构签名密钥对 register.json 做的分离式 CMS 签名（DER，SHA-256）。
agency-certificate.pem The certificate that signed the register and the statements.
                       签署登记簿及声明的证书。
index.html             The same list as a web page (no scripts). 同一列表的网页版本（无脚本）。
verify.html            Drop a statement PDF to see whether it is genuine, current, superseded
verify.zh.html         or withdrawn (in the browser; nothing is uploaded). 核验页面（中、英文）：
                       拖入声明 PDF 即可查看是否真实、现行、已被取代或已撤回（文件不会上传）。

register.json fields
--------------------
register_type      "consent-desk.public-register"; register_version: 1
generated_at       when this register was made (ISO 8601 with offset)
agency             name, name_zh, certificate_subject, certificate_fingerprint_sha256
                   (lowercase hex SHA-256 of the DER certificate), certificate_self_signed
statements[]       id, artist (public name: native (romanised)), artist_native_name,
                   artist_romanized_name, kind (position | project_certificate |
                   non_authorisation | revocation), kind_label {{en, zh}}, languages, as_of,
                   issued_at, file_sha256 (SHA-256 of the published PDF file),
                   record_sha256 (SHA-256 of the statement.json inside the PDF),
                   status (current | superseded | revoked = withdrawn by the agency),
                   status_label {{en, zh}}, supersedes, superseded_by,
                   signer_fingerprint_sha256

How to check / 如何核验
-----------------------
1. The signature (OpenSSL 1.1 or later):
   openssl cms -verify -binary -inform DER -in register.json.sig \\
       -content register.json -CAfile agency-certificate.pem -purpose any -out /dev/null
   and compare the certificate fingerprint with the one the agency publishes:
   openssl x509 -in agency-certificate.pem -noout -fingerprint -sha256
2. A statement: `consent-desk statement verify STATEMENT.pdf --register THIS_FOLDER`
   checks the PDF's own signature, then this register's signature, and tells whether the
   statement is current, superseded (and by which) or withdrawn.
   Or by hand: the PDF's SHA-256 must be the file_sha256 of its statement id here.
"""


__all__ = ["render_index", "render_readme"]
