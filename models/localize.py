"""One locale-aware formatter for models, reports and the command line (the UI uses QLocale).

Dates, times, numbers, territory and medium names, lists and person names are written the
way terminology.md asks: 2026年4月3日, 00:00（北京时间）, 中国大陆、中国香港, 陈静怡（Chen Jingyi）,
未定 rather than "∞", 已逾期 N 天 rather than "(-206 天)". Plain dictionaries and string
formatting only: importing this costs nothing at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

LANGUAGES = ("en", "zh")

MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# ISO 3166 codes (and the few words people type) → (English, Chinese as mainland usage writes it).
TERRITORIES: dict[str, tuple[str, str]] = {
    "CN": ("Chinese mainland", "中国大陆"),
    "HK": ("Hong Kong SAR", "中国香港"),
    "MO": ("Macao SAR", "中国澳门"),
    "TW": ("Taiwan region", "中国台湾地区"),
    "WORLDWIDE": ("Worldwide", "全球"),
    "WW": ("Worldwide", "全球"),
    "GLOBAL": ("Worldwide", "全球"),
    "US": ("United States", "美国"),
    "GB": ("United Kingdom", "英国"),
    "CA": ("Canada", "加拿大"),
    "JP": ("Japan", "日本"),
    "KR": ("Republic of Korea", "韩国"),
    "SG": ("Singapore", "新加坡"),
    "MY": ("Malaysia", "马来西亚"),
    "TH": ("Thailand", "泰国"),
    "AU": ("Australia", "澳大利亚"),
    "NZ": ("New Zealand", "新西兰"),
    "FR": ("France", "法国"),
    "DE": ("Germany", "德国"),
    "IT": ("Italy", "意大利"),
    "ES": ("Spain", "西班牙"),
    "IN": ("India", "印度"),
    "EU": ("European Union", "欧盟"),
}

MEDIA: dict[str, tuple[str, str]] = {
    "cinema": ("Cinema", "院线"),
    "theatrical": ("Cinema", "院线"),
    "streaming": ("Streaming", "流媒体"),
    "tv": ("Television", "电视"),
    "television": ("Television", "电视"),
    "broadcast": ("Broadcast", "广播电视"),
    "games": ("Games", "游戏"),
    "game": ("Games", "游戏"),
    "social": ("Social media", "社交媒体"),
    "social media": ("Social media", "社交媒体"),
    "outdoor": ("Outdoor advertising", "户外广告"),
    "print": ("Print", "平面媒体"),
    "online": ("Online", "网络"),
    "radio": ("Radio", "广播"),
    "all": ("All media", "全媒体"),
    "any": ("All media", "全媒体"),
}

_PAIRED = re.compile(r"^(?P<native>.*?\S)\s*\((?P<roman>[^()]+)\)$")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def territory(code: str, language: str) -> str:
    """CN → 中国大陆 / Chinese mainland; an unknown code is shown as typed."""
    names = TERRITORIES.get(code.strip().upper())
    if names is None:
        return code
    return names[1] if language == "zh" else names[0]


def medium(value: str, language: str) -> str:
    names = MEDIA.get(value.strip().lower())
    if names is None:
        return value
    return names[1] if language == "zh" else names[0]


def join(items: Iterable[str], language: str) -> str:
    """A list as the language writes it: 院线、流媒体 / Cinema, streaming."""
    return ("、" if language == "zh" else ", ").join(items)


def name(display: str, language: str) -> str:
    """林晓 (Lin Xiao) → 林晓（Lin Xiao） in Chinese text; English keeps half-width brackets."""
    if language != "zh":
        return display
    m = _PAIRED.match(display.strip())
    if m is None:
        return display
    return f"{m['native']}（{m['roman'].strip()}）"


_NAME_IN_TEXT = re.compile(r"(?<=[\u3400-\u9fff]) \(([A-Za-z][^()（）]*)\)")


def names_in_chinese(text: str) -> str:
    """Display names inside a Chinese sentence with full-width brackets: 林晓 (Lin Xiao) →
    林晓（Lin Xiao）. Only a romanised form right after a Han character is touched."""
    return _NAME_IN_TEXT.sub(lambda m: f"（{m.group(1).strip()}）", text)


def zone_label(dt: datetime, language: str) -> str:
    """UTC+08:00 is 北京时间 in Chinese; any other offset is written as UTC±hh:mm."""
    offset = dt.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if language == "zh" and minutes == 8 * 60:
        return "北京时间"
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def format_date(d: date | None, language: str, open_ended: str = "none") -> str:
    """2026年4月3日 / 3 April 2026; None is 未定 / not set (or 长期 / open-ended)."""
    if d is None:
        if open_ended == "long":
            return "长期" if language == "zh" else "open-ended"
        return "未定" if language == "zh" else "not set"
    if language == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"


def format_datetime(dt: datetime, language: str) -> str:
    """2026年4月3日 00:00（北京时间） / 3 April 2026, 00:00 (UTC+08:00)."""
    zone = zone_label(dt, language)
    if language == "zh":
        return f"{format_date(dt.date(), 'zh')} {dt:%H:%M}（{zone}）"
    return f"{format_date(dt.date(), 'en')}, {dt:%H:%M} ({zone})"


def format_term(start: date | None, end: date | None, language: str) -> str:
    """A consent's term; an open end is 长期 / open-ended, never "∞"."""
    s = format_date(start, language)
    e = format_date(end, language, open_ended="long")
    return f"{s}至{e}" if language == "zh" else f"{s} – {e}"


def format_days_left(days: int, language: str) -> str:
    """In 12 days / 还剩 12 天; overdue by 206 days / 已逾期 206 天."""
    if days < 0:
        n = -days
        if language == "zh":
            return f"已逾期 {n} 天"
        return "overdue by 1 day" if n == 1 else f"overdue by {n} days"
    if language == "zh":
        return "今天到期" if days == 0 else f"还剩 {days} 天"
    if days == 0:
        return "due today"
    return "1 day left" if days == 1 else f"{days} days left"


def format_number(value: float | int, language: str, decimals: int = 0) -> str:
    """Grouped digits (80,000); Chinese uses the same Arabic digits and comma grouping."""
    return f"{value:,.{decimals}f}"


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


__all__ = [
    "LANGUAGES",
    "MEDIA",
    "TERRITORIES",
    "format_date",
    "format_datetime",
    "format_days_left",
    "format_number",
    "format_term",
    "join",
    "medium",
    "name",
    "names_in_chinese",
    "territory",
    "zone_label",
]
