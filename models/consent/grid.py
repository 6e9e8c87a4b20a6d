"""The consent matrix: modalities × projects, each cell the status that matters at a moment.

Built from a `ConsentState` only, so the grid can never disagree with `state_as_of`.
(`models.consent.state.matrix` loads the state and builds the grid.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.consent.words import ConsentState, ConsentStatus, Modality, RecordAtTime

# Which record a cell shows when several cover it: what is in force first, then what is open.
_PRIORITY: dict[tuple[ConsentStatus, bool], int] = {
    (ConsentStatus.GIVEN, True): 0,
    (ConsentStatus.GIVEN, False): 1,
    (ConsentStatus.PENDING_ARTIST, False): 2,
    (ConsentStatus.REQUESTED, False): 3,
    (ConsentStatus.REFUSED, False): 4,
    (ConsentStatus.REVOKED, False): 5,
    (ConsentStatus.EXPIRED, False): 6,
    (ConsentStatus.SUPERSEDED, False): 7,
}


@dataclass(frozen=True)
class MatrixColumn:
    """A project of a counterparty, or "any project" of it (project_id None)."""

    counterparty_id: int
    counterparty_name: str
    project_id: int | None
    project_title: str

    @property
    def label(self) -> str:
        return f"{self.counterparty_name} — {self.project_title or 'any project'}"


@dataclass(frozen=True)
class MatrixCell:
    modality: Modality
    column: MatrixColumn
    status: ConsentStatus | None  # None: no record at all — not authorised
    in_force: bool = False
    record_id: int | None = None  # the record the cell shows
    record_ids: tuple[int, ...] = ()  # every record covering the cell
    via_any_project: bool = False  # shown because of an "any project" record


@dataclass(frozen=True)
class ConsentMatrix:
    state: ConsentState
    columns: tuple[MatrixColumn, ...]
    cells: dict[tuple[Modality, int], MatrixCell]  # (modality, column index) → cell

    @property
    def modalities(self) -> tuple[Modality, ...]:
        return tuple(Modality)

    def cell(self, modality: Modality, column: int) -> MatrixCell:
        return self.cells[(modality, column)]

    def row(self, modality: Modality) -> tuple[MatrixCell, ...]:
        return tuple(self.cells[(modality, i)] for i in range(len(self.columns)))


def matrix_from_state(
    state: ConsentState, extra_columns: list[MatrixColumn] | None = None
) -> ConsentMatrix:
    seen: dict[tuple[int, int | None], MatrixColumn] = {}
    for r in state.records:
        key = (r.counterparty_id, r.project_id)
        if key not in seen:
            seen[key] = MatrixColumn(
                r.counterparty_id, r.counterparty_name, r.project_id, r.project_title
            )
    for c in extra_columns or ():
        seen.setdefault((c.counterparty_id, c.project_id), c)
    columns = tuple(
        sorted(
            seen.values(),
            key=lambda c: (
                c.counterparty_name,
                c.counterparty_id,
                c.project_id is not None,
                c.project_title,
                c.project_id or 0,
            ),
        )
    )
    by_scope: dict[tuple[int, int | None], list[RecordAtTime]] = {}
    for r in state.records:
        by_scope.setdefault((r.counterparty_id, r.project_id), []).append(r)
    cells: dict[tuple[Modality, int], MatrixCell] = {}
    for i, col in enumerate(columns):
        # a project's column also shows the counterparty's "any project" records
        covering = by_scope.get((col.counterparty_id, col.project_id), [])
        if col.project_id is not None:
            covering = covering + by_scope.get((col.counterparty_id, None), [])
        for m in Modality:
            these = [r for r in covering if m in r.modalities]
            if not these:
                cells[(m, i)] = MatrixCell(m, col, None)
                continue
            best = min(
                these,
                key=lambda r: (
                    _PRIORITY[(r.status, r.in_force)],
                    r.project_id is None,  # a record naming the project beats "any project"
                    -r.record_id,
                ),
            )
            cells[(m, i)] = MatrixCell(
                m,
                col,
                best.status,
                best.in_force,
                best.record_id,
                tuple(r.record_id for r in these),
                via_any_project=best.project_id is None and col.project_id is not None,
            )
    return ConsentMatrix(state, columns, cells)


def grants_summary(state: ConsentState) -> dict[str, Any]:
    """A JSON-ready summary per modality (used by the CLI and handy for exports)."""
    out: dict[str, Any] = {}
    for m in Modality:
        gs = state.grants_for(m)
        out[m.value] = {
            "authorised": bool(gs),
            "grants": [
                {
                    "record_id": g.record_id,
                    "version": g.version,
                    "counterparty": g.counterparty_name,
                    "project": g.project_title or None,
                    "term_start": g.term_start.isoformat() if g.term_start else None,
                    "term_end": g.term_end.isoformat() if g.term_end else None,
                    "uses": [u.value for u in g.uses],
                }
                for g in gs
            ],
        }
    return out
