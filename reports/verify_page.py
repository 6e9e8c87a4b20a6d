"""The verify page of the public register: a journalist drops a statement PDF and reads a verdict.

`verify.html` (English) and `verify.zh.html` (Chinese) are written into the register folder.
Each page carries the register's list of statements inside it (a JSON data block, never
executed) and one small inline script, allowed by its SHA-256 in a strict
Content-Security-Policy: no other script, nothing fetched, no connection anywhere
(`connect-src 'none'`), no eval. The reader's file never leaves the browser: the page computes
its SHA-256 with Web Crypto and looks it up in the embedded register.

What the page can and cannot prove is said on the page: its verdict is only as good as the
page itself, so it must be opened from the agency's own website (or a copy the reader got from
there); the agency's certificate fingerprint is shown to compare with the one on its press
page. The cryptographic check of the PDF's own signature is `consent-desk statement verify`.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import datetime
from html import escape
from typing import Any

from models.resources import resource_path

VERIFY_FILE = "verify.html"
VERIFY_FILE_ZH = "verify.zh.html"

# Every word the page shows, in both languages ({placeholders} are filled by the script); kept
# beside the statement wording so the agency can edit it like the statement templates.
TEXTS_FILE = resource_path("register", "verify-page.json")


def page_texts() -> dict[str, dict[str, str]]:
    texts: dict[str, dict[str, str]] = json.loads(TEXTS_FILE.read_text(encoding="utf-8"))
    return texts


_SCRIPT = r"""
(function () {
  "use strict";
  var register = JSON.parse(document.getElementById("register-data").textContent);
  var T = JSON.parse(document.getElementById("page-text").textContent);
  var lang = T.lang === "en" ? "en" : "zh";
  var byHash = {}, byId = {};
  register.statements.forEach(function (s) { byHash[s.file_sha256] = s; byId[s.id] = s; });
  var agency = lang === "en" ? register.agency.name
    : (register.agency.name_zh || register.agency.name);
  var out = document.getElementById("verdict");

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m;
    });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function when(iso) {
    var d = new Date(iso);
    if (!iso || isNaN(d.getTime())) { return iso || ""; }
    return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", {
      dateStyle: "long", timeStyle: "short", timeZone: "UTC"
    }).format(d) + (lang === "en" ? " UTC" : "（UTC）");
  }
  function person(s) {
    var native = s.artist_native_name || "", roman = s.artist_romanized_name || "";
    if (!native || !roman || native === roman) { return native || roman || s.artist || ""; }
    return lang === "en" ? native + " (" + roman + ")" : native + "（" + roman + "）";
  }
  function label(labels, fallback) {
    return labels && labels[lang] ? labels[lang] : fallback;
  }
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }
  function claimedId(buffer) {
    var text = new TextDecoder("latin1").decode(new Uint8Array(buffer));
    var found = text.match(/CDS-\d{8}-[0-9A-F]{8}/);
    return found ? found[0] : null;
  }
  function show(kind, values, entry, digest) {
    out.textContent = "";
    out.className = "verdict " + kind;
    out.setAttribute("data-verdict", kind);
    out.appendChild(el("h2", null, T[kind]));
    if (T[kind + "_detail"]) { out.appendChild(el("p", null, fill(T[kind + "_detail"], values))); }
    if (values.later) {
      var link = el("a", null, fill(T.list, {}) + " → " + values.later);
      link.href = "index.html#" + encodeURIComponent(values.later);
      out.appendChild(link);
    }
    var table = el("dl");
    function row(name, value) {
      if (!value) { return; }
      table.appendChild(el("dt", null, T[name]));
      table.appendChild(el("dd", name === "sha256" ? "hash" : null, value));
    }
    if (entry) {
      row("id", entry.id);
      row("artist", person(entry));
      row("kind", label(entry.kind_label, entry.kind));
      row("as_of", when(entry.as_of));
      row("issued_at", when(entry.issued_at));
    }
    row("sha256", digest);
    out.appendChild(table);
  }
  function check(file) {
    out.className = "verdict checking";
    out.removeAttribute("data-verdict");
    out.textContent = T.checking;
    if (!window.crypto || !window.crypto.subtle) { show("nocrypto", {}); return; }
    file.arrayBuffer().then(function (buffer) {
      return window.crypto.subtle.digest("SHA-256", buffer).then(function (d) {
        var digest = hex(d);
        var entry = byHash[digest];
        var values = { agency: agency };
        if (!entry) {
          var claimed = claimedId(buffer);
          if (claimed && byId[claimed]) {
            values.claimed = claimed;
            show("altered", values, null, digest);
          } else {
            show("unknown", values, null, digest);
          }
          return;
        }
        values.as_of = when(entry.as_of);
        if (entry.status === "superseded") {
          values.later = entry.superseded_by || "";
          show("superseded", values, entry, digest);
        } else if (entry.status === "revoked") {
          var date = when(entry.withdrawn_at || "");
          values.when = date ? fill(T.withdrawn_on, { date: date }) : "";
          show("revoked", values, entry, digest);
        } else if (entry.status === "historical" || entry.historical) {
          show("historical", values, entry, digest);
        } else if (entry.status === "current") {
          show("current", values, entry, digest);
        } else {
          show("unknown", values, null, digest);
        }
      });
    }).catch(function () { show("unreadable", {}); });
  }
  var input = document.getElementById("file");
  input.addEventListener("change", function () {
    if (input.files && input.files[0]) { check(input.files[0]); }
  });
  var drop = document.getElementById("drop");
  ["dragenter", "dragover"].forEach(function (name) {
    drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    drop.addEventListener(name, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (e) {
    e.preventDefault();
    var files = e.dataTransfer && e.dataTransfer.files;
    if (files && files[0]) { check(files[0]); }
  });
  document.addEventListener("dragover", function (e) { e.preventDefault(); });
  document.addEventListener("drop", function (e) { e.preventDefault(); });
}());
"""

_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei",
       "Noto Sans CJK SC", sans-serif; margin: 2rem auto; max-width: 46rem; padding: 0 1rem;
       color: #1b1b1b; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
.agency { color: #444; margin-top: 0; }
.other { float: right; font-size: .95rem; }
#drop { border: 2px dashed #7a8ba3; border-radius: .6rem; padding: 2.2rem 1rem;
        text-align: center; background: #f6f8fb; margin: 1.2rem 0; }
#drop.over { background: #e3ecf7; border-color: #1f4e79; }
#drop p { margin: 0 0 .8rem; font-size: 1.1rem; }
.hidden { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
.button { display: inline-block; background: #1f4e79; color: #fff; padding: .45rem 1.1rem;
          border-radius: .4rem; cursor: pointer; }
#file:focus-visible + .button { outline: 3px solid #7aa7d6; outline-offset: 2px; }
.verdict { border-radius: .6rem; padding: .2rem 1.2rem 1rem; margin: 1rem 0; }
.verdict h2 { font-size: 1.35rem; }
.verdict.current { background: #e6f4ea; border: 2px solid #1e6b34; }
.verdict.historical { background: #eef2f7; border: 2px solid #1f4e79; }
.verdict.superseded { background: #fff5e0; border: 2px solid #8a5a00; }
.verdict.revoked, .verdict.altered, .verdict.unknown, .verdict.nocrypto, .verdict.unreadable {
  background: #fdecec; border: 2px solid #9b1c1c; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { color: #555; }
dd { margin: 0; }
.hash, .fp { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all;
             font-size: .85rem; }
.meta { font-size: .92rem; color: #333; }
.trust { font-size: .88rem; color: #444; border-top: 1px solid #d5d9e0; padding-top: .8rem; }
"""


def _t(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _data_block(value: Any) -> str:
    """JSON inside <script type="application/json">: never executed, `</` cannot close it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _public_view(content: dict[str, Any]) -> dict[str, Any]:
    """What the page needs of the register, and nothing else."""
    agency = content.get("agency", {})
    keep = (
        "id", "artist", "artist_native_name", "artist_romanized_name", "kind", "kind_label",
        "as_of", "issued_at", "file_sha256", "status", "superseded_by", "withdrawn_at",
        "historical",
    )  # fmt: skip
    return {
        "agency": {"name": agency.get("name", ""), "name_zh": agency.get("name_zh", "")},
        "statements": [
            {k: item.get(k) for k in keep if k in item}
            for item in content.get("statements", [])
            if isinstance(item, dict)
        ],
    }


def _made(iso: str, language: str) -> str:
    """The register's date as a reader writes it, with its UTC offset."""
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    offset = when.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    if language == "zh":
        return f"{when.year}年{when.month}月{when.day}日 {when:%H:%M}（{zone}）"
    return f"{when.day} {when:%B %Y %H:%M} {zone}"


def script_hash() -> str:
    """The CSP source that allows exactly the page's one inline script."""
    digest = hashlib.sha256(_SCRIPT.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


CSP = (
    "default-src 'none'; script-src {script}; style-src 'unsafe-inline'; img-src data:; "
    "connect-src 'none'; form-action 'none'; base-uri 'none'"
)


def render_verify_page(content: dict[str, Any], language: str) -> str:
    """The page in `language` ("en" or "zh"), with the register embedded."""
    texts = page_texts()[language]
    agency = content.get("agency", {})
    name = (
        agency.get("name", "")
        if language == "en"
        else (agency.get("name_zh") or agency.get("name", ""))
    )
    sequence = content.get("sequence")
    generated = content.get("generated_at", "")
    count = len([s for s in content.get("statements", []) if isinstance(s, dict)])
    register_line = texts["register_detail"].format(
        sequence=sequence if sequence is not None else "—",
        date=_made(str(generated), language),
        count=count,
    )
    return f"""<!DOCTYPE html>
<html lang="{_t(texts["lang"])}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_t(CSP.format(script=script_hash()))}">
<meta name="referrer" content="no-referrer">
<title>{_t(texts["title"])} — {_t(name)}</title>
<style>{_STYLE}</style>
</head>
<body>
<a class="other" href="{_t(texts["other_file"])}">{_t(texts["other"])}</a>
<h1>{_t(texts["title"])}</h1>
<p class="agency">{_t(name)}</p>
<p>{_t(texts["intro"].format(agency=name))}</p>
<div id="drop">
<p>{_t(texts["drop"])}</p>
<input id="file" class="hidden" type="file" accept="application/pdf,.pdf">
<label class="button" for="file">{_t(texts["choose"])}</label>
</div>
<div id="verdict" class="verdict" aria-live="polite"></div>
<p class="meta">{_t(texts["register"])}{_t(register_line)}{_t(texts["open"])}<a
href="index.html">{_t(texts["list"])}</a>{_t(texts["close"])}</p>
<p class="meta">{_t(texts["fingerprint"])}<br>
<span class="fp" id="fingerprint">{_t(agency.get("certificate_fingerprint_display", ""))}</span><br>
{_t(texts["fingerprint_note"])}</p>
<p class="trust">{_t(texts["trust"])}</p>
<script type="application/json" id="register-data">{_data_block(_public_view(content))}</script>
<script type="application/json" id="page-text">{_data_block(texts)}</script>
<script>{_SCRIPT}</script>
</body>
</html>
"""


__all__ = [
    "CSP",
    "VERIFY_FILE",
    "VERIFY_FILE_ZH",
    "page_texts",
    "render_verify_page",
    "script_hash",
]
