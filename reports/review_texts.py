"""The review report's words in English and Chinese (labels only; findings bring their own).

The wording lives in the message catalogue (`resources/messages/{en,zh}.json`, keys
`review.*`), beside every other message; these tables are read from it once.
"""

from __future__ import annotations

from models.messages import catalogue


def _pairs(prefix: str) -> dict[str, tuple[str, str]]:
    en, zh = catalogue("en"), catalogue("zh")
    return {
        code[len(prefix) :]: (text, zh.get(code, text))
        for code, text in en.items()
        if code.startswith(prefix) and "." not in code[len(prefix) :]
    }


T: dict[str, tuple[str, str]] = _pairs("review.")
STATUS_ZH: dict[str, str] = {k: zh for k, (_en, zh) in _pairs("review.status.").items()}
ANSWER: dict[str, tuple[str, str]] = _pairs("review.answer.")
USES: dict[str, tuple[str, str]] = _pairs("review.use.")
RECOMMEND: dict[str, tuple[str, str]] = _pairs("review.recommend.")


__all__ = ["ANSWER", "RECOMMEND", "STATUS_ZH", "USES", "T"]
