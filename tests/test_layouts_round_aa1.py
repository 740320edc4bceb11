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
    view = SourceView.of(parse("x.txt", raw, "text"))
    g = ground(ClusterFacts.model_validate(facts), view)
    assert "scientific_articles" not in g.values
    right = {"pct_applications": {"value": 692, "quote": raw.strip()}}
    assert "pct_applications" in ground(ClusterFacts.model_validate(right), view).values


def test_a_national_rank_object_gives_its_cluster_count() -> None:
    raw = (
        '{"cluster": {"name": "Nordhaven"}, "economy": "Norway", "edition": 2024,\n'
        ' "rankings": {"national": {"rank": 3, "outOf": 9}, "global": {"size": 36}}}\n'
    )
    r = extract(raw, "x.json", "yaml")
    assert (r.national_rank, r.national_cluster_count) == (3, 9)
    assert r.evidence["national_cluster_count"].start == raw.index("9}")


def test_a_list_of_objects_wrapping_one_name_each_is_a_list_of_names() -> None:
    raw = (
        '{"cluster": {"name": "Nordhaven"}, "economy": "Norway", "edition": 2024,\n'
        ' "rankings": {"national": {"rank": 3}},\n'
        ' "collaboration": {"patents": {"sharePct": 22,\n'
        '   "partners": [{"name": "Oslo"}, {"name": "Bergen"}]}}}\n'
    )
    r = extract(raw, "x.json", "yaml")
    assert r.patent_collaboration.partners == ["Oslo", "Bergen"]
    assert span(r, raw, "patent_collaboration.partners[1]") == "Bergen"
    assert ("paragraph", "partners: Oslo, Bergen") in blocks(raw, "yaml")


def test_objects_wrapping_shares_stay_a_share_table() -> None:
    raw = '{"patents": [{"Optics": "60%"}, {"Other": "40%"}]}'
    assert blocks(raw, "yaml") == [
        ("heading", "patents"),
        ("table", [["Optics", "60%"], ["Other", "40%"]]),
    ]


def _grounded(raw: str, fmt: str, key: str, value: int, quote: str):
    doc = parse("x", raw, fmt)
    g = ground(
        ClusterFacts.model_validate({key: {"value": value, "quote": quote}}), SourceView.of(doc)
    )
    span = g.spans.get(key)
    return g.values.get(key), span and raw[span[0] : span[1]]


def test_an_out_of_label_grounds_the_national_count_only_as_a_label() -> None:
    raw = '{"rankings": {"national": {"rank": 3, "outOf": 9}, "global": {"size": 36}}}\n'
    quote = raw.strip()
    assert _grounded(raw, "yaml", "national_cluster_count", 9, quote) == (9, "9")
    assert _grounded(raw, "yaml", "national_cluster_count", 3, quote) == (None, None)
    prose = "Nordhaven is ranked 12 out of 26 in the top 100.\n"
    assert _grounded(prose, "text", "national_cluster_count", 12, prose.strip()) == (None, None)


def test_an_earlier_editions_object_is_not_read_even_when_it_comes_first() -> None:
    raw = (
        '{"previousEdition": {"edition": 2024, "rankings": {"global": {"size": 74}}},\n'
        ' "history": [{"edition": 2023, "globalSizeRank": 80}],\n'
        ' "cluster": {"name": "Nordhaven"}, "economy": "Norway", "edition": 2025,\n'
        ' "rankings": {"global": {"size": 71}},\n'
        ' "perMillionLastFiveYears": {"pctApplications": 212}}\n'
    )
    r = extract(raw, "x.json", "yaml")
    assert (r.edition, r.global_size_rank, r.pct_applications) == (2025, 71, 212)
    assert r.evidence["global_size_rank"].start == raw.index("71")
    assert all("2024" not in t and "74" not in t for _, t in blocks(raw, "yaml"))


def test_nested_objects_read_alike_in_yaml_and_toml() -> None:
    yaml_raw = (
        "edition: 2024\ncluster:\n  name: Nordhaven\n  economy:\n    name: Norway\n"
        "rankings:\n  national: {rank: 3, out-of: 9}\n  global: {size: 36, intensity: 40}\n"
    )
    toml_raw = (
        'edition = 2024\n[cluster]\nname = "Nordhaven"\neconomy = "Norway"\n'
        "[rankings.national]\nrank = 3\nof = 9\n[rankings.global]\nsize = 36\n"
    )
    for raw, name, fmt in ((yaml_raw, "x.yaml", "yaml"), (toml_raw, "x.toml", "toml")):
        r = extract(raw, name, fmt)
        assert (r.cluster, r.economy, r.national_rank, r.national_cluster_count) == (
            "Nordhaven",
            "Norway",
            3,
            9,
        )
        assert r.global_size_rank == 36
        assert span(r, raw, "national_cluster_count") == "9"
