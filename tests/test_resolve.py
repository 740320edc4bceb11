"""Names in questions: abbreviations, typos, names in part, and the right one of many similar
cluster names (synthetic profiles)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from synth import FORMATS, generate  # noqa: E402

from nlq.answer.corpus import Corpus, tokens  # noqa: E402
from nlq.answer.engine import Asker  # noqa: E402
from nlq.answer.load import corpus_from_paths  # noqa: E402
from nlq.answer.names import NameIndex, abbreviation_cost, closeness  # noqa: E402
from nlq.answer.resolve import find_mentions  # noqa: E402
from nlq.extractors.rules import RulesExtractor  # noqa: E402
from nlq.layout import parse  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return corpus_from_paths([REPO / "data/profiles"])


@pytest.mark.parametrize(
    ("abbr", "name", "cost"),
    [
        ("ustc", "UNIVERSITY OF SCIENCE & TECH. OF CHINA", 0),
        ("cxmt", "CHANGXIN MEMORY TECHNOLOGIES", 1),  # the X is inside ChangXin
        ("nudt", "NATIONAL UNIVERSITY OF DEFENSE TECHNOLOGY - CHINA", 0),  # "- CHINA" left out
        ("hfut", "HEFEI UNIVERSITY OF TECHNOLOGY", 1),
        ("csu", "CENTRAL SOUTH UNIVERSITY", 0),
        ("csu", "CHANGSHA UNIVERSITY OF SCIENCE AND TECH.", None),  # too short for it
        ("csust", "CHANGSHA UNIVERSITY OF SCIENCE AND TECH.", 1),
        ("pct", "CHANGXIN MEMORY TECHNOLOGIES", None),
        ("hu", "HUNAN UNIVERSITY", None),  # two letters are too few
    ],
)
def test_abbreviations(abbr: str, name: str, cost: int | None) -> None:
    assert abbreviation_cost(abbr, tokens(name)) == cost


def test_a_typo_is_close_and_a_different_word_is_not() -> None:
    assert closeness("hefei", "hefei") == 1.0
    assert 0.8 <= closeness("hefie", "hefei") < 1.0
    assert closeness("wuan", "wuhan") == 0.0  # too short to call a typo
    assert closeness("jefei", "hefei") == 0.0  # first letters differ
    index = NameIndex({"a": ["quarvorkal"], "b": ["quarostkal"]})
    assert index.like("quarvorkal") == {"quarvorkal": 1.0}  # spelled right: not a typo of b


def test_the_cluster_named_is_the_one_found_among_similar_names() -> None:
    profiles = list(generate(400, seed=5))
    corpus = Corpus.build([(p.truth, p.text) for p in profiles])
    for p in profiles[::7]:
        m = find_mentions(f"What is {p.truth.cluster}'s size rank?", corpus)
        assert m.clusters == [p.truth.cluster]


def test_answers_at_scale_are_about_the_cluster_asked_about() -> None:
    profiles = list(generate(300, seed=9))
    extractor = RulesExtractor()
    corpus = Corpus.build(
        [(extractor.extract(parse(p.name, p.text, FORMATS[p.layout])).record, p.text)
         for p in profiles]
    )  # fmt: skip
    asker = Asker(corpus, semantic=False)
    for p in profiles[::13]:
        answer = asker.ask(f"What is the global size rank of {p.truth.cluster}?", follow_up=False)
        assert answer.plan.clusters == [p.truth.cluster]
        rank = p.truth.global_size_rank
        assert answer.answer == f"{p.truth.cluster}'s global size rank is {rank} [1]."


def test_names_in_part_abbreviations_and_listed_fields(corpus: Corpus) -> None:
    def entities(question: str) -> list[str]:
        return [e.key for e in find_mentions(question, corpus).entities]

    assert entities("papers of the National University of Defense Technology") == [
        "national university of defense technology china"
    ]
    assert entities("CXMT patent count") == ["changxin memory technologies"]
    assert entities("Central South vs USTC") == [
        "central south university",
        "university of science and technology of china",
    ]
    assert entities("Hefei's physics & math and technology combined") == [
        "physics and mathematics",
        "technology",
    ]
    assert entities("Hefei's measurement technology share") == ["measurement"]


def test_an_unknown_name_is_an_organization_unless_it_is_a_place(corpus: Corpus) -> None:
    m = find_mentions("How many PCT applications does Huawei file in Hefei?", corpus)
    assert m.clusters == ["Hefei"] and m.unknown_orgs == ["Huawei"]
    m = find_mentions("How many PCT applications does Hefei file in Anhui?", corpus)
    assert m.unknown == ["Anhui"] and m.unknown_orgs == []


def test_rankings_over_many_clusters_read_the_store_not_every_record(tmp_path: Path) -> None:
    import hashlib

    from nlq.facts import facts_from_record
    from nlq.store import FactStore

    profiles = list(generate(40, seed=13))
    extractor = RulesExtractor()
    items = [
        (extractor.extract(parse(p.name, p.text, FORMATS[p.layout])).record, p.text)
        for p in profiles
    ]
    questions = [
        "Which cluster files the most PCT applications per million inhabitants?",
        "Which cluster has the worst global size rank?",
        "Who is the biggest PCT applicant of all?",
    ]
    with FactStore(tmp_path / "facts.sqlite3") as store:
        for (record, text), p in zip(items, profiles, strict=True):
            key = str(tmp_path / p.name)
            sha = hashlib.sha256(text.encode()).hexdigest()
            store.upsert(key, sha256=sha, backend="rules", text=text, record=record,
                         facts=facts_from_record(record, file_key=key, text=text))  # fmt: skip
        lazy = Corpus.from_store(store)
        answers = [Asker(lazy, semantic=False).ask(q, follow_up=False) for q in questions]
        assert len(lazy.records._cache) <= 10 * 2  # only the clusters shown were read
        in_memory = Asker(Corpus.build(items), semantic=False)
        assert answers == [in_memory.ask(q, follow_up=False) for q in questions]
    best = max(items, key=lambda it: it[0].pct_applications or 0)[0]
    assert answers[0].answer.startswith(best.cluster)
    top = max(
        (e for r, _ in items for e in r.top_pct_applicants if e.count is not None),
        key=lambda e: e.count,
    )
    assert f"the leading PCT applicant is {top.name}: {top.count:,} [1]" in answers[2].answer
