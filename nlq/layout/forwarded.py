"""A forwarded e-mail: the forwarder's note above the forwarded message is not the profile.

Mail programs mark a forward with a separator line ("---------- Forwarded message ---------"
in Gmail, "-------- Forwarded Message --------" in Thunderbird, "-----Original Message-----" in
Outlook, "Begin forwarded message:" in Apple Mail) followed by the forwarded mail's own header
lines ("From:", "Date:", "Subject:", "To:"). Everything above the separator (the outer mail's
headers, the forwarder's note with its own figures, their signature) and that header block are
removed as `rewrite` edits, so a signature line is never read as the title and a figure quoted
in the note never as the page's.

Only when the forwarded part is the larger part of the mail (more lines of text than above the
separator, header lines not counted): a long text above a separator may itself be the page,
with an older mail forwarded under it, and then nothing is removed. With several separators (a
forward of a forward), the last one that passes this test is used.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

# Also as German and French mail programs write them ("Weitergeleitete Nachricht", "Message
# transféré", "Von:", "Betreff:", "Objet:").
_SEPARATOR = re.compile(
    r"^[ \t]*(?:-{2,}[ \t]*(?:forwarded[ \t]+message|original[ \t]+message"
    r"|weitergeleitete[ \t]+nachricht|ursprüngliche[ \t]+nachricht|message[ \t]+transféré"
    r"|message[ \t]+d'origine)[ \t]*-{2,}|begin[ \t]+forwarded[ \t]+message:)[ \t]*$",
    re.I | re.M,
)
_GATE = (
    "orward",
    "ORWARD",
    "riginal",
    "RIGINAL",
    "eitergeleitet",
    "rsprüngl",
    "ransféré",
    "origine",
)
_HEADER = re.compile(
    r"[ \t]*(?:From|To|Cc|Bcc|Subject|Date|Sent|Reply-To|Von|An|Betreff|Datum|Gesendet|De|À"
    r"|Objet|Envoyé)[ \t]*:(?:[ \t].*)?$",
    re.I,
)
_LINE = re.compile(r"\n([^\n]*)")


def forward_edits(text: str) -> list[Edit]:
    """Edits removing everything above a forwarded message and its header lines."""
    if not any(word in text for word in _GATE):
        return []
    for sep in reversed(list(_SEPARATOR.finditer(text))):
        end = _header_end(text, sep.end())
        if _filled_lines(text[end:]) > _filled_lines(text[: sep.start()]):
            return [Edit(0, end, "")]
    return []


def _header_end(text: str, pos: int) -> int:
    """The offset after the header lines that follow a separator ending at `pos`: blank lines
    before them and folded continuation lines (indented) included."""
    end, seen = pos, False
    for m in _LINE.finditer(text, pos):
        line = m.group(1)
        if _HEADER.match(line) or (seen and line[:1] in (" ", "\t") and line.strip()):
            end, seen = m.end(), True
        elif seen or line.strip():
            break
    return end


def _filled_lines(text: str) -> int:
    """Lines with text, header lines not counted."""
    return sum(1 for line in text.split("\n") if line.strip() and not _HEADER.match(line))
