"""A printed form response (Google Forms, Microsoft Forms): numbered questions, each over the
answer an analyst typed.

The question numbers ("7. Top PCT applicants — one per line: ... *") count questions, not
ranks, and the "*" marks a required question: left in, question 7 reads as a ranked row. In a
radio-button group only the selected option ("(•) Global Innovation Index 2024") is an answer;
the others ("( ) Global Innovation Index 2023") are choices not taken. When a text prints at
least two "Section 2 of 4" lines and three numbered questions each directly over an answer, the
numbers and "*" marks are deleted, so each question reads as the heading of its answer, the
unselected options are deleted and the selected one keeps its text. Any other text costs one
scan for "Section ... of".
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_SECTION = re.compile(r"(?mi)^[ \t]*Section \d{1,2} of \d{1,2}\b")
_QUESTION = re.compile(r"(?m)^(\d{1,2}\.[ \t]+)\S[^\n]*?([ \t]+\*)?[ \t]*\n(?=[ \t]*\S)")
_UNSELECTED = re.compile(r"(?m)^[ \t]*\([ \t]?\)[ \t]+[^\n]*\n?")
_SELECTED = re.compile(r"(?m)^[ \t]*\([•●◉xX*]\)[ \t]+")
_MIN_SECTIONS = 2
_MIN_QUESTIONS = 3


def form_edits(text: str) -> list[Edit]:
    """Edits deleting question numbers, required marks and unselected options of a form."""
    if len(_SECTION.findall(text)) < _MIN_SECTIONS:
        return []
    questions = list(_QUESTION.finditer(text))
    if len(questions) < _MIN_QUESTIONS:
        return []
    edits = [Edit(*m.span(1), "") for m in questions]
    edits += [Edit(*m.span(2), "") for m in questions if m.group(2)]
    edits += [Edit(*m.span(), "") for m in _UNSELECTED.finditer(text)]
    edits += [Edit(*m.span(), "") for m in _SELECTED.finditer(text)]
    return sorted(edits)
