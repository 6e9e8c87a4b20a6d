"""R21: a roster artist appears in the script with AI use but is not on the proposal.

A producer may write one of the agency's artists into a script — `CHEN JINGYI (AI V.O.)`, or
`陈静怡的数字替身走进来` — without requesting them. Nobody has asked that artist, so no consent
can cover the use; until a person maps the character (to the artist, or to "not one of our
artists" when it is someone else of that name) the check reports it as HIGH, naming the artist.
"""

from __future__ import annotations

from collections.abc import Iterator

from models.rules.base import Rule, at_line
from models.rules.context import CheckContext
from models.rules.findings import Finding, RuleInfo, Severity

# The AI-use kinds of models/scripts/ai_markers.py in Chinese words (no raw codes in findings).
KINDS_ZH = {
    "voice": "声音",
    "likeness": "肖像",
    "de-aging": "减龄",
    "face-swap": "换脸",
    "digital-double": "数字替身",
    "training": "模型训练",
    "other": "其他 AI 使用",
}


class R21RosterArtistNotOnProposal(Rule):
    info = RuleInfo(
        "R21",
        "A roster artist appears in the script with AI use but is not on the proposal",
        "名册中的艺人以AI方式出现在剧本中，但不在提案之列",
        Severity.HIGH,
        "agency's own roster; PRC Civil Code art. 1019, 1023 (use of likeness and voice "
        "needs the person's consent)",
        "Ask the producer whether the character is this artist; if so, add the artist to the "
        'proposal and put it to them, otherwise map the character to "Not one of our artists".',
        "向制作方确认该角色是否为此艺人；如是，将艺人加入提案并交艺人决定，否则将角色标为"
        "“非本机构艺人”。",
        source_zh="本机构艺人名册；《民法典》第1019条、第1023条（使用肖像和声音须经本人同意）",
    )

    def evaluate(self, ctx: CheckContext) -> Iterator[Finding]:
        for m in ctx.roster_mentions:
            line = m.lines[0] if m.lines else None
            kinds = ", ".join(m.kinds)
            kinds_zh = "、".join(KINDS_ZH.get(k, k) for k in m.kinds)
            yield self.finding(
                artist_id=m.artist_id,
                script_id=m.script_id,
                line=line,
                subject=f"roster:{m.character}",
                code="finding.r21.not_on_proposal",
                params={
                    "at": at_line(line),
                    "name": m.artist_name,
                    "character": m.character,
                    "kinds": (kinds, kinds_zh),
                    "n": len(m.lines),
                },
                evidence={
                    "character": m.character,
                    "artist": m.artist_name,
                    "lines": list(m.lines),
                    "kinds": list(m.kinds),
                },
            )


__all__ = ["R21RosterArtistNotOnProposal"]
