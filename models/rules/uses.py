"""From script AI uses and requested terms to what each artist's consent must cover.

An AI-use kind names the modality it needs: voice → voice, likeness and face swap → face
likeness, de-aging → de-aging, digital double → digital double creation, training → model
training. A line that also speaks of dubbing or translation needs voice translation/dubbing.
A bare "(AI)" on a speaking character's cue is read as their voice; other "AI-generated"
mentions name no modality, and any consent for the project covers them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from models.consent.words import Modality
from models.rules.context import Demand, RequestedTerms, UnmappedUse

KIND_MODALITY: dict[str, Modality | None] = {
    "voice": Modality.VOICE,
    "likeness": Modality.FACE_LIKENESS,
    "de-aging": Modality.DE_AGING,
    "face-swap": Modality.FACE_LIKENESS,
    "digital-double": Modality.DIGITAL_DOUBLE_CREATION,
    "training": Modality.MODEL_TRAINING,
    "other": None,
}

# Dubbing or translation of a voice; Latin words on word boundaries, Chinese inside text.
_DUBBING = re.compile(
    r"(?<![A-Za-z])(?:dub|dubs|dubbed|dubbing|re-?voic(?:e|ed|es|ing)|"
    r"translat(?:e|ed|es|ing|ion)|lip-?sync(?:ed|ing)?|voice[- ]over in|"
    r"in (?:english|mandarin|cantonese|spanish|french|german|japanese|korean))(?![A-Za-z])"
    r"|译制|翻译|配成|多语种|多语言|外语版|英文版|英语版|粤语版|方言版",
    re.IGNORECASE,
)


def dubbing_phrase(text: str) -> str | None:
    """The dubbing/translation words in a line, if any."""
    m = _DUBBING.search(text)
    return m.group(0) if m else None


@dataclass(frozen=True)
class ScriptHit:
    """One AI use found in a proposal script, with the line it is on."""

    script_id: int
    line: int
    character: str | None
    kind: str
    source: str
    text: str
    scene: int = 0
    line_text: str = ""


def hit_modality(hit: ScriptHit) -> Modality | None:
    modality = KIND_MODALITY.get(hit.kind)
    if modality is None and hit.kind == "other" and hit.source == "extension":
        return Modality.VOICE  # "LIN XIAO (AI)" speaks: their voice, generated
    return modality


def build_demands(
    hits: Iterable[ScriptHit],
    mapping: Mapping[tuple[int, str], int | None],
    requested: Mapping[int, RequestedTerms],
    suggestions: Mapping[tuple[int, str], str] | None = None,
) -> tuple[tuple[Demand, ...], tuple[UnmappedUse, ...], tuple[tuple[int, int], ...]]:
    """Demands per artist, the uses no artist is mapped to, and training lines naming nobody.

    `mapping` holds confirmed character → artist choices per script (None: not an artist of
    ours). Training mentions concern the whole proposal, so they are not "unmapped" when no
    character is named; rule R9 reads those from the returned training lines.
    """
    suggestions = suggestions or {}
    demands: list[Demand] = []
    unmapped: list[UnmappedUse] = []
    training: list[tuple[int, int]] = []
    for requested_id, terms in requested.items():
        for m in terms.modalities:
            demands.append(Demand(requested_id, m))
    for h in hits:
        modality = hit_modality(h)
        artist_id: int | None = None
        known = False
        if h.character:
            key = (h.script_id, h.character)
            known = key in mapping
            artist_id = mapping.get(key)
        if modality is Modality.MODEL_TRAINING and artist_id is None:
            training.append((h.script_id, h.line))  # concerns the whole proposal (rule R9)
            continue
        if artist_id is None:
            if not known:
                suggestion = suggestions.get((h.script_id, h.character or ""), "")
                unmapped.append(
                    UnmappedUse(h.script_id, h.line, h.character, h.kind, h.text, suggestion)
                )
            continue
        demands.append(
            Demand(
                artist_id,
                modality,
                h.line,
                h.script_id,
                h.scene,
                h.kind,
                h.source,
                h.text,
                h.character,
            )
        )
        phrase = dubbing_phrase(h.line_text)
        if phrase and modality in (None, Modality.VOICE):
            demands.append(
                Demand(
                    artist_id,
                    Modality.VOICE_TRANSLATION_DUBBING,
                    h.line,
                    h.script_id,
                    h.scene,
                    "dubbing",
                    h.source,
                    phrase,
                    h.character,
                )
            )
    return tuple(demands), tuple(unmapped), tuple(training)


__all__ = ["KIND_MODALITY", "ScriptHit", "build_demands", "dubbing_phrase", "hit_modality"]
