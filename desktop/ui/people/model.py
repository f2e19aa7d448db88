"""The people list model: one row per live person, sorted and filtered in memory.

All summaries are held once (10,000 small frozen dataclasses); sorting and the circle/tag
filters run here in milliseconds instead of asking the database again, with the same
order as :func:`desktop.services.directory.summaries`. Rows reach the view in batches
through ``canFetchMore``/``fetchMore`` so a reset never lays out 10,000 rows at once.

Contract (tests and accessibility tools rely on it): ``Qt.DisplayRole`` is the full name.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.domain.display_names import first_name
from desktop.domain.records import PersonSummary
from desktop.domain.trust import level_label
from desktop.ui.kit import format as fmt

SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
COMPLETE_ROLE = Qt.ItemDataRole.UserRole + 3  # trust, last contact and dues are known
SORTS = ("name", "last_contact", "trust")
BATCH = 200

Index = QModelIndex | QPersistentModelIndex


def _name_key(s: PersonSummary) -> str:
    return s.full_name.casefold()


def sort_rows(rows: list[PersonSummary], sort: str) -> list[PersonSummary]:
    """The service's orders (ties by name, which the service leaves to the database)."""
    ordered = sorted(rows, key=_name_key)
    if sort == "last_contact":
        ordered.sort(key=lambda s: s.last_contact or datetime.min, reverse=True)
    elif sort == "trust":
        ordered.sort(key=lambda s: s.trust_in_them + s.their_trust_in_me, reverse=True)
    return ordered


class PeopleModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: dict[str, PersonSummary] = {}
        self._visible: list[PersonSummary] = []
        self._rows: dict[str, int] = {}
        self._loaded = 0
        self._complete = False
        self._sort = "name"
        self._circle: str | None = None
        self._tag: str | None = None

    # --- Qt model interface ----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._loaded < len(self._visible)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        start = self._loaded
        end = min(len(self._visible), start + BATCH)
        if end <= start:
            return
        self.beginInsertRows(QModelIndex(), start, end - 1)
        self._loaded = end
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._loaded:
            return None
        s = self._visible[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return s.full_name
        if role == SUMMARY_ROLE:
            return s
        if role == ID_ROLE:
            return s.id
        if role == COMPLETE_ROLE:
            return self._complete
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(s)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(s)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- Texts ------------------------------------------------------------------------

    def _work(self, s: PersonSummary) -> str:
        return " · ".join(part for part in (s.headline, s.organization) if part)

    def _bar_texts(self, s: PersonSummary) -> tuple[str, str]:
        """What the card's two small bars say: ("You → Ana 56", "Ana → you 67")."""
        first = first_name(s.full_name)
        return (
            self.tr("You → %1 %2").replace("%1", first).replace("%2", str(s.trust_in_them)),
            self.tr("%1 → you %2").replace("%1", first).replace("%2", str(s.their_trust_in_me)),
        )

    def _bars(self, s: PersonSummary) -> str:
        return ", ".join(self._bar_texts(s))

    def _tooltip(self, s: PersonSummary) -> str:
        lines = [s.full_name]
        if self._work(s):
            lines.append(self._work(s))
        if self._complete:
            mine, theirs = self._bar_texts(s)
            lines.append(
                f"{mine} ({level_label(s.trust_in_them)}), "
                f"{theirs} ({level_label(s.their_trust_in_me)})"
            )
            lines.append(fmt.last_talked(s.last_contact))
        if s.tags:
            lines.append(" ".join(f"#{t}" for t in s.tags))
        return "\n".join(lines)

    def _spoken(self, s: PersonSummary) -> str:
        parts = [s.full_name]
        if self._work(s):
            parts.append(self._work(s))
        if self._complete:
            parts.append(self._bars(s))
            parts.append(fmt.last_talked(s.last_contact))
            if s.promises_due:
                parts.append(
                    self.tr("1 promise due")
                    if s.promises_due == 1
                    else self.tr("%n promises due", "", s.promises_due)
                )
        return ", ".join(parts)

    # --- Loading, sorting, filtering --------------------------------------------------

    def set_rows(self, rows: list[PersonSummary], *, complete: bool) -> None:
        """Replace every row (a first page, the quick list, or the full summaries)."""
        self._all = {s.id: s for s in rows}
        self._complete = complete
        self._refilter()

    def is_complete(self) -> bool:
        return self._complete

    def sort_key(self) -> str:
        return self._sort

    def set_sort(self, sort: str) -> None:
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {SORTS}")
        if sort != self._sort:
            self._sort = sort
            self._refilter()

    def set_filter(self, *, circle: str | None, tag: str | None) -> None:
        if (circle, tag) != (self._circle, self._tag):
            self._circle, self._tag = circle, tag
            self._refilter()

    def filters(self) -> tuple[str | None, str | None]:
        return self._circle, self._tag

    def _matches(self, s: PersonSummary) -> bool:
        if self._circle and s.circle != self._circle:
            return False
        return not (self._tag and self._tag not in s.tags)

    def _refilter(self) -> None:
        rows = [s for s in self._all.values() if self._matches(s)]
        # Before the full summaries arrive, only the name order is meaningful.
        visible = sort_rows(rows, self._sort if self._complete else "name")
        same_order = len(visible) == len(self._visible) and all(
            a.id == b.id for a, b in zip(visible, self._visible, strict=True)
        )
        if same_order:
            self._visible = visible
            if self._loaded:
                self.dataChanged.emit(self.index(0), self.index(self._loaded - 1))
            return
        self.beginResetModel()
        self._visible = visible
        self._rows = {s.id: i for i, s in enumerate(visible)}
        self._loaded = min(len(visible), max(BATCH, min(self._loaded, len(visible))))
        self.endResetModel()

    # --- Per-person updates -----------------------------------------------------------

    def upsert(self, summary: PersonSummary) -> None:
        """Add or refresh one person (after an edit), moving the card if its order changed."""
        self._all[summary.id] = summary
        row = self._rows.get(summary.id)
        if row is not None and self._matches(summary):
            self._visible[row] = summary
            if self._in_order(row):
                if row < self._loaded:
                    self.dataChanged.emit(self.index(row), self.index(row))
                return
        self._refilter()

    def _in_order(self, row: int) -> bool:
        sort = self._sort if self._complete else "name"
        neighbours = self._visible[max(0, row - 1) : row + 2]
        return [s.id for s in sort_rows(neighbours, sort)] == [s.id for s in neighbours]

    def remove(self, person_id: str) -> None:
        if self._all.pop(person_id, None) is None:
            return
        row = self._rows.get(person_id)
        if row is None:
            return
        if row < self._loaded:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._visible[row]
            self._loaded -= 1
            self._rows = {s.id: i for i, s in enumerate(self._visible)}
            self.endRemoveRows()
        else:
            del self._visible[row]
            self._rows = {s.id: i for i, s in enumerate(self._visible)}

    # --- Look-ups ---------------------------------------------------------------------

    def summary(self, person_id: str) -> PersonSummary | None:
        return self._all.get(person_id)

    def summaries(self) -> list[PersonSummary]:
        """Every person held (ignoring the filters), for the instant name search."""
        return list(self._all.values())

    def visible_count(self) -> int:
        return len(self._visible)

    def row_of(self, person_id: str, *, fetch: bool = True) -> int:
        """The row of a person under the current filters (-1: filtered out or unknown)."""
        row = self._rows.get(person_id, -1)
        if row >= self._loaded and fetch:
            while self._loaded <= row and self.canFetchMore(QModelIndex()):
                self.fetchMore(QModelIndex())
        return row if row < self._loaded else -1

    def person_at(self, row: int) -> PersonSummary | None:
        return self._visible[row] if 0 <= row < self._loaded else None
