import pytest

from nlq.numbers import NUMBER_RE, parse_cardinal, parse_number, parse_ordinal


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("692", 692),
        ("2,069", 2069),
        ("12 345", 12345),
        ("12\u00a0345", 12345),
        ("12\u2009345", 12345),
        ("1\u202f234\u202f567", 1234567),
        ("3.5", 3.5),
        ("0", 0),
        ("3'412", 3412),
        ("2\u2019876", 2876),
    ],
)
def test_parse_number_accepts_thousands_separators(text: str, value: float) -> None:
    assert parse_number(text) == value
    assert type(parse_number(text)) is type(value)


@pytest.mark.parametrize("text", ["", "12,34", "1,2345", "abc", "12 34", "1.2.3"])
def test_parse_number_rejects_malformed(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twelfth", 12),
        ("Tenth", 10),
        ("12th", 12),
        ("1st", 1),
        ("32nd", 32),
        ("33rd", 33),
        ("twenty-first", 21),
        ("forty second", 42),
        ("hundredth", 100),
        ("ninety-ninth", 99),
    ],
)
def test_parse_ordinal(text: str, value: int) -> None:
    assert parse_ordinal(text) == value


@pytest.mark.parametrize(("text", "value"), [("26", 26), ("twenty-six", 26), ("nine", 9)])
def test_parse_cardinal(text: str, value: int) -> None:
    assert parse_cardinal(text) == value


def test_parse_ordinal_rejects_cardinals() -> None:
    with pytest.raises(ValueError):
        parse_ordinal("twelve")


def test_number_words_for_answers() -> None:
    from nlq.numbers import cardinal_word, ordinal_word

    assert [cardinal_word(n) for n in (0, 1, 10, 15, 19, 20, 123)] == [
        "no",
        "one",
        "ten",
        "fifteen",
        "nineteen",
        "20",
        "123",
    ]
    assert [ordinal_word(n) for n in (1, 3, 10, 12, 19)] == [
        "first",
        "third",
        "tenth",
        "twelfth",
        "nineteenth",
    ]
    assert ordinal_word(0) is None and ordinal_word(20) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("filed 3'412 PCT applications", ["3'412"]),
        ("5\u2019120 articles", ["5\u2019120"]),
        ("published 14{,}953 scientific articles", ["14"]),  # never the 953
        ("12,34 or 1,2345 or 2.5.1", []),  # malformed: nothing rather than a piece
        ("2,069 and 7,921.", ["2,069", "7,921"]),
    ],
)
def test_a_number_in_text_is_found_whole_or_not_at_all(text: str, found: list[str]) -> None:
    assert [m.group() for m in NUMBER_RE.finditer(text)] == found
