"""A help centre's FAQ page: "Q: Who are the top PCT applicants?" over "A: 1. NAME, 146
patents (12%); 2. NAME, 74 patents (6%); ...".

Each question names the part of the profile its answer gives, as a heading would, so with at
least three questions and three answers the "Q:" label and the final "?" are removed and the
question reads as the heading of its answer ("Who are the top PCT applicants"). An answer that
is a numbered list run on one line has its "A:" label removed and each "; 2. " starts a line
of its own, so every entry is a row of its own. Other answers keep their label ("A: Tenth.
Changsha is ..."): a sentence is read as prose either way. A text without three "Q:" lines
costs one scan.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_QUESTION = re.compile(
    r"^(?P<label>Q(?:uestion)?:[ \t]+)(?P<q>[^\n]{3,120}?)(?P<end>\?)[ \t]*$", re.M
)
_ANSWER = re.compile(r"^(?P<label>A(?:nswer)?:[ \t]+)(?=\S)", re.M)
# A numbered run on one line: "1. NAME, 146 patents (12%); 2. NAME, ...".
_FIRST_ENTRY = re.compile(r"1[.)][ \t]+\S")
_NEXT_ENTRY = re.compile(r";[ \t]+(?=\d{1,2}[.)][ \t]+\S)")


def faq_edits(text: str) -> list[Edit]:
    """Edits turning a Q:/A: page's questions into headings and its one-line numbered answers
    into rows (none when the text is not such a page)."""
    questions = list(_QUESTION.finditer(text))
    if len(questions) < 3:
        return []
    answers = list(_ANSWER.finditer(text))
    if len(answers) < 3:
        return []
    edits: list[Edit] = []
    for m in questions:
        edits.append(Edit(m.start("label"), m.end("label"), ""))
        edits.append(Edit(m.start("end"), m.end("end"), ""))
    for m in answers:
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if not _FIRST_ENTRY.match(text, m.end()):
            continue
        nexts = list(_NEXT_ENTRY.finditer(text, m.end(), end))
        if len(nexts) < 1:
            continue
        edits.append(Edit(m.start("label"), m.end("label"), ""))
        edits.extend(Edit(n.start(), n.end(), "\n") for n in nexts)
    return edits
