"""Spreadsheet pastes that write each figure's label in the cell above it.

    National rank   Clusters in economy   Global size rank
    1               1                     97
    Biotechnology   Food chemistry        Other
    31%             22%                   47%

A row of labels (letters, no figure outside parentheses) over a row with a figure in it, filled
in the same columns, and not followed by another such row (that would be a table's column
titles over its body; nor is a row with a rank title, "Rank", over a list's one entry), is
read column by column: one "label | value" row each, the pair set
apart from the rows around it as a table of its own. Only delimited files are looked at.

Nor is a key-value table's row of column titles, one of them titling the values ("Indicator;
Value", "name,value"), over a row that starts with a label ("Edition;2024"): that row labels
its own figure (read as labels above, "Edition" would title "Indicator" and its year go with
"Value").

Nor is a row of labels over a row of values that the next row continues: a row leaving the
first column empty and filling only columns the labels title (`Collaboration,Share,Top
locations` over `Patents,7%,Bergvik` over `,,Tromvik`, partners one a row) is a table's body under
its column titles.

Nor is a two-cell row of words over a label and its figure when the row under them labels its
own figure too ("Cluster,Bergvik" / "Economy,Norway" / "Edition,2024" / "National rank,1"):
a key-value run that goes on, each row labelling its own value (read as labels above,
"Economy" would be "Edition" and "Norway" 2024); nor two such rows under a run whose rows label
their own values, the lower one starting with a label too ("Economy,Japan" / "Exported,<date>"
under "Edition,Global Innovation Index 2023").
"""

from __future__ import annotations

import re

from nlq.layout.document import MappedText

Item = tuple[int, int, tuple[MappedText, ...] | None]

_PARENS = re.compile(r"\([^()]*\)")
_FIGURE = re.compile(r"^\(?\d")
_RANK_TITLE = re.compile(r"^(?:rank|#|no\.?|nr\.?)$", re.I)


def _filled(row: tuple[MappedText, ...]) -> list[int]:
    return [i for i, c in enumerate(row) if c.text.strip()]


def _labels(row: tuple[MappedText, ...] | None) -> bool:
    if row is None:
        return False
    cells = [row[i].text.strip() for i in _filled(row)]
    if len(cells) < 2 or any(_RANK_TITLE.match(c) for c in cells):
        return False
    return all(c[:1].isalpha() and not re.search(r"\d", _PARENS.sub("", c)) for c in cells)


def _values(row: tuple[MappedText, ...] | None, above: tuple[MappedText, ...]) -> bool:
    if row is None or _filled(row) != _filled(above) or _labels(row):
        return False
    return any(_FIGURE.match(row[i].text.strip()) for i in _filled(row))


def _in_keyed_run(
    out: list[Item], row: tuple[MappedText, ...], nxt: tuple[MappedText, ...]
) -> bool:
    """Whether `row` and `nxt` go on a key-value run above them: `nxt` starts with a label, and
    a row of the run (the rows straight above, filled in the same columns) labels a figure of
    its own ("Edition,Global Innovation Index 2023" / "Cluster,Nagoya" over "Economy,Japan" /
    "Exported,2023-10-03 14:51": read as labels above, "Economy" would be the export's date)."""
    if not _label_first(nxt):
        return False
    for _, _, above in reversed(out):
        if above is None or _filled(above) != _filled(row):
            return False
        if _label_first(above) and not _labels(above):
            return True
    return False


def _label_first(row: tuple[MappedText, ...]) -> bool:
    """Whether the row's first filled cell is a label: letters first, no digit."""
    filled = _filled(row)
    first = row[filled[0]].text.strip() if filled else ""
    return first[:1].isalpha() and not re.search(r"\d", first)


def _labelled_pair(before: tuple[MappedText, ...] | None, row: tuple[MappedText, ...]) -> bool:
    """Whether `before`, the row above `row`, is filled in the same columns, starts with a
    label and holds a figure after it: then both are rows of a "label | value" run, each
    labelling its own value ("Source;Global Innovation Index 2024" over "Cluster;Saint-Aubin,
    France"). A row of words only ("Hefei;China") may be the values of labels above it."""
    if before is None or _filled(before) != _filled(row) or _labels(before):
        return False
    return _label_first(before)


# The title of a key-value table's value column.
_VALUE_TITLE = re.compile(r"^(?:values?|figures?|data)$", re.I)


def _value_titled(row: tuple[MappedText, ...], nxt: tuple[MappedText, ...]) -> bool:
    """Whether `row` is a key-value table's column titles, one titling the values, over `nxt`,
    a row that starts with a label of its own figure."""
    if not any(_VALUE_TITLE.match(row[i].text.strip()) for i in _filled(row)):
        return False
    return _label_first(nxt)


def _continues(after: tuple[MappedText, ...] | None, titles: tuple[MappedText, ...]) -> bool:
    """Whether `after`, the row below the values, goes on in the titled columns only, its first
    column empty: the row above it is then a table's first row, not values of labels above."""
    if after is None or not _filled(after) or not _filled(titles):
        return False
    return _filled(after)[0] > _filled(titles)[0] and set(_filled(after)) <= set(_filled(titles))


def _keyed_run(
    row: tuple[MappedText, ...], nxt: tuple[MappedText, ...], after: tuple[MappedText, ...] | None
) -> bool:
    """Whether `row` (two cells), `nxt` and `after` are rows of a key-value run: `nxt` starts
    with a label in `row`'s first column, and `after` does too with a figure right after it."""
    if len(_filled(row)) != 2 or after is None or len(_filled(after)) < 2:
        return False
    first = _filled(row)[0]
    if _filled(nxt)[0] != first or _filled(after)[0] != first:
        return False
    labels = (nxt[first].text.strip(), after[first].text.strip())
    if not all(c[:1].isalpha() and not re.search(r"\d", c) for c in labels):
        return False
    return bool(_FIGURE.match(after[_filled(after)[1]].text.strip()))


def labels_above(items: list[Item]) -> list[Item]:
    """`items` with every label row over its value row rewritten as label | value rows."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        s, e, row = items[k]
        nxt = items[k + 1][2] if k + 1 < len(items) else None
        after = items[k + 2][2] if k + 2 < len(items) else None
        before = out[-1][2] if out else None
        if (
            row is not None
            and nxt is not None
            and not _labelled_pair(before, row)
            and _labels(row)
            and _values(nxt, row)
            and not (after is not None and _values(after, row))
            and not _value_titled(row, nxt)
            and not _continues(after, row)
            and not _keyed_run(row, nxt, after)
            and not _in_keyed_run(out, row, nxt)
        ):
            out.append((s, s, None))  # a blank line: the pair is a table of its own
            vs = items[k + 1][0]
            out.extend((s, vs, (row[i], nxt[i])) for i in _filled(row))
            out.append((vs, vs, None))
            k += 2
            continue
        out.append(items[k])
        k += 1
    return out
