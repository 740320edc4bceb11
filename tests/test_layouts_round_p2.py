"""Layouts of tester round P: a forwarded e-mail, notes that drop the verb before a partner
list, top lists in briefing prose, a national rank written after its count. Each test is a
small inline input for one mechanism, checking the values and their exact evidence."""

from __future__ import annotations

from layout_fixtures import BODY, OPENING, ev, extract

from nlq.extractors.align import SourceView
from nlq.extractors.grounding import ClusterFacts, ground
from nlq.layout import parse
from nlq.layout.forwarded import forward_edits

# --- a forwarded mail: the forwarder's note, headers and signature are not the page ----------

PAGE = (
    "Nordhaven, Norway\n\n"
    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100 in 2025. "
    "It filed 1,204 PCT applications and published 12,345 scientific articles.\n\n"
    "Top PCT applicants\n\n"
    "\t\tPatents\tShare\n"
    "1\tNORD AS\t146\t12%\n"
    "2\tFJORD ASA\t90\t7%\n\n"
)
FORWARD = (
    "From: Kari Lund <kari@example.org>\n"
    "To: Desk <desk@example.org>\n"
    "Subject: Fwd: the 2025 profile\n\n"
    "Hi, last year we had 1,094 PCT applications.\n\n"
    "--\n"
    "Kari Lund | Advisor Innovation\n\n"
    "---------- Forwarded message ---------\n"
    "From: Ola Berg <ola@example.org>\n"
    "Date: Thu, 18 Dec 2025 at 16:02\n"
    "Subject: GII 2025 profile\n"
    "To: Kari Lund <kari@example.org>\n\n\n" + PAGE
)


def test_a_forwarded_page_is_read_without_the_note_above_it() -> None:
    r = extract(FORWARD)
    assert (r.cluster, r.economy) == ("Nordhaven", "Norway")  # not the signature line
    assert ev(r, "cluster") == "Nordhaven" and r.evidence["cluster"].line == 17
    assert r.pct_applications == 1204 and ev(r, "pct_applications") == "1,204"
    assert [e.name for e in r.top_pct_applicants] == ["NORD AS", "FJORD ASA"]


def test_the_forwarded_header_block_goes_with_the_text_above() -> None:
    edits = forward_edits(FORWARD)
    assert len(edits) == 1 and edits[0].start == 0
    assert FORWARD[edits[0].end :].lstrip().startswith("Nordhaven, Norway")


def test_a_forward_from_a_german_mail_program_is_read_the_same_way() -> None:
    mail = (
        "Hallo, 2023 waren es 1,094 PCT applications.\n\nKari Lund | Referentin Innovation\n\n"
        "---------- Weitergeleitete Nachricht ----------\n"
        "Von: Ola Berg <ola@example.org>\nDatum: 18.12.2025\nBetreff: GII 2025\n\n" + PAGE
    )
    r = extract(mail)
    assert (r.cluster, r.pct_applications) == ("Nordhaven", 1204)


def test_a_long_text_above_a_separator_is_kept() -> None:
    # The page is above; the forwarded part below it is an older, shorter mail.
    mail = PAGE + "-----Original Message-----\nFrom: Ola\nSubject: hi\n\nSee you.\n"
    assert forward_edits(mail) == []
    assert forward_edits(PAGE) == []


# --- a partner list after its label, with no verb ---------------------------------------------


def test_a_partner_list_right_after_its_label_is_read() -> None:
    r = extract(
        OPENING + "- Patents: 3% of Nordhaven's PCT patent applications are filed in "
        "collaboration with other inventors; top collaborative locations **Oslo**, **Bergen "
        "Vest** and **Lima**.\n"
        "- Publications: 61% of Nordhaven's scientific articles are published in collaboration "
        "with other organizations; top three collaborating locations **Lima** and **Oslo**.\n",
        name="x.md",
        fmt="markdown",
    )
    assert r.patent_collaboration.partners == ["Oslo", "Bergen Vest", "Lima"]
    assert ev(r, "patent_collaboration.partners[1]") == "Bergen Vest"
    assert r.publication_collaboration.share == 61
    assert r.publication_collaboration.partners == ["Lima", "Oslo"]


def test_a_verbless_label_before_lower_case_words_names_no_partners() -> None:
    r = extract(
        OPENING + "3% of Nordhaven's PCT patent applications are filed in collaboration; "
        "top collaborative locations not shown.\n"
    )
    assert r.patent_collaboration.share == 3 and r.patent_collaboration.partners == []


# --- top lists in briefing prose: "Its top PCT applicant, X, ...", "It is followed by Y" -------

BRIEFING = (
    OPENING + "3. Applicants. Its top PCT applicant, NORD MEKANIKK S.P.A., filed 231 "
    "applications, 14% of the cluster's total. Second is POLITECNICO DI SANT'ELMO with 198 "
    "applications (12%), and third FARMACEUTICI RIUNITI, S.R.L. with 115 applications (7%).\n\n"
    "4. Publishers. The top publishing organization, UNIVERSITÀ DI NORDHAVEN, published 11,842 "
    "articles, 38% of the total. It is followed by POLITECNICO DI SANT'ELMO with 6,233 articles "
    "(20%) and, in third place, ISTITUTO CÈRVOLA with 2,805 articles (9%).\n"
)


def test_a_top_list_opened_by_its_top_entry_is_read() -> None:
    r = extract(BRIEFING)
    a = [(e.rank, e.name, e.count, e.share) for e in r.top_pct_applicants]
    assert a == [
        (1, "NORD MEKANIKK S.P.A.", 231, 14),
        (2, "POLITECNICO DI SANT'ELMO", 198, 12),
        (3, "FARMACEUTICI RIUNITI, S.R.L.", 115, 7),
    ]
    assert ev(r, "top_pct_applicants[0].rank") == "top"
    assert ev(r, "top_pct_applicants[2].name") == "FARMACEUTICI RIUNITI, S.R.L."


def test_followed_by_ranks_the_entry_after_the_one_before() -> None:
    r = extract(BRIEFING)
    p = [(e.rank, e.name, e.count, e.share) for e in r.top_publishers]
    assert p == [
        (1, "UNIVERSITÀ DI NORDHAVEN", 11842, 38),
        (2, "POLITECNICO DI SANT'ELMO", 6233, 20),
        (3, "ISTITUTO CÈRVOLA", 2805, 9),
    ]
    assert ev(r, "top_publishers[1].rank") == "followed by"
    assert ev(r, "top_publishers[0].count") == "11,842"


def test_followed_by_without_a_first_entry_reads_no_list() -> None:
    r = extract(
        OPENING + "Patenting is led by universities, followed by NORD AS with 198 applications "
        "(12%) and, in third place, FJORD ASA with 115 applications (7%).\n"
    )
    assert r.top_pct_applicants == []


def test_top_applicants_in_the_plural_is_no_rank() -> None:
    r = extract(
        OPENING + "The top applicants, NORD AS and FJORD ASA, filed 231 applications (14%). "
        "Second is BERG AS with 198 applications (12%).\n"
    )
    assert r.top_pct_applicants == []


# --- the national rank after its count ---------------------------------------------------------


def test_a_national_rank_written_after_the_count_is_read() -> None:
    r = extract(
        "Nordhaven, Norway\n\nAmong the 9 Norwegian clusters in the top 100 S&T clusters in "
        "2025, Nordhaven is the 3rd-ranked. It filed 1,204 PCT applications.\n"
    )
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert ev(r, "national_rank") == "3rd" and ev(r, "national_cluster_count") == "9"
    r = extract("Nordhaven, Norway\n\nOut of nine Norwegian clusters, Nordhaven ranks third.\n")
    assert (r.national_rank, r.national_cluster_count) == (3, 9)


def test_a_size_rank_after_a_national_count_is_not_the_national_rank() -> None:
    r = extract(
        "Nordhaven, Norway\n\nAmong the 9 Norwegian clusters, Nordhaven is the 32nd largest "
        "science and technology cluster. " + BODY.split(". ", 1)[1]
    )
    assert r.national_rank is None and r.global_size_rank == 32


# --- the same prose through the LLM path: "top" and "followed by" are ranks a quote writes ----


def _llm_publishers(rows: list[dict]) -> tuple[list, list[str], dict]:
    doc = parse("x.txt", BRIEFING, "text")
    g = ground(ClusterFacts.model_validate({"top_publishers": rows}), SourceView.of(doc))
    spans = {k: BRIEFING[a:b] for k, (a, b) in g.spans.items()}
    return g.values["top_publishers"], [p.reask for p in g.problems], spans


def test_top_and_followed_by_ground_an_llm_answer_as_ranks() -> None:
    first = "The top publishing organization, UNIVERSITÀ DI NORDHAVEN, published 11,842 articles"
    second = "It is followed by POLITECNICO DI SANT'ELMO with 6,233 articles (20%)"
    rows = [
        {"rank": 1, "name": "UNIVERSITÀ DI NORDHAVEN", "count": 11842, "quote": first},
        {"rank": 2, "name": "POLITECNICO DI SANT'ELMO", "count": 6233, "quote": second},
    ]
    values, problems, spans = _llm_publishers(rows)
    assert problems == [] and [v["rank"] for v in values] == [1, 2]
    assert spans["top_publishers[0].rank"] == "top"
    assert spans["top_publishers[1].rank"] == "followed by"


def test_followed_by_is_no_rank_after_a_row_without_one() -> None:
    second = "It is followed by POLITECNICO DI SANT'ELMO with 6,233 articles (20%)"
    rows = [{"rank": 2, "name": "POLITECNICO DI SANT'ELMO", "count": 6233, "quote": second}]
    values, problems, _ = _llm_publishers(rows)
    assert values[0]["rank"] is None and problems and "2 is not written" in problems[0]


def test_a_verbless_partner_list_is_place_names_only() -> None:
    r = extract(
        OPENING + "3% of Nordhaven's PCT patent applications are filed in collaboration; "
        "top partner regions Europe and Asia account for most.\n\n"
        "61% of Nordhaven's scientific articles are published in collaboration; top "
        "collaborating locations Frankfurt am Main and Rio de Janeiro.\n"
    )
    assert r.patent_collaboration.partners == []
    assert r.publication_collaboration.partners == ["Frankfurt am Main", "Rio de Janeiro"]
    assert ev(r, "publication_collaboration.partners[0]") == "Frankfurt am Main"
