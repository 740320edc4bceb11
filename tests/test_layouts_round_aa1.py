"""Layout mechanisms added for the testers' round AA layout saved from a web API (a JSON response
with nested objects and camelCase keys): each test is a small inline input for one mechanism,
checking the values and their exact evidence, on the rules path and through the LLM grounding."""

from __future__ import annotations

from layout_fixtures import blocks, extract, span

from nlq.extractors.grounding import ClusterFacts, SourceView, ground
from nlq.layout import parse

API = (
    '{"meta": {"requestId": "a91f-2207", "apiVersion": 3},\n'
    ' "profile": {"edition": 2024,\n'
    '  "cluster": {"name": "Nordhaven-Fjell", "economy": {"name": "Norway", "iso3": "NOR"}},\n'
    '  "rankings": {"national": {"rank": 3}, "global": {"size": 36, "intensity": 40}},\n'
    '  "output": {"pct-applications": 1204, "scientific-articles": 12345}},\n'
    ' "previousEdition": {"edition": 2023, "global": {"size": 41}}}\n'
)


def test_a_nested_name_is_named_by_the_object_holding_it() -> None:
    r = extract(API, "x.json", "yaml")
    assert (r.cluster, r.economy) == ("Nordhaven-Fjell", "Norway")
    assert span(r, API, "cluster") == "Nordhaven-Fjell"  # inside the quotes
    assert span(r, API, "economy") == "Norway"


def test_generic_keys_of_nested_objects_read_with_their_parent_key() -> None:
    r = extract(API, "x.json", "yaml")
    assert (r.national_rank, r.global_size_rank, r.global_intensity_rank) == (3, 36, 40)
    assert r.evidence["global_size_rank"].start == API.index("36")
    assert r.evidence["national_rank"].start == API.index('"rank": 3') + len('"rank": ')
    assert r.edition == 2024  # the earlier edition's object comes later and is not read


def test_kebab_case_keys_are_read_as_words() -> None:
    r = extract(API, "x.json", "yaml")
    assert (r.pct_applications, r.scientific_articles) == (1204, 12345)
    assert r.evidence["pct_applications"].start == API.index("1204")
    assert ("paragraph", "pct applications: 1204") in blocks(API, "yaml")


def test_keys_that_name_their_figure_are_not_qualified() -> None:
    raw = '{"collaboration": {"patents": {"share_pct": 22, "top-locations": ["Oslo", "Bergen"]}}}'
    assert blocks(raw, "yaml")[2:] == [
        ("paragraph", "share pct: 22"),
        ("paragraph", "top locations: Oslo, Bergen"),
    ]


def test_a_hyphen_in_a_name_key_is_kept() -> None:
    raw = '{"collaboration": {"partners": {"Shenzhen-Hong Kong": "12%", "Oslo-Bergen": "8%"}}}'
    rows = [r for kind, r in blocks(raw, "yaml") if kind == "table"]
    assert rows == [[["Shenzhen-Hong Kong", "12%"], ["Oslo-Bergen", "8%"]]]


def test_a_json_label_owns_its_value_against_the_next_key_in_the_llm_grounding() -> None:
    raw = '{"output": {"pctApplicationsPerMillion": 212, "scientificArticlesPerMillion": 9406}}\n'
    quote = raw.strip()
    facts = {
        "pct_applications": {"value": 212, "quote": quote},
        "scientific_articles": {"value": 9406, "quote": quote},
    }
    doc = parse("x.json", raw, "yaml")
    g = ground(ClusterFacts.model_validate(facts), SourceView.of(doc))
    assert [p.reask for p in g.problems] == []
    assert g.values["pct_applications"] == 212
    a, b = g.spans["pct_applications"]
    assert raw[a:b] == "212"
    a, b = g.spans["scientific_articles"]
    assert raw[a:b] == "9406"


def test_a_figure_written_after_its_words_still_goes_to_the_nearer_words() -> None:
    raw = "It filed 692 PCT applications and 7,921 scientific articles.\n"
    facts = {"scientific_articles": {"value": 692, "quote": raw.strip()}}
    g = ground(ClusterFacts.model_validate(facts), SourceView.of(parse("x.txt", raw, "text")))
    assert "scientific_articles" not in g.values
