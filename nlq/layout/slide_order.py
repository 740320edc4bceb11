"""The order a person reads the boxes of a slide in: columns side by side, each top to bottom.

A slide's shapes are stored in the order they were drawn, so a caption added after its table,
or a right-hand column drawn first, would be read out of place. A reader takes in a slide as
blocks: where an empty vertical strip runs down the whole slide between shapes, the shapes on
its left are read before those on its right (two tables side by side, each under its own
caption: caption, table, caption, table, as PowerPoint's "Comparison" and "Two Content"
layouts mean them; figures over their labels, as a row of key-figure cards sets them); where
no such strip exists, an empty horizontal strip across the slide separates what is read first
from what is read next (a full-width text over two columns), and what lies below the strip is
looked at again as a whole, so the columns under a banner are found; bands from the top that
together split into columns are read as one block first, so a full-width source line under
two captioned tables does not part each caption from its table. The cut is applied again
inside each block (the recursive XY cut of document layout analysis, columns first), and boxes
that no strip separates are read top to bottom, then left to right.

A box only holds its position (any unit, the same for all boxes) and the thing it stands for;
this module knows nothing of slides' files, so the same order serves any page of free boxes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Box:
    """A rectangle on a page, `left <= right` and `top <= bottom`, and what it holds."""

    left: int
    top: int
    right: int
    bottom: int
    item: object = None


def reading_order(boxes: list[Box]) -> list[Box]:
    """`boxes` in reading order: columns left to right, each read top to bottom (see above)."""
    if len(boxes) <= 1:
        return list(boxes)
    columns = _columns(boxes)
    if len(columns) > 1:
        return [box for column in columns for box in reading_order(column)]
    bands = _bands(boxes)
    if len(bands) > 1:  # the rest may split into columns once the first block is read
        first = _columned_run(bands)
        rest = [box for band in bands[first:] for box in band]
        block = [box for band in bands[:first] for box in band]
        return reading_order(block) + reading_order(rest)
    return sorted(boxes, key=lambda b: (b.top, b.left))


def _columned_run(bands: list[list[Box]]) -> int:
    """How many bands from the top are read as one block: the most that still split into columns.

    Captions over their tables, with a full-width source line under both, are three bands
    (captions, tables, source line) that the source line keeps from splitting into columns; read
    band by band, both captions would come before both tables. The captions and tables alone do
    split (caption, table | caption, table), so the longest run of bands from the top that splits
    into columns is read as one block, and then the rest; where the top band does not split into
    columns even with the bands under it, it is the block alone (a full-width banner over columns).
    """
    run = 1
    while run < len(bands) and len(_columns([b for band in bands[: run + 1] for b in band])) > 1:
        run += 1
    return run


def _columns(boxes: list[Box]) -> list[list[Box]]:
    """`boxes` split at every empty vertical strip, left to right."""
    return _split(boxes, lambda b: (b.left, b.right))


def _bands(boxes: list[Box]) -> list[list[Box]]:
    """`boxes` split at every empty horizontal strip, top to bottom."""
    return _split(boxes, lambda b: (b.top, b.bottom))


def _split(boxes: list[Box], extent) -> list[list[Box]]:  # noqa: ANN001  (Box -> (start, end))
    """Groups of `boxes` whose extents along one axis overlap, in order along that axis.

    Boxes that only touch (one ends where the next starts) are apart.
    """
    parts: list[list[Box]] = []
    reach = None
    for box in sorted(boxes, key=lambda b: (extent(b), b.top, b.left)):
        start, end = extent(box)
        if reach is None or start >= reach:
            parts.append([])
            reach = end
        parts[-1].append(box)
        reach = max(reach, end)
    return parts
