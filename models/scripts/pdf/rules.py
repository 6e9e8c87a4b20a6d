"""What a line of a screenplay PDF says by its words alone: heading, transition, shot, cue."""

from __future__ import annotations

import re

from models.names import HAN

# INT. / EXT. / INT./EXT. / I/E / EST., in capitals or not ("INT. Home - Morning."), with an
# optional scene number before it; the Chinese forms (内景/外景, INT。), Russian ИНТ./НАТ. and
# Polish WNĘTRZE./PLENER.
_HEADING = re.compile(
    r"^(?:[0-9]{1,4}[A-Z]{0,2}[.)]?\s+)?"
    r"(?:(?:INT|EXT)\.?\s*/\s*(?:INT|EXT)|I\s*/\s*E|E\s*/\s*I|INT|EXT|EST"
    r"|(?:ИНТ|НАТ)\.?\s*/\s*(?:ИНТ|НАТ)|ИНТ|НАТ|WNĘTRZE|PLENER)"
    r"(?:[.。．]\s*|\s+-?\s*)\S",
    re.IGNORECASE,
)
_HEADING_CAPS = re.compile(
    r"^(?:[0-9]{1,4}[A-Z]{0,2}[.)]?\s+)?(?:INT|EXT|EST|I/E|E/I|ИНТ|НАТ|WNĘTRZE|PLENER)"
)
_HEADING_ZH = re.compile(
    r"^(?:[0-9０-９]{1,4}[.、．\s]\s*|第\s*\S{1,4}\s*[场場]\s*)?[^。！？!?]{0,24}?"
    r"(?:内景|外景|內景|內外景|内外景|内/外景|外/内景)"
)
_HEADING_ZH_TIME = re.compile(
    r"^(?:[0-9０-９]{1,4}(?:[-－][0-9０-９]{1,4})?[.、．\s]\s*|第\s*\S{1,4}\s*[场場]\s*)"
    r"[^。！？!?：:]{1,24}\s(?:日|夜|晨|昏|黄昏|傍晚|清晨|凌晨|深夜|白天|晚上)$"
)
_SENTENCE_END = tuple("。！？!?…；;，,")
CREDIT = re.compile(
    r"^(?:(?:written|screenplay|story|teleplay|created|adapted)\s+by\b|by$|编剧|作者)", re.I
)
_TRANSITION = re.compile(
    r"^(?:(?:[A-Z]+\s+){0,3}TO:|(?:[A-Z]+\s+)?CUT\s+TO\s+BLACK\.?|FADE\s+(?:IN|OUT)[.:]?"
    r"|FADE\s+TO\s+(?:BLACK|WHITE)\.?|(?:SMASH|MATCH|JUMP|HARD)\s+CUT[.:]?|CUT\s+TO\s*\.?"
    r"|DISSOLVE[.:]?|IRIS\s+(?:IN|OUT)[.:]?|WIPE[.:]?|THE\s+END\.?|END\s+OF\s+(?:ACT|EPISODE)"
    r".*|淡入[：:]?|淡出[。.]?|切至[：:]?)$"
)
_SHOT = re.compile(
    r"^(?:NEW\s+SHOT|NEW\s+ANGLE|ANGLE\s+(?:ON|-|–)|CLOSE\s*(?:ON|UP|SHOT|-)|CLOSE-UP"
    r"|EXTREME\s+CLOSE|E?CU\b|WIDE\s+(?:SHOT|ON|ANGLE)|WIDER|MEDIUM\s+SHOT|TWO[\s-]SHOT"
    r"|TRACKING(?:\s+SHOT)?|AERIAL(?:\s+SHOT)?|HIGH\s+ANGLE|LOW\s+ANGLE|OVERHEAD(?:\s+SHOT)?"
    r"|INSERT\b|ON\s+(?:THE\s+)?[A-Z]|BACK\s+(?:TO|ON)\s+(?:SCENE|PRESENT|[A-Z])|REVERSE\b"
    r"|(?:[A-Z0-9'’.\- ]+\s)?POV\b|POINT\s+OF\s+VIEW|BLACK\s+SCREEN|SERIES\s+OF\s+SHOTS"
    r"|(?:BEGIN\s+|END\s+(?:OF\s+)?)?MONTAGE|(?:BEGIN\s+|END\s+(?:OF\s+)?)?FLASHBACK"
    r"|(?:BEGIN\s+|END\s+(?:OF\s+)?)?INTERCUT|INTERCUT\b|SPLIT\s+SCREEN|FREEZE\s+FRAME"
    r"|SUPER(?:IMPOSE)?\b|TITLE\s*(?:CARD)?:|CHYRON|SLOW\s+MOTION|OVER\s+BLACK|FROM\s+BLACK"
    r"|ESTABLISHING|PAN\s+(?:TO|UP|DOWN|ACROSS)|PULL\s+(?:BACK|OUT)|PUSH\s+IN|DOLLY|ZOOM"
    r"|CRANE|STOCK\s+SHOT|UNDERWATER|LATER|MOMENTS\s+LATER|CONTINUOUS|SAME\s+TIME)"
)
_CUE_EXTENSION = re.compile(r"\s*[(（][^()（）]*[)）]")
_MC = re.compile(r"\bMa?c(?=[A-Z]{2})")  # McCABE, MacLEOD are capitalised names
_ABBREVIATION = ("MR.", "MRS.", "MS.", "DR.", "ST.", "JR.", "SR.", "LT.", "SGT.", "CAPT.")
_MORE = re.compile(r"^\(\s*MORE\s*\)$|^（\s*(?:MORE|未完)\s*）$", re.IGNORECASE)
_CONTINUED = re.compile(
    r"^\(?\s*CONTINUED\s*\)?:?(?:\s*\(\d+\))?$|^CONTINUED:\s*\(\d+\)$", re.IGNORECASE
)
_CONTD = re.compile(r"CONT['’]?D|CONTINUED|CONT\.", re.IGNORECASE)
PAGE_NUMBER = re.compile(r"^(?:page\s+)?\(?\d{1,4}[A-Z]?\.?\)?$|^-\s*\d{1,4}\s*-$", re.I)
SCENE_NUMBER = re.compile(r"^\*?[0-9]{1,4}[A-Z]{0,2}(?:-[A-Z0-9]{1,2})?\.?\*?$")


def is_heading(text: str) -> bool:
    text = text.strip()
    if _HEADING.match(text):
        if _HEADING_CAPS.match(text):
            return True
        # Mixed case ("Int. Home - Morning."): the prefix with its period, a short line.
        return len(text) <= 80 and bool(re.match(r"^(?:\d+\S*\s+)?[IiEe]\S{0,6}\.", text))
    if HAN.search(text) and len(text) <= 40 and not text.endswith(_SENTENCE_END):
        return bool(_HEADING_ZH.match(text) or _HEADING_ZH_TIME.match(text))
    return False


_NUMBERED = re.compile(r"^(\d{1,4}[A-Z]{0,2})\.?\s+(.+?)(?:\s+\*?\1\.?\*?)?$")


def scene_number(heading: str) -> tuple[str | None, str]:
    """'12 INT. HOUSE - DAY 12' → ('12', 'INT. HOUSE - DAY'): numbers printed in the line."""
    m = _NUMBERED.match(heading)
    if m and is_heading(m.group(2)):
        return m.group(1), m.group(2)
    return None, heading


def margin_number(texts: list[str]) -> str | None:
    """The scene number of a line printed with it at both margins ("3", "BACK HOME", "3"),
    given the line's runs left to right; None unless the first and last runs are one scene
    number ("12A", "*12*") with text between. Such a line is a scene heading whatever its words
    (a writer's forced heading); a number at one margin only is not enough."""
    if len(texts) < 3 or not SCENE_NUMBER.match(texts[0]) or not SCENE_NUMBER.match(texts[-1]):
        return None
    left, right = (t.strip("*").rstrip(".").strip("*") for t in (texts[0], texts[-1]))
    if left != right or not any(c.isalpha() for t in texts[1:-1] for c in t):
        return None
    return left


def has_han(text: str) -> bool:
    return HAN.search(text) is not None


def is_upper(text: str) -> bool:
    """Capital letters and no lower-case ones (text in brackets aside)."""
    bare = _MC.sub("MC", _CUE_EXTENSION.sub("", text))
    return any(c.isupper() for c in bare) and not any(c.islower() for c in bare)


def is_transition(text: str) -> bool:
    return bool(_TRANSITION.match(text.strip()))


def is_shot(text: str) -> bool:
    text = text.strip()
    return is_upper(text) and len(text) <= 70 and bool(_SHOT.match(text))


def is_more(text: str) -> bool:
    return bool(_MORE.match(text.strip()))


def is_continued(text: str) -> bool:
    return bool(_CONTINUED.match(text.strip()))


def continues(extensions: tuple[str, ...]) -> bool:
    return any(_CONTD.search(e) for e in extensions)


def cue_name(text: str, *, wrapped: bool = False) -> str | None:
    """The cue as the builder should see it ("ZIPPY." → "ZIPPY"), or None if not a cue.

    `wrapped`: a name long enough to wrap onto more lines at the cue indent.
    """
    text = text.strip()
    limit = 400 if wrapped else 50
    if not text or text.startswith(("(", "（")) or len(text) > limit:
        return None
    bare = _CUE_EXTENSION.sub("", text).strip()
    if not bare or is_heading(text) or is_transition(text) or is_shot(text):
        return None
    if HAN.search(bare):
        ok = len(bare) <= 8 and not re.search(r"[\s，。！？：:、；,.!?…—“”\"]", bare)
        return text if ok else None
    if not is_upper(text) or bare.endswith(("!", "?", ":", ",", ";", "-", "—", "…")):
        return None
    if not any(c.isalpha() for c in bare) or len(bare) > (limit if wrapped else 38):
        return None
    if bare.endswith(".") and not bare.upper().endswith(_ABBREVIATION):
        if len(bare.split()) > 2:  # "KNOCK KNOCK KNOCK." is a sound, not a name
            return None
        text = text.replace(bare, bare[:-1].rstrip(), 1)
    return text
