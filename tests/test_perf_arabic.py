"""The cached date scan and the quicker number finder answer as a fresh, uncached call does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from khabar.arabic import dates, find_dates, find_numbers

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "istanbul-2025"
TEXT = ("قال الوزير يوم الخميس 10 أبريل 2025 إن 3 ملايين دولار و15% من المساعدات وصلت أمس، "
        "وفي 27 فبراير الماضي اجتمع الوفدان ثلاث مرات، والأسبوع المقبل يلتقيان للمرة الثانية.")


def _fresh(text: str, reference: dt.date | None) -> list:
    dates._scan.cache_clear()
    return find_dates(text, reference)


def test_date_scan_cache_gives_each_reference_its_own_resolution() -> None:
    texts = [TEXT, *(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))]
    references = [None, dt.date(2025, 4, 10), dt.date(2015, 1, 1)]
    expected = {(i, r): _fresh(t, r) for i, t in enumerate(texts) for r in references}
    for _ in range(2):  # every order of calls on the warm cache
        for r in reversed(references):
            for i, t in enumerate(texts):
                assert find_dates(t, r) == expected[i, r]
    assert expected[0, dt.date(2025, 4, 10)] != expected[0, None]  # the reference does matter


def test_returned_lists_are_the_callers_own() -> None:
    hits = find_dates(TEXT)
    hits.clear()
    assert find_dates(TEXT)


def test_numbers_skip_dates_and_keep_words_and_digits() -> None:
    found = {(h.text, h.value) for h in find_numbers(TEXT)}
    dates._scan.cache_clear()
    assert found == {(h.text, h.value) for h in find_numbers(TEXT)}
    values = {v for _, v in found}
    assert {3_000_000.0, 15.0, 3.0} <= values  # "3 ملايين", "15%", "ثلاث مرات"
    assert 10.0 not in values and 2025.0 not in values and 27.0 not in values  # inside dates
