"""Meeting notes with speaker labels ("MEI: One: NAME, 2,069 patents, 54%. Two: ...").

A transcript puts a speaker's name in capitals before each utterance. One speaker reads the
profile; the others ask for the next part ("Top PCT applicants, please.") or remember other
figures ("Last year it was around 40th globally", "Action item 3 ... by 21 Nov"). With at least
four labelled lines and two speakers who each speak twice (a memo's "TO:" / "FROM:"
lines are no talk), the reader is the speaker who says the most figures: the
labels are removed, every utterance becomes a paragraph of its own, the lines before the first
utterance (the meeting's date and attendees) and every other speaker's utterance that holds a
figure are removed, so no figure but the reader's is read. In the reader's words, each sentence
goes on a line of its own: a sentence that is only a title ("Hefei, China.") reads as the title
line, and rows spoken by number ("One: NAME, 114, 3%. Two: ...") become numbered rows ("1. NAME,
114, 3%"), a word said after the name ("NAME again, 5,986, 14%") left out. A text with fewer
than four labelled lines costs one line scan.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_LABEL = re.compile(r"^(?P<s>[A-Z][A-Z'’-]{1,19}(?:[ \t][A-Z][A-Z'’-]{1,19})?):[ \t]+(?=\S)", re.M)
_FIGURE = re.compile(r"\d")
# How a request for the next part ends: "Top PCT applicants, please." / "Publishers?".
_ASK_END = re.compile(r"(?:,[ \t]*please)?[.?!][ \t]*$", re.M)
_NUMBERS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}
# A sentence end inside an utterance: ". " before a capital letter or a figure.
_SENTENCE_END = re.compile(r"(?<=[a-z%\d])\.[ \t]+(?=[A-Z])")
_SPOKEN_RANK = re.compile(r"^(?P<w>One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten):[ \t]+")
# A title said as a sentence: "Hefei, China." (its final period is no part of the economy).
_SPOKEN_TITLE = re.compile(r"^[A-Z][^\d,.:;!?]{0,40},[ \t]+[A-Z][^\d,.:;!?]{0,30}(?P<p>\.)$")
# A word said after an upper-case name, before its figures: "OF CHINA again, 5,986".
_AFTER_NAME = re.compile(r"(?<=[A-Z.])(?P<w>[ \t]+[a-z]+)(?=,[ \t]*\d)")


def transcript_edits(text: str) -> list[Edit]:
    """Edits keeping the profile's reader's words from a labelled transcript (none when the
    text is not one)."""
    labels = list(_LABEL.finditer(text))
    if len(labels) < 4:
        return []
    turns: dict[str, int] = {}
    for m in labels:
        turns[m.group("s")] = turns.get(m.group("s"), 0) + 1
    if sum(n >= 2 for n in turns.values()) < 2:
        return []  # a memo's "TO:", "FROM:", "RE:" lines: no one speaks twice
    said: dict[str, int] = {}
    for m in labels:
        end = text.find("\n", m.end())
        said[m.group("s")] = said.get(m.group("s"), 0) + len(
            _FIGURE.findall(text, m.end(), end if end >= 0 else len(text))
        )
    if len(said) < 2:
        return []
    reader = max(said, key=lambda s: said[s])
    edits = [Edit(0, labels[0].start(), "")]
    for m in labels:
        end = text.find("\n", m.end())
        end = end if end >= 0 else len(text)
        if m.group("s") != reader:
            if _FIGURE.search(text, m.end(), end):
                edits.append(Edit(m.start(), end, ""))
            else:
                edits.append(Edit(m.start(), m.end(), "\n"))
                ask = _ASK_END.search(text, m.end(), end)
                if ask and len(text[m.end() : ask.start()].split()) <= 5:
                    edits.append(Edit(ask.start(), ask.end(), ""))  # "Publishers?": a heading
            continue
        edits.append(Edit(m.start(), m.end(), "\n"))
        edits.extend(_utterance_edits(text, m.end(), end))
    return edits


def _utterance_edits(text: str, start: int, end: int) -> list[Edit]:
    """Edits setting each sentence of the reader's utterance `text[start:end]` on its own line."""
    edits: list[Edit] = []
    bounds = [start]
    for m in _SENTENCE_END.finditer(text, start, end):
        edits.append(Edit(m.start() + 1, m.end(), "\n\n"))
        bounds.append(m.end())
    ends = [b - 1 for b in bounds[1:]]
    for i, j in zip(bounds, [*[e - 0 for e in ends], end], strict=True):
        sentence = text[i:j]
        rank = _SPOKEN_RANK.match(sentence)
        if rank:
            edits.append(Edit(i, i + rank.end(), _NUMBERS[rank.group("w").lower()] + ". "))
            edits.extend(
                Edit(i + w.start("w"), i + w.end("w"), "") for w in _AFTER_NAME.finditer(sentence)
            )
        title = _SPOKEN_TITLE.match(sentence.rstrip())
        if title:
            edits.append(Edit(i + title.start("p"), i + title.end("p"), ""))
    return edits
