"""Saved e-mails whose body is transfer-encoded (quoted-printable, base64, multipart), decoded as
a mail program shows them, and a news article's fact box holding the profile's head: each test
is a small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

import base64
from pathlib import Path

from layout_fixtures import extract

from nlq.evaluate import check_evidence
from nlq.extractors.rules import RulesExtractor
from nlq.layout import read_document
from nlq.layout.loader import load_source
from nlq.schema import ClusterProfile

_PROFILE = (
    "Global Innovation Index 2024\n\n"
    "Nordhaven, Norway\n\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100. It "
    "filed 1,204 PCT applications and published 12,345 scientific articles.\n\n"
    "41% of Nordhaven's scientific articles are published in collaboration with other "
    "organizations, with the top three collaborating locations being Bergen, Boston-Cambridge "
    "and Oslo.\n"
)


def _read(path: Path) -> tuple[ClusterProfile, str]:
    """The rules record of the file at `path`, its evidence checked against the text read."""
    raw, _ = load_source(path)
    record = RulesExtractor().extract(read_document(path)).record
    assert check_evidence(record, raw) == []
    return record, raw


def _quoted_printable(text: str) -> str:
    """`text` as a mail program writes it in quoted-printable: lines cut at 60 characters with
    a soft line break, bytes outside ASCII as `=XX`."""
    out = []
    for line in text.split("\n"):
        coded = "".join(
            ch if ch.isascii() and ch != "=" else "".join(f"={b:02X}" for b in ch.encode())
            for ch in line
        )
        while len(coded) > 60:
            cut = 60 if "=" not in coded[57:60] else coded.rindex("=", 0, 60)
            out.append(coded[:cut] + "=")
            coded = coded[cut:]
        out.append(coded)
    return "\r\n".join(out)


def _mail(body: str, encoding: str, content_type: str = "text/plain") -> str:
    return (
        "From: Kari Nordmann <kari@example.org>\r\n"
        "To: Ola Hansen <ola@example.org>\r\n"
        "Subject: =?utf-8?q?Profil_=E2=80=93_Nordhaven?=\r\n"
        "MIME-Version: 1.0\r\n"
        f'Content-Type: {content_type}; charset="utf-8"\r\n'
        f"Content-Transfer-Encoding: {encoding}\r\n"
        "\r\n" + body
    )


def test_a_quoted_printable_mail_is_read_decoded(tmp_path) -> None:
    body = (
        "Hei Ola, here it is.\n\nKari Nordmann (Kåre)\n\n"
        "---------- Forwarded message ---------\nFrom: Kari Nordmann <kari@example.org>\n"
        "Subject: Nordhaven\n\n" + _PROFILE
    )
    coded = _quoted_printable(body).replace("Boston-", "Bost=\r\non-")  # a cut inside a name
    path = tmp_path / "profile.eml"
    path.write_text(_mail(coded, "quoted-printable"), encoding="ascii", newline="")
    record, raw = _read(path)
    assert (record.cluster, record.economy, record.scientific_articles) == (
        "Nordhaven",
        "Norway",
        12345,
    )
    assert record.publication_collaboration is not None
    assert record.publication_collaboration.partners == ["Bergen", "Boston-Cambridge", "Oslo"]
    # the subject's encoded word and the signature's bytes are decoded, MIME headers dropped
    assert "Subject: Profil – Nordhaven\n" in raw and "(Kåre)" in raw
    assert "Content-Transfer-Encoding" not in raw and "\r" not in raw


def test_the_same_mail_sent_in_8bit_is_kept_as_written(tmp_path) -> None:
    plain = _mail(_PROFILE.replace("\n", "\r\n"), "8bit")
    coded = tmp_path / "coded.eml"
    coded.write_text(_mail(_quoted_printable(_PROFILE), "quoted-printable"), newline="")
    (tmp_path / "plain.eml").write_text(plain, encoding="utf-8", newline="")
    assert load_source(tmp_path / "plain.eml") == (plain, "text")  # its own character stream
    assert load_source(coded)[0] != coded.read_bytes().decode()


def test_a_base64_mail_is_read_decoded(tmp_path) -> None:
    coded = base64.encodebytes(_PROFILE.encode()).decode().replace("\n", "\r\n")
    path = tmp_path / "profile.txt"  # a saved mail whatever its name, known by its headers
    path.write_text(_mail(coded, "base64"), newline="")
    record, _ = _read(path)
    assert (record.cluster, record.national_rank, record.pct_applications) == (
        "Nordhaven",
        3,
        1204,
    )


def test_the_html_part_of_a_multipart_mail_is_read_as_a_page(tmp_path) -> None:
    page = (
        "<html><head><title>Edition 2019, 99th largest</title></head><body>"
        "<h1>Nordhaven, Norway</h1><p>Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian "
        "clusters. It filed 1,204 PCT applications.</p>"
        "<h2>Top PCT applicants</h2><table><tr><th>Rank</th><th>Applicant</th><th>Patents</th>"
        "<th>Share</th></tr><tr><td>1</td><td>FJORD AS</td><td>118</td><td>10%</td></tr>"
        "</table></body></html>"
    )
    mail = (
        "From: Kari Nordmann <kari@example.org>\r\nSubject: Nordhaven\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/alternative; boundary="b1"\r\n\r\n'
        "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nNordhaven is the 7th-ranked "
        "cluster.\r\n"
        "--b1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: "
        "quoted-printable\r\n\r\n" + _quoted_printable(page) + "\r\n--b1--\r\n"
    )
    path = tmp_path / "newsletter.eml"
    path.write_text(mail, newline="")
    assert load_source(path)[1] == "html"
    record, _ = _read(path)
    assert (record.cluster, record.national_rank) == ("Nordhaven", 3)
    assert [(e.rank, e.name, e.count, e.share) for e in record.top_pct_applicants] == [
        (1, "FJORD AS", 118, 10)
    ]


def test_a_fact_box_holding_the_profiles_head_is_read() -> None:
    raw = (
        "<html><body><article><h1>Nordhaven&#8211;Vik keeps its place among the leaders</h1>"
        "<p>The corridor kept its place in this year's ranking, a reporter writes.</p>"
        '<aside class="factbox"><p>Global Innovation Index 2024</p>'
        "<h3>Nordhaven&#8211;Vik, Norway</h3>"
        "<p>Nordhaven&#8211;Vik is the third-ranked cluster, out of 9 Norwegian clusters, that "
        "falls within the top 100 S&amp;T clusters in 2024. It filed 1,204 PCT applications "
        "and published 12,345 scientific articles, making it the:</p>"
        "<ul><li>31st largest science and technology cluster in 2024</li>"
        "<li>17th S&amp;T cluster by intensity in 2024</li></ul></aside>"
        "<aside><h3>From the archive</h3><p>Nordhaven&#8211;Vik was the 40th largest science "
        "and technology cluster in 2019.</p></aside>"
        "<p>More reporting follows.</p></article></body></html>"
    )
    r = extract(raw, "article.html", "html")
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven–Vik", "Norway", 2024)
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert (r.global_size_rank, r.global_intensity_rank) == (31, 17)
    assert (r.pct_applications, r.scientific_articles) == (1204, 12345)


def test_a_mail_whose_first_header_is_folded_is_still_decoded(tmp_path) -> None:
    # Python's email package folds a long Content-Type onto a second line that starts with a
    # space; the mail is still known by its headers and its base64 HTML part read as a page.
    page = (
        "<html><body><h1>Nordhaven, Norway</h1><p>Nordhaven is the 3rd-ranked cluster, out of "
        "9 Norwegian clusters. It filed 1,204 PCT applications.</p></body></html>"
    )
    coded = base64.encodebytes(page.encode()).decode()
    mail = (
        'Content-Type: multipart/alternative;\n boundary="b1"\nMIME-Version: 1.0\n'
        "List-Unsubscribe: \n <https://example.org/u>\nSubject: Nordhaven\n\n"
        "--b1\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + base64.encodebytes(b"Read this issue online.").decode()
        + "\n--b1\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + coded
        + "\n--b1--\n"
    )
    path = tmp_path / "newsletter.eml"
    path.write_text(mail)
    assert load_source(path)[1] == "html"
    record, _ = _read(path)
    assert (record.cluster, record.economy, record.national_rank, record.pct_applications) == (
        "Nordhaven",
        "Norway",
        3,
        1204,
    )
