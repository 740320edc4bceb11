"""The layout readers: blocks, cells and exact offsets back into the source."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from nlq.layout import parse, shapes
from nlq.layout.collapse import collapse
from nlq.layout.document import BlockKind, MappedText, Run, join


def cells(doc):
    return [
        [[c.text for c in row] for row in b.rows] for b in doc.blocks if b.kind is BlockKind.TABLE
    ]


def test_tab_table_keeps_empty_header_cells() -> None:
    raw = "Top PCT applicants\n\n\t\tPatents\tShare\n1\tACME, INC.\t1,234\t12%\n"
    doc = parse("x.txt", raw, "text")
    assert cells(doc) == [[["", "", "Patents", "Share"], ["1", "ACME, INC.", "1,234", "12%"]]]


def test_pipe_table_drops_separator_and_outer_pipes() -> None:
    raw = "| | | Patents | Share |\n|---|--|---|---|\n| 1 | A **B** | 2,069 | 54% |\n"
    doc = parse("x.md", raw, "markdown")
    assert cells(doc) == [[["", "", "Patents", "Share"], ["1", "A B", "2,069", "54%"]]]


def test_aligned_columns_join_a_wrapped_name() -> None:
    raw = (
        "  1   UNIVERSITY OF SCIENCE AND TECH. OF     114    3%\n"
        "      CHINA\n"
        "  2   SUNGROW POWER SUPPLY CO., LTD           92    2%\n"
    )
    doc = parse("x.txt", raw, "text")
    table = cells(doc)[0]
    assert table[0] == ["1", "UNIVERSITY OF SCIENCE AND TECH. OF CHINA", "114", "3%"]
    assert table[1] == ["2", "SUNGROW POWER SUPPLY CO., LTD", "92", "2%"]
    name = doc.blocks[0].rows[0][1]
    start, end = name.raw_span(0, len(name.text))
    # The span runs from the first line of the name to the end of its continuation.
    assert raw[start:end] == "UNIVERSITY OF SCIENCE AND TECH. OF     114    3%\n      CHINA"


def test_a_two_column_list_with_an_odd_count_keeps_its_short_last_row() -> None:
    raw = (
        "   Computer tech. (20%)                    Transport (5%)\n"
        "   Organic fine chemistry (13%)            Other (51%)\n"
        "   Semiconductors (11%)\n"
    )
    table = cells(parse("x.txt", raw, "text"))[0]
    assert table == [
        ["Computer tech. (20%)", "Transport (5%)"],
        ["Organic fine chemistry (13%)", "Other (51%)"],
        ["Semiconductors (11%)"],
    ]


def test_fields_in_two_columns_with_an_odd_count_are_all_read() -> None:
    from nlq.extractors.rules import RulesExtractor

    raw = (
        "Vellmora, Testland\n\nTop technology fields in Vellmora\n\nPatents\n\n"
        "   Computer tech. (20%)                    Transport (5%)\n"
        "   Organic fine chemistry (13%)            Other (51%)\n"
        "   Semiconductors (11%)\n"
    )
    fields = RulesExtractor().extract(parse("x.txt", raw, "text")).record.patent_fields
    assert {(f.field, f.share) for f in fields} == {
        ("Computer tech.", 20), ("Organic fine chemistry", 13), ("Semiconductors", 11),
        ("Transport", 5), ("Other", 51),
    }  # fmt: skip


def test_prose_with_single_spaces_is_a_paragraph() -> None:
    doc = parse(
        "x.txt", "Hefei is the twelfth-ranked cluster,\nout of 26 Chinese clusters.\n", "text"
    )
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH]
    assert (
        doc.blocks[0].text.text
        == "Hefei is the twelfth-ranked cluster, out of 26 Chinese clusters."
    )


def test_list_items_keep_their_ordinal_and_its_span() -> None:
    raw = "1. CHANGXIN — 2,069 patents (54%)\n2) B\n- Optics: 4%\n"
    doc = parse("x.md", raw, "markdown")
    items = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [(b.ordinal, b.text.text) for b in items] == [
        (1, "CHANGXIN — 2,069 patents (54%)"),
        (2, "B"),
        (None, "Optics: 4%"),
    ]
    ot = items[1].ordinal_text
    assert raw[slice(*ot.raw_span(0, 1))] == "2"


def test_markdown_headings_and_emphasis() -> None:
    raw = "## Top *publishing* organizations ##\nIt filed **692 PCT applications**.\n"
    doc = parse("x.md", raw, "markdown")
    assert doc.blocks[0].kind is BlockKind.HEADING
    assert doc.blocks[0].text.text == "Top publishing organizations"
    para = doc.blocks[1].text
    i = para.text.index("692")
    assert raw[slice(*para.raw_span(i, i + 3))] == "692"


def test_html_ignores_scripts_navigation_and_decodes_entities() -> None:
    raw = (
        "<html><head><title>T</title><script>document.write('<p>Fake, Land</p>')</script></head>"
        "<body><nav><a>Home</a></nav><h1>Hefei, China</h1>"
        "<p>UNIVERSITY OF SCIENCE &amp; TECH. filed <b>10&nbsp;938</b> articles</p>"
        "<table><tr><th></th><th>Share</th></tr><tr><td>Optics</td><td>4%</td></tr></table>"
        "<footer>Fake, Footer</footer></body></html>"
    )
    doc = parse("x.html", raw, "html")
    texts = [b.text.text for b in doc.blocks if b.kind is not BlockKind.TABLE]
    assert texts == ["Hefei, China", "UNIVERSITY OF SCIENCE & TECH. filed 10\u00a0938 articles"]
    para = doc.blocks[1].text
    i = para.text.index("&")
    assert raw[slice(*para.raw_span(i, i + 1))] == "&amp;"
    j = para.text.index("10")
    assert raw[slice(*para.raw_span(j, j + 6))] == "10&nbsp;938"
    assert cells(doc) == [[["", "Share"], ["Optics", "4%"]]]


def test_crlf_line_endings_are_not_part_of_cells() -> None:
    raw = "\t\tPatents\tShare\r\n1\tACME\t12\t5%\r\n"
    assert cells(parse("x.txt", raw, "text")) == [
        [["", "", "Patents", "Share"], ["1", "ACME", "12", "5%"]]
    ]


@given(st.text(min_size=1, max_size=60), st.data())
def test_mapped_text_spans_are_exact(raw: str, data: st.DataObject) -> None:
    mt = MappedText.verbatim(raw, 0, len(raw))
    pieces = mt.split(re.compile(r"\s+"))
    joined = join([p for p in pieces if p.text], " ")
    if not joined.text:
        return
    i = data.draw(st.integers(0, len(joined.text) - 1))
    j = data.draw(st.integers(i + 1, len(joined.text)))
    start, end = joined.raw_span(i, j)
    # Characters of the clean text appear in order inside the raw span it maps to.
    chunk = raw[start:end]
    assert "".join(joined.text[i:j].split()) == "".join(chunk.split())


def _reference_join(pieces: list[MappedText], sep: str) -> MappedText:
    """`join` as it was before runs were merged: every piece's runs kept as they are."""
    pieces = [p for p in pieces if p.text]
    if len(pieces) == 1:
        return pieces[0]
    runs, parts, pos, prev_end = [], [], 0, None
    for piece in pieces:
        if sep and parts:
            first = piece._runs[0].raw_start
            gap = prev_end if prev_end is not None and prev_end <= first else first
            runs.append(Run(pos, len(sep), gap, max(first, gap), False))
            parts.append(sep)
            pos += len(sep)
        runs += [Run(s + pos, n, a, b, v) for s, n, a, b, v in piece._runs]
        parts.append(piece.text)
        pos += len(piece.text)
        prev_end = piece._runs[-1].raw_end
    return MappedText("".join(parts), runs)


@given(st.text(alphabet="ab &;\n", min_size=1, max_size=40), st.sampled_from(["", " ", "; "]))
def test_joined_runs_map_as_the_unmerged_runs_do(raw: str, sep: str) -> None:
    # Pieces as readers make them: words cut out of the raw text, "&;" as a replaced entity.
    pieces = []
    for m in re.finditer(r"&;|[^ \n&]+|[ \n]", raw):
        if m.group() == "&;":
            pieces.append(MappedText("&", [Run(0, 1, m.start(), m.end(), False)]))
        elif m.group().strip():
            pieces.append(MappedText.verbatim(raw, m.start(), m.end()))
    merged, plain = join(pieces, sep), _reference_join(pieces, sep)
    assert merged.text == plain.text
    n = len(merged.text)
    for i in range(n):
        for j in range(i + 1, n + 1):
            assert merged.raw_span(i, j) == plain.raw_span(i, j)
            assert merged.slice(i, j).raw_span(0, j - i) == plain.slice(i, j).raw_span(0, j - i)
    again, again_plain = join([merged, merged], sep), _reference_join([plain, plain], sep)
    assert [again.raw_span(i, i + 1) for i in range(len(again.text))] == [
        again_plain.raw_span(i, i + 1) for i in range(len(again_plain.text))
    ]


_LAST_WORD = re.compile(r"([^\W\d_][\w'’]*)\W*$")


@given(st.text(alphabet="oftheiwn _'’1²٣.,-ÄİıſK\u0301\u00a0", max_size=12))
def test_ends_open_finds_the_last_word_as_the_pattern_did(text: str) -> None:
    for line in (text, text + " of", text + "1of", text + "_the", text + " WITHIN"):
        t = line.rstrip()
        m = _LAST_WORD.search(t)
        expected = bool(t) and (
            t[-1] in ",-–&/("
            or bool(m and m.end(1) == len(t) and m.group(1).lower() in shapes._CONTINUING)
        )
        assert shapes.ends_open(line) == expected


@given(st.text(alphabet="ab \n&;<>", min_size=1, max_size=40))
def test_html_collapse_maps_words_as_slicing_and_joining_them(raw: str) -> None:
    # Pieces as the HTML reader makes them: text between tags, "&;" a replaced entity.
    pieces = []
    for m in re.finditer(r"&;|[^&<>]+", raw):
        if m.group() == "&;":
            pieces.append(MappedText("&", [Run(0, 1, m.start(), m.end(), False)]))
        else:
            pieces.append(MappedText.verbatim(raw, m.start(), m.end()))
    got = collapse(pieces)
    whole = join(pieces)
    words = [whole.slice(m.start(), m.end()) for m in re.finditer(r"[^ \t\r\n\f]+", whole.text)]
    expected = join(words, " ")
    assert got.text == expected.text
    n = len(got.text)
    for i in range(n):
        for j in range(i + 1, n + 1):
            assert got.raw_span(i, j) == expected.raw_span(i, j)
