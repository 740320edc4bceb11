"""Set AJ layouts (round aj2): a Jupyter notebook file (.ipynb JSON) and a news article whose
top lists sit in an `<aside>` fact box."""

from __future__ import annotations

import json

from layout_fixtures import blocks, extract, pairs, ranked, span


def _cell(kind: str, lines: list[str], outputs: list[dict] | None = None, n: int = 1) -> dict:
    cell: dict = {"cell_type": kind, "id": f"c{n:02d}", "metadata": {}, "source": lines}
    if kind == "code":
        cell["execution_count"] = n
        cell["outputs"] = outputs or []
    return cell


def _stream(lines: list[str]) -> dict:
    return {"name": "stdout", "output_type": "stream", "text": lines}


NOTEBOOK = json.dumps(
    {
        "cells": [
            _cell(
                "markdown",
                [
                    "# Nordhaven, Norway\n",
                    "\n",
                    "Source: *Global Innovation Index 2024* (copied 2025-01-28).\n",
                    "\n",
                    "Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the "
                    "top 100. It filed **1,204 PCT applications** and published **12,345** "
                    "scientific articles.\n",
                    "\n",
                    'The "copied" date \U0001f4c5 is when we copied the page.\n',
                ],
            ),
            _cell("code", ["import pandas as pd\n", "pd.set_option('display.width', 120)\n"]),
            _cell("markdown", ["## Top PCT applicants\n"], n=3),
            _cell(
                "code",
                ["print(applicants.to_string())\n"],
                [
                    _stream(
                        [
                            "   rank                 name  patents share\n",
                            "0     1  TROMS\u00d8 UNIVERSITY      212   18%\n",
                            "1     2      FJORD TECH AS       88    7%\n",
                        ]
                    )
                ],
                n=7,
            ),
            _cell(
                "code",
                ["applicants = pd.read_clipboard()\n"],
                [{"name": "stderr", "output_type": "stream", "text": ["FutureWarning: 2025\n"]}],
                n=5,
            ),
            _cell("markdown", ["## Top technology fields\n", "\n", "### Patents\n"], n=8),
            _cell(
                "code",
                ["print(fields.to_string(index=False))\n"],
                [
                    _stream(
                        [
                            "         field  share\n",
                            "Semiconductors     35\n",
                            "        Optics      4\n",
                            "         Other     61\n",
                        ]
                    ),
                ],
                n=11,
            ),
            _cell(
                "code",
                ["fields.share.sum()\n"],
                [
                    {
                        "data": {"text/plain": ["100"]},
                        "execution_count": 12,
                        "metadata": {},
                        "output_type": "execute_result",
                    }
                ],
                n=12,
            ),
        ],
        "metadata": {"language_info": {"name": "python", "version": "3.11.6"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    },
    indent=1,
)


def test_a_notebooks_markdown_and_printed_frames_are_read_and_its_json_is_not() -> None:
    r = extract(NOTEBOOK, "nordhaven.ipynb")
    assert (r.cluster, r.economy, r.edition) == ("Nordhaven", "Norway", 2024)
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert (r.pct_applications, r.scientific_articles) == (1204, 12345)
    assert span(r, NOTEBOOK, "scientific_articles") == "12,345"
    assert span(r, NOTEBOOK, "cluster") == "Nordhaven"
    # the frame's 0-based index is not the rank; the name keeps its escape in the file
    assert ranked(r.top_pct_applicants) == [
        (1, "TROMSØ UNIVERSITY", 212, 18),
        (2, "FJORD TECH AS", 88, 7),
    ]
    assert span(r, NOTEBOOK, "top_pct_applicants[0].name") == "TROMS\\u00d8 UNIVERSITY"
    assert span(r, NOTEBOOK, "top_pct_applicants[1].rank") == "2"
    # a frame printed without its index, bare shares; the "100" result is no row
    assert pairs(r.patent_fields) == [("Semiconductors", 35), ("Optics", 4), ("Other", 61)]
    assert span(r, NOTEBOOK, "patent_fields[2].share") == "61"


def test_a_notebooks_code_execution_counts_and_metadata_are_not_text() -> None:
    b = blocks(NOTEBOOK)
    text = " ".join(t if isinstance(t, str) else str(t) for _, t in b)
    assert ("paragraph", 'The "copied" date \U0001f4c5 is when we copied the page.') in b
    for decoy in (
        "FutureWarning",
        "display.width",
        "nbformat",
        "3.11.6",
        "execution_count",
        "c07",
        "import",
    ):
        assert decoy not in text
    assert ("heading", "Top PCT applicants") in b


def test_a_notebook_saved_as_json_is_read_as_a_notebook() -> None:
    r = extract(NOTEBOOK, "nordhaven.json", "yaml")
    assert r.cluster == "Nordhaven"
    assert [e.name for e in r.top_pct_applicants] == ["TROMSØ UNIVERSITY", "FJORD TECH AS"]


def test_json_that_is_not_a_notebook_is_left_to_the_json_reader() -> None:
    raw = '{"cluster": "Nordhaven, Norway", "cells": 3, "pct_applications": "1,204"}'
    assert ("paragraph", "cells: 3") in blocks(raw, "yaml")


# --- an article's fact box ----------------------------------------------------------------

ARTICLE = (
    "<html><body><main><article>\n"
    "<h1>Nordhaven, Norway</h1>\n"
    "<p>Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian clusters, in the top 100 of "
    "2024.</p>\n"
    '<aside class="related"><h3>Related</h3><ul><li>Bergen climbs to 2nd, 1,900 PCT '
    "applicants</li></ul></aside>\n"
    '<aside class="factbox">\n<h2>Top PCT applicants</h2>\n<ol>\n'
    "<li>TROMS&Oslash; UNIVERSITY &ndash; 212 patents (18%)</li>\n"
    "<li>FJORD TECH AS &ndash; 88 patents (7%)</li>\n"
    "</ol>\n</aside>\n"
    '<aside class="share"><a href="#">Share</a> 4 min read</aside>\n'
    "</article></main></body></html>\n"
)


def test_an_articles_fact_box_is_read_and_its_other_asides_are_not() -> None:
    b = blocks(ARTICLE, "html")
    assert ("heading", "Top PCT applicants") in b
    texts = [t for _, t in b if isinstance(t, str)]
    assert not any("Related" in t or "Bergen" in t or "Share" in t for t in texts)
    r = extract(ARTICLE, "nordhaven.html", "html")
    assert ranked(r.top_pct_applicants) == [
        (1, "TROMSØ UNIVERSITY", 212, 18),
        (2, "FJORD TECH AS", 88, 7),
    ]
    assert span(r, ARTICLE, "top_pct_applicants[1].count") == "88"
    assert span(r, ARTICLE, "top_pct_applicants[0].share") == "18"


def test_an_aside_with_a_list_but_no_heading_naming_one_stays_out() -> None:
    page = (
        "<h1>Nordhaven, Norway</h1><aside><h2>Most read</h2><ol><li>Nordhaven ranked 3rd for "
        "exports</li></ol></aside><aside><p>Top applicants: see the profile</p></aside>"
    )
    assert blocks(page, "html") == [("heading", "Nordhaven, Norway")]


def test_a_fact_box_named_by_its_tables_caption_is_read() -> None:
    page = (
        "<h1>Nordhaven, Norway</h1><p>Nordhaven is the 3rd-ranked cluster, out of 9 Norwegian "
        "clusters, in the top 100 of 2024.</p><aside><table><caption>Top publishing "
        "organizations</caption><tr><th>#</th><th>Organization</th><th>Articles</th>"
        "<th>Share</th></tr><tr><td>1</td><td>NORD UNIVERSITY</td><td>9,957</td><td>16%</td>"
        "</tr><tr><td>2</td><td>HAVEN INSTITUTE</td><td>7,290</td><td>12%</td></tr></table>"
        "</aside>"
    )
    r = extract(page, "nordhaven.html", "html")
    assert ranked(r.top_publishers) == [
        (1, "NORD UNIVERSITY", 9957, 16),
        (2, "HAVEN INSTITUTE", 7290, 12),
    ]
    assert span(r, page, "top_publishers[0].count") == "9,957"
