"""An e-mail's sign-off and the signature under it: "Best," / "Ana Ortiz | Senior Analyst |
+86 731 8888 2024".

A signature is who sent the mail, not the profile: its name, title and phone number read as a
row of the list above it (a "2024" in the phone number as a count). In a mail (a text with
"From:", "Sent:" or "Subject:" header lines), a line that is only a sign-off ("Best,", "Kind
regards,", "Thanks,", "Cheers") and the lines after it up to the next blank line or the end
(at most `_MAX_LINES`, short, none with a share; else the sign-off alone) are removed as
`rewrite` edits. A text without a mail header costs one scan.
"""

from __future__ import annotations

import re

from nlq.layout.rewrite import Edit

_MAIL_HEADER = re.compile(r"^(?:From|Sent|Subject|Date|To):[ \t]", re.M)
_SIGN_OFF = re.compile(
    r"^[ \t]*(?:best(?:[ \t]+(?:regards|wishes))?|(?:kind|warm|many|best)[ \t]+regards|regards"
    r"|thanks|thank[ \t]+you|many[ \t]+thanks|cheers|sincerely|yours(?:[ \t]+sincerely)?"
    r"|mit[ \t]+freundlichen[ \t]+grüßen|viele[ \t]+grüße|cordialement|saludos|un[ \t]+saludo)"
    r"[ \t]*[,!.]?[ \t]*$",
    re.I | re.M,
)
_MAX_LINES = 4
_MAX_WIDTH = 80  # a signature line is short: a longer one is a sentence of the page


def signature_edits(text: str) -> list[Edit]:
    """Edits deleting each sign-off line of a mail and the signature lines under it."""
    if not _MAIL_HEADER.search(text):
        return []
    edits: list[Edit] = []
    for m in _SIGN_OFF.finditer(text):
        edits.append(Edit(m.start(), _signature_end(text, m.end()), ""))
    return edits


def _signature_end(text: str, end: int) -> int:
    """Where the signature after a sign-off ending at `end` ends: at the blank line or the end
    of the text that closes it. Lines running on past `_MAX_LINES`, a line with a share or
    one longer than `_MAX_WIDTH` are no signature (the page may follow the sign-off directly):
    then only the sign-off goes."""
    stop = end
    for _ in range(_MAX_LINES + 1):
        if stop >= len(text):
            return stop
        nl = text.find("\n", stop + 1)
        line = text[stop + 1 : len(text) if nl < 0 else nl]
        if not line.strip():
            return stop
        if "%" in line or len(line) > _MAX_WIDTH:
            return end
        stop = len(text) if nl < 0 else nl
    return end
