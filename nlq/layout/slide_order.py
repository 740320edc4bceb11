"""The order a person reads the boxes of a slide in: columns side by side, each top to bottom.

A slide's shapes are stored in the order they were drawn, so a caption added after its table,
or a right-hand column drawn first, would be read out of place. A reader takes in a slide as
blocks: where an empty vertical strip runs down the whole slide between shapes, the shapes on
its left are read before those on its right (two tables side by side, each under its own
caption: caption, table, caption, table, as PowerPoint's "Comparison" and "Two Content"
layouts mean them; figures over their labels, as a row of key-figure cards sets them); where
no such strip exists, an empty horizontal strip across the slide separates what is read first
from what is read next (a full-width text over two columns), and what lies below the strip is
looked at again as a whole, so the columns under a banner are found. The cut is applied again
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
    if len(bands) > 1:  # the rest may split into columns once the top band is read
        rest = [box for band in bands[1:] for box in band]
        return reading_order(bands[0]) + reading_order(rest)
    return sorted(boxes, key=lambda b: (b.top, b.left))


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
