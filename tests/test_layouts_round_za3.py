"""Layouts of round Z/AA (third share): BI dashboard exports, API JSON, spreadsheet pastes."""

from __future__ import annotations

from layout_fixtures import ev, extract


def test_a_long_format_breakdown_after_a_ranked_list_is_no_part_of_that_list() -> None:
    raw = (
        'Title,"Nordhaven, Norway"\n,\n'
        "section,rank,name,count,share\n"
        "Top publishing organizations,1,NORDHAVEN UNIVERSITY,900,40%\n"
        "Top publishing organizations,2,NORDHAVEN HOSPITAL,300,13%\n,\n"
        "breakdown,field,share\n"
        "Patents,Pharmaceuticals,24%\nPatents,Biotechnology,17%\nPatents,Other,59%\n"
        "Publications,Clinical medicine,28%\nPublications,Chemistry,10%\n"
        "Publications,Other,62%\n"
    )
    record = extract(raw, "x.csv", "csv")
    assert [(p.rank, p.name, p.count, p.share) for p in record.top_publishers] == [
        (1, "NORDHAVEN UNIVERSITY", 900, 40),
        (2, "NORDHAVEN HOSPITAL", 300, 13),
    ]
    assert [(f.field, f.share) for f in record.patent_fields] == [
        ("Pharmaceuticals", 24),
        ("Biotechnology", 17),
        ("Other", 59),
    ]
    assert [(f.field, f.share) for f in record.publication_fields] == [
        ("Clinical medicine", 28),
        ("Chemistry", 10),
        ("Other", 62),
    ]
    assert ev(record, "patent_fields[0].field") == "Pharmaceuticals"
    assert ev(record, "publication_fields[0].share") == "28"
