"""Summary building blocks: editing, headline, multi-source and single-document summaries, EASC evaluation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.arabic import normalize, split_sentences
from khabar.consolidate import summary as summary_module
from khabar.consolidate.align import alignment
from khabar.consolidate.editing import is_background, logic_rank, trim
from khabar.consolidate.headline import clean_title
from khabar.consolidate.summary import headline, summarize, summarize_document
from khabar.consolidate.textgraph import terms, terms_of_key
from khabar.evaluate.summary import evaluate, render
from khabar.model import Sentence

TALKS = ("بدأت في إسطنبول اليوم محادثات بين وفدين روسي وأمريكي حول عمل السفارات. "
         "ويترأس الوفد الروسي السفير ألكسندر دارتشييف والوفد الأمريكي سوناتا كولتر. "
         "وقالت الخارجية الأمريكية إن أوكرانيا ليست على جدول أعمال المحادثات. "
         "وكان الجانبان قد عقدا جولة أولى في فبراير الماضي في مقر القنصلية.")
TALKS_OTHER_OUTLET = ("انطلقت في إسطنبول اليوم محادثات بين وفدين روسي وأميركي حول عمل السفارات. "
                      "ويترأس الوفد الروسي السفير ألكسندر دارشيف والوفد الأميركي سوناتا كولتر. "
                      "وفي ملف آخر، ارتفعت أسعار النفط في الأسواق العالمية بنسبة طفيفة يوم الخميس.")


def _sentences(body: str) -> list[Sentence]:
    return [Sentence(i, s, e, body[s:e]) for i, (s, e) in enumerate(split_sentences(body))]


@pytest.mark.parametrize(("text", "expected"), [
    ("من جانبها، أكدت الخارجية الأمريكية أن الملف ليس مطروحا.", "أكدت الخارجية الأمريكية أن الملف ليس مطروحا."),
    ("كما أعربت الخارجية الروسية عن قلقها من التهديدات.", "أعربت الخارجية الروسية عن قلقها من التهديدات."),
    ("وكان الجانبان قد عقدا جولة أولى من المباحثات.", "كان الجانبان قد عقدا جولة أولى من المباحثات."),
    ("إلى ذلك، قالت موسكو وواشنطن إنهما تعملان معا.", "قالت موسكو وواشنطن إنهما تعملان معا."),
    ("حيث ذكرت المتحدثة أن التطبيع مرهون بالسلام.", "ذكرت المتحدثة أن التطبيع مرهون بالسلام."),
    ("فقد أكدت واشنطن أنها لن تقدم على خطوات جديدة.", "أكدت واشنطن أنها لن تقدم على خطوات جديدة."),
    ("وصل الوفدان إلى القنصلية العامة الروسية.", "وصل الوفدان إلى القنصلية العامة الروسية."),
])
def test_trim_cuts_only_dangling_connectives(text, expected):
    assert trim(text) == expected


@given(st.text(alphabet="وكماندجبهاأ،, ", max_size=60))
def test_trim_only_deletes_a_prefix(text):
    assert text.endswith(trim(text))


def test_background_cues():
    assert is_background(normalize("وكان الجانبان قد عقدا جولة أولى في إسطنبول."))
    assert is_background(normalize("عقدت الجولة الأولى في فبراير الماضي بإسطنبول."))
    assert is_background(normalize("أدى غزو أوكرانيا في فبراير 2022 إلى تدهور العلاقات."), year="2025")
    assert not is_background(normalize("بدأت اليوم في إسطنبول جولة جديدة من المحادثات."), year="2025")


def test_logic_rank_orders_who_and_said_after_what_happened():
    assert logic_rank(normalize("بدأت اليوم محادثات في إسطنبول.")) == 0
    assert logic_rank(normalize("ويترأس الوفد الروسي السفير دارتشييف.")) == 1
    assert logic_rank(normalize("وقال المتحدث إن المحادثات ستستمر.")) == 2


@pytest.mark.parametrize(("title", "expected"), [
    ("روسيا وأمريكا تعقدان محادثات في إسطنبول | سكاي نيوز عربية", "روسيا وأمريكا تعقدان محادثات في إسطنبول"),
    ("اليوم.. الجولة الثانية من المباحثات تبدأ في إسطنبول", "الجولة الثانية من المباحثات تبدأ في إسطنبول"),
    ("عاجل: بدء المحادثات في إسطنبول", "بدء المحادثات في إسطنبول"),
    ("روسيا وأمريكا تعقدان محادثات جديدة - الشرق الأوسط", "روسيا وأمريكا تعقدان محادثات جديدة"),
    ("اجتماع أميركي - روسي في إسطنبول... واشنطن تكشف عن اتفاق", "اجتماع أميركي - روسي في إسطنبول... واشنطن تكشف عن اتفاق"),
])
def test_clean_title(title, expected):
    assert clean_title(title) == expected


def test_headline_prefers_the_central_title_and_handles_no_titles():
    titles = ["محادثات روسية أمريكية في إسطنبول حول عمل السفارات",
              "أسعار النفط ترتفع في الأسواق العالمية",
              "جولة محادثات روسية أميركية في إسطنبول لتطبيع عمل السفارات | موقع الخبر"]
    assert "إسطنبول" in headline(titles, [TALKS, TALKS_OTHER_OUTLET])
    assert headline([]) == ""
    assert headline(["", "  "], ["جملة أولى قصيرة عن المحادثات. ثم جملة ثانية."]) == "جملة أولى قصيرة عن المحادثات."


def test_summary_cites_every_outlet_and_skips_background_and_repeats():
    bodies = {"a": TALKS, "b": TALKS_OTHER_OUTLET}
    summary = summarize(bodies, {k: _sentences(v) for k, v in bodies.items()}, words=60)
    texts = [s.text for s in summary]
    assert not any("فبراير" in t for t in texts)
    heads = [s for s in summary if "كولتر" in s.text]
    assert len(heads) == 1
    assert {c.article_id for c in heads[0].citations} == {"a", "b"}
    assert sum("إسطنبول" in t for t in texts) == 1  # the opening, said by both, told once


def test_summary_respects_the_word_budget_and_dates_order():
    bodies = {"late": TALKS_OTHER_OUTLET, "early": TALKS}
    dates = {"early": "2025-03-01", "late": "2025-04-10"}
    summary = summarize(bodies, {}, words=15, dates=dates)
    assert 1 <= len(summary) and sum(len(s.text.split()) for s in summary) <= 15 * 1.2 + 15
    long = summarize(bodies, {}, words=200, dates=dates)
    order = [dates[s.article_id] for s in long]
    assert order == sorted(order)


def test_key_terms_raise_the_sentences_that_mention_them():
    bodies = {"a": TALKS, "b": TALKS_OTHER_OUTLET}
    units = [u for aid, body in bodies.items() for u in summary_module._units(aid, body, None, "")]
    bags = [terms_of_key(u.key) for u in units]
    sim, same = alignment(bags, [u.article_id for u in units], [False] * len(units), summary_module._leads(units))
    plain = summary_module._scores(units, bags, sim, same, [], summary_module.WEIGHTS)
    keys = [set(terms("أوكرانيا")), set(terms("جدول أعمال"))]
    keyed = summary_module._scores(units, bags, sim, same, keys, summary_module.WEIGHTS)
    raised = [u.text for u, p, k in zip(units, plain, keyed, strict=True) if k > p]
    assert raised == [u.text for u in units if "أوكرانيا" in u.text]


def test_bad_input_returns_empty_or_names_the_article():
    assert summarize({}, {}) == ()
    assert summarize({"a": "", "b": "   "}, {}) == ()
    with pytest.raises(ValueError, match="article x"):
        summarize({"x": "نص قصير."}, {"x": [Sentence(0, 0, 400, "نص")]})


def test_summarize_document_lengths_and_order():
    text = " ".join([TALKS, TALKS_OTHER_OUTLET, "وتستمر المحادثات يومين وفق ما أعلنه الطرفان في بيان مشترك."])
    two = summarize_document(text, sentences=2)
    assert len(two) == 2
    assert [text.index(s) for s in two] == sorted(text.index(s) for s in two)
    assert 10 <= sum(len(s.split()) for s in summarize_document(text, words=20)) <= 30
    assert summarize_document("") == [] and summarize_document("   ") == []


def test_evaluate_reads_an_easc_folder(tmp_path):
    (tmp_path / "Articles" / "Topic1").mkdir(parents=True)
    (tmp_path / "MTurk" / "Topic1").mkdir(parents=True)
    article = TALKS + " " + TALKS_OTHER_OUTLET
    (tmp_path / "Articles" / "Topic1" / "talks (1).TXT").write_bytes("\ufeff".encode() + article.encode())
    (tmp_path / "MTurk" / "Topic1" / "D0101.M.250.A.1.A").write_bytes(
        "بدات في اسطنبول اليوم محادثات بين وفدين روسي وامريكي حول عمل السفارات.".encode("cp1256"))
    (tmp_path / "MTurk" / "Topic1" / "D0101.M.250.A.2.B").write_text(TALKS.split(". ")[1], encoding="utf-8")
    result = evaluate(tmp_path)
    assert result["documents"] == 1 and result["references"] == 2
    assert set(result["systems"]) >= {"khabar", "textrank", "lead3"}
    assert all(0 < s["rouge1"] <= 100 for s in result["systems"].values())
    assert "ROUGE-1" in render(result)
    with pytest.raises(ValueError):
        evaluate(tmp_path / "missing")


def test_large_inputs_are_read_to_a_bounded_depth(monkeypatch):
    monkeypatch.setattr(summary_module, "MAX_SENTENCES", 24)
    body = " ".join(f"وأعلن المسؤول رقم {i} أن المحادثات في إسطنبول تناولت الملف {i} بالتفصيل." for i in range(40))
    summary = summarize({"a": body, "b": body.replace("المسؤول", "المتحدث")}, {}, words=80)
    assert summary
    assert all(c.sentence < 12 for s in summary for c in s.citations)


def test_reports_a_day_apart_are_one_happening_and_a_month_apart_are_told_in_order():
    bodies = {"a": TALKS, "b": TALKS_OTHER_OUTLET}
    sentences = {k: _sentences(v) for k, v in bodies.items()}
    close = summarize(bodies, sentences, words=60, dates={"a": "2025-04-10", "b": "2025-04-11"})
    opening = next(s for s in close if "إسطنبول" in s.text)
    assert {c.article_id for c in opening.citations} == {"a", "b"}
    apart = summarize(bodies, sentences, words=60, dates={"a": "2025-03-10", "b": "2025-04-11"})
    order = [s.article_id for s in apart]
    assert order == sorted(order) and order[0] == "a"  # March before April


def test_count_matrix_is_the_canonical_matrix_of_the_counts():
    import random

    from scipy import sparse

    from khabar.consolidate.textgraph import count_matrix

    rng = random.Random(3)
    for _ in range(100):
        bags = [[rng.choice("abcdefgh") for _ in range(rng.randint(0, 12))] for _ in range(rng.randint(0, 9))]
        vocab = list(dict.fromkeys(t for bag in bags for t in bag))
        rows = [i for i, bag in enumerate(bags) for _ in bag]
        cols = [vocab.index(t) for bag in bags for t in bag]
        expected = sparse.csr_matrix(([1.0] * len(cols), (rows, cols)), shape=(len(bags), max(len(vocab), 1)))
        expected.sum_duplicates()
        got = count_matrix(bags)
        assert got.shape == expected.shape
        assert (got.indptr == expected.indptr).all() and (got.indices == expected.indices).all()
        assert (got.data == expected.data).all()


def test_terms_of_a_text_are_its_clause_terms_run_together():
    from khabar.consolidate.textgraph import clause_terms

    for text in ("قال الوزير، في مؤتمر صحفي: إن المحادثات، التي جرت أمس، كانت بناءة", "، ، :", "", "كلمة"):
        key = normalize(text)
        assert terms_of_key(key) == [t for c in clause_terms(key, min_terms=0) for t in c]


def test_lexrank_matrix_is_scipys_matrix_of_the_same_cells():
    import numpy as np
    from scipy import sparse

    from khabar.consolidate.textgraph import _csr

    rng = np.random.default_rng(5)
    for n in (1, 2, 7, 40):
        dense = rng.random((n, n))
        dense[dense < 0.4] = 0.0
        for matrix in (dense, dense.T):
            expected, got = sparse.csr_matrix(matrix), _csr(matrix)
            assert (got.indptr == expected.indptr).all() and (got.indices == expected.indices).all()
            assert (got.data == expected.data).all() and got.shape == expected.shape


def test_small_gram_is_scipys_product_to_the_last_bit():
    """Also for rows whose columns are not sorted (scipy's products leave them unsorted, as the
    alignment's sentence rows are, and a cell's sum follows the order its row stores its entries)."""
    import numpy as np
    from scipy import sparse

    from khabar.consolidate import textgraph

    rng = np.random.default_rng(7)
    unsorted = 0
    for _ in range(200):
        bags = [list(rng.choice(list("abcdefghijklmnop"), size=rng.integers(0, 15)))
                for _ in range(rng.integers(0, 30))]
        x = textgraph.tfidf_matrix(bags)
        product = textgraph.tfidf_rows(sparse.random(len(bags), 8, density=0.4, format="csr", rng=rng)
                                       @ sparse.random(8, 20, density=0.4, format="csr", rng=rng))
        unsorted += not product.has_sorted_indices
        for matrix in (x, product):
            expected = (matrix @ matrix.T).toarray()
            assert textgraph.small_gram(matrix).tobytes() == expected.tobytes()
            assert textgraph.gram(matrix).tobytes() == expected.tobytes()
    assert unsorted > 100
