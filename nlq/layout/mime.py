"""A saved e-mail whose body is encoded for transport, read as the text its mail program shows.

A mail saved from a mail program (`.eml`, RFC 5322 headers over a MIME body) often carries its
body in a transfer encoding: quoted-printable, where a long line is cut by a soft line break
(`Bost=` / `on-Cambridge`) and every byte outside ASCII is written as `=EA=B9=80`, or base64,
where no figure is legible at all; a mail with an HTML version as well is split into
`multipart/alternative` parts between boundary lines. Such a file holds no character stream
with the figures as written, so it is decoded with the standard library's `email` package,
as a mail program would show it, and evidence offsets point into that decoded text, as for a
`.docx` or a PDF.

The text is the mail's headers, each on one line with its encoded words decoded
(`=?utf-8?b?4oCT?=` is `–`), the headers about the encoding itself left out (`MIME-Version`,
`Content-*`), then a blank line and the body: the HTML part when there is one (read as an HTML
page, the headers then being no part of it), else the plain-text part. A mail sent without a
transfer encoding (`7bit`, `8bit`, or none named) and in one part is left as it is, so its
offsets still point into the file: it is its own character stream.
"""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage

# Header fields at the very top of the file (a field's value may be folded onto lines that
# start with white space), then (at any place) a sign of MIME encoding.
_FIRST_HEADER = re.compile(r"\A(?:[A-Za-z][A-Za-z0-9-]*[ \t]*:[^\n]*\r?\n(?:[ \t]+[^\n]*\r?\n)*)+")
_ENCODED = re.compile(
    r"^content-transfer-encoding[ \t]*:[ \t]*[\"']?(?:quoted-printable|base64)"
    r"|^content-type[ \t]*:[ \t]*multipart/",
    re.I | re.M,
)
_MIME_HEADERS = ("mime-version", "content-")
_TRANSFER = ("quoted-printable", "base64")


def decoded_mail(text: str) -> tuple[str, str] | None:
    """`(text, format)` of a mail whose body is transfer-encoded or in several parts, decoded as
    its mail program shows it ('html' for an HTML body, else 'text'); None for any other text,
    a plain mail included, which is read as it is."""
    head = _FIRST_HEADER.match(text)
    fields = [] if head is None else [ln for ln in head.group().splitlines() if ln[:1].strip()]
    if len(fields) < 2 or not _ENCODED.search(text):
        return None
    message = email.message_from_string(text, policy=policy.default)
    if not isinstance(message, EmailMessage) or message.defects:
        return None
    body = message.get_body(preferencelist=("html", "plain"))
    if body is None:
        return None
    encoding = str(body["content-transfer-encoding"] or "").strip().lower()
    if not message.is_multipart() and encoding not in _TRANSFER:
        return None  # one part as written: the gate's words were in a forwarded header
    try:
        content = body.get_content()
    except (LookupError, ValueError):  # an unknown charset or a broken encoding
        return None
    if not isinstance(content, str) or not content.strip():
        return None
    content = content.replace("\r\n", "\n")  # a mail saved with the wire's CRLF line ends
    if body.get_content_subtype() == "html":
        return content, "html"
    return _headers(message) + "\n" + content, "text"


def _headers(message: EmailMessage) -> str:
    """The message's headers as `Name: value` lines, decoded and unfolded, the MIME ones left
    out."""
    lines = []
    for name, value in message.items():
        if name.lower().startswith(_MIME_HEADERS):
            continue
        lines.append(f"{name}: {' '.join(str(value).split())}\n")
    return "".join(lines)
