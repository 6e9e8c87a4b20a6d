"""The answer of statement verification: verdict, exit code, and the reasons in words.

Problems and notes are catalogue messages (`models.messages.Text`): each reads as its English
sentence (the JSON of `statement verify --json` and the log keep English) and renders in the
reader's language where it is shown (`statement verify`, the GUI's verify dialog).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from models.certificates import Certificate, fingerprint_display
from models.messages import Text, phrase, render
from models.statements.record import StatementStatus

EXIT_VALID = 0
EXIT_INVALID = 1
EXIT_UNREADABLE = 2
EXIT_UNCONFIRMED = 3
EXIT_WITHDRAWN = 4


@dataclass(frozen=True)
class Confirmation:
    """What the reader accepts as the agency's key (any one is enough)."""

    certificate: Certificate | None = None  # --trust (the agency's or its CA's)
    fingerprints: frozenset[str] = frozenset()  # --fingerprint, lowercase hex
    own_fingerprint: str | None = None  # this desk's identity

    @property
    def given(self) -> bool:
        return self.certificate is not None or bool(self.fingerprints)


@dataclass(frozen=True)
class VerifyResult:
    """The answer for one file (the JSON of `statement verify --json`)."""

    readable: bool
    valid: bool  # authentic: intact, consistent, and (if a trust anchor was given) that signer
    intact: bool
    trusted: bool  # the signer is confirmed
    self_signed: bool | None
    signer: str | None
    fingerprint: str | None
    signed_at: str | None
    statement_id: str | None
    kind: str | None
    artist: str | None
    as_of: str | None
    record_sha256: str | None
    in_register: bool | None  # None: no register was consulted
    status: str | None
    superseded: bool | None
    superseded_by: str | None
    problems: tuple[str, ...] = ()  # each a `Text` when made here
    notes: tuple[str, ...] = ()
    confirmed_by: str | None = None
    historical: bool = False
    page_text_bound: bool | None = None  # None: an older statement without a page digest
    register_sequence: int | None = None
    register_older_than: int | None = None  # the higher sequence already seen
    record: dict[str, Any] | None = field(default=None, compare=False)

    @property
    def withdrawn(self) -> bool:
        return self.status == StatementStatus.REVOKED.value

    @property
    def exit_code(self) -> int:
        if not self.readable:
            return EXIT_UNREADABLE
        if not self.valid:
            return EXIT_INVALID
        if not self.trusted:
            return EXIT_UNCONFIRMED
        if self.withdrawn or self.superseded:
            return EXIT_WITHDRAWN
        return EXIT_VALID

    @property
    def verdict(self) -> str:
        return {
            EXIT_VALID: "authentic",
            EXIT_INVALID: "not_authentic",
            EXIT_UNREADABLE: "unusable",
            EXIT_UNCONFIRMED: "signer_not_confirmed",
            EXIT_WITHDRAWN: "withdrawn" if self.withdrawn else "superseded",
        }[self.exit_code]

    def headline(self, language: str = "en") -> str:
        """The first line a person reads: the verdict in words ("en" or "zh")."""
        code = self.exit_code
        key: str = "verify.authentic"
        values: dict[str, Any] = {}
        if code == EXIT_UNREADABLE:
            key = "verify.unusable"
        elif code == EXIT_INVALID:
            key = "verify.not_authentic"
        elif code == EXIT_UNCONFIRMED:
            key = "verify.unconfirmed"
            values = {"fingerprint": fingerprint_display(self.fingerprint or "")}
        elif code == EXIT_WITHDRAWN and self.withdrawn:
            key = "verify.withdrawn"
        elif code == EXIT_WITHDRAWN:
            key = "verify.superseded"
            values = {"later": self.superseded_by or phrase("verify.a_later_statement")}
        elif self.historical:
            key, values = "verify.authentic_historical", {"as_of": self.as_of or ""}
        elif self.in_register and self.register_older_than is None:
            key = "verify.authentic_current"
        return render(key, language, values)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("record")
        out.pop("readable")
        out["problems"] = [str(p) for p in self.problems]  # English: for scripts
        out["notes"] = [str(n) for n in self.notes]
        out["exit_code"] = self.exit_code
        out["verdict"] = self.verdict
        out["withdrawn"] = self.withdrawn
        return out


def empty_result(readable: bool, problem: Text) -> VerifyResult:
    """The answer for a file that could not be checked at all."""
    return VerifyResult(
        readable=readable,
        valid=False,
        intact=False,
        trusted=False,
        self_signed=None,
        signer=None,
        fingerprint=None,
        signed_at=None,
        statement_id=None,
        kind=None,
        artist=None,
        as_of=None,
        record_sha256=None,
        in_register=None,
        status=None,
        superseded=None,
        superseded_by=None,
        problems=(problem,),
    )


__all__ = [
    "EXIT_INVALID",
    "EXIT_UNCONFIRMED",
    "EXIT_UNREADABLE",
    "EXIT_VALID",
    "EXIT_WITHDRAWN",
    "Confirmation",
    "VerifyResult",
    "empty_result",
]
