"""The shipped NER tagger: CoNLL reading, tag mapping, scoring, segmentation and mentions from text."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from khabar.analyze.entities import find_mentions
from khabar.analyze.ner.conll import coarse_tag, read_conll, spans, split_holdout
from khabar.analyze.ner.segment import segment
from khabar.analyze.ner.tagger import tag_words
from khabar.arabic import name_key, split_sentences
from khabar.evaluate.ner import evaluate, glued, render, score
from khabar.model import Sentence


def _sentences(text: str) -> list[Sentence]:
    return [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(split_sentences(text))]


def test_read_conll_strips_bom_bidi_marks_and_crlf_and_maps_fine_classes(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes("\ufeff\u200eزار\tO\r\n\u200eبوتين\tB-Politician\r\n\r\n\u200eفي\tO\r\n"
                     "\u200eالعراق\tB-Nation\r\n\u200eالعرب\tB-Group\r\n".encode())
    sentences = read_conll(path)
    assert sentences == [(["زار", "بوتين"], ["O", "B-PER"]), (["في", "العراق", "العرب"], ["O", "B-LOC", "B-MISC"])]


def test_read_conll_accepts_spaces_and_pers_tags_and_names_a_bad_line(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("محمد B-PERS\nعلي I-PERS\nوكالة B-ORG\n", encoding="utf-8")
    assert read_conll(good)[0][1] == ["B-PER", "I-PER", "B-ORG"]
    bad = tmp_path / "bad.txt"
    bad.write_text("محمد B-PER\nعلي\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.txt:2"):
        read_conll(bad)


@pytest.mark.parametrize(("tag", "expected"), [("B-Sports", "B-ORG"), ("I-Building-Grounds", "I-LOC"),
                                               ("B-Book", "B-MISC"), ("O", "O"), ("LOC", "I-LOC")])
def test_coarse_tag(tag: str, expected: str) -> None:
    assert coarse_tag(tag) == expected


def test_spans_follow_conll_rules() -> None:
    assert spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"),
                                                                         (5, 6, "ORG")]
    assert spans(["O", "B-PER", "O", "O", "I-PER", "I-PER"]) == [(1, 2, "PER"), (4, 6, "PER")]  # O ends, stray I starts
    assert spans(["B-LOC", "B-LOC", "I-LOC"]) == [(0, 1, "LOC"), (1, 3, "LOC")]
    assert spans(("O", "O")) == [] and spans([]) == []


def test_holdout_split_is_every_fifth_sentence() -> None:
    train, held = split_holdout(range(12))
    assert held == [4, 9] and len(train) == 10


def test_score_counts_exact_span_and_type_only() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    predicted = [["B-PER", "O", "O", "B-LOC"]]  # person cut short: one miss and one false alarm
    result = score(gold, predicted)
    assert result["per_type"]["LOC"]["f1"] == 1.0
    assert result["per_type"]["PER"]["tp"] == 0
    assert result["micro"]["precision"] == 0.5 and result["micro"]["recall"] == 0.5


def test_evaluate_scores_the_shipped_model_on_a_file(tmp_path: Path) -> None:
    path = tmp_path / "gold.conll"
    rows = ["قال\tO", "الرئيس\tO", "الروسي\tO", "فلاديمير\tB-PERS", "بوتين\tI-PERS", "في\tO", "موسكو\tB-LOC", ".\tO"]
    path.write_text("\n".join(rows) + "\n\n", encoding="utf-8")
    result = evaluate(path)
    assert result["micro"]["f1"] == 1.0
    table = render(result)
    assert "micro" in table and "PER" in table


def test_segmenter_splits_clitics_off_names_but_not_whole_words() -> None:
    def known(word: str) -> int:
        return {"دونالد": 50, "واشنطن": 40, "في": 4000}.get(word, 0)

    text = "ودونالد في واشنطن والمباحثات"
    pieces = segment(text, known)
    assert [text[a:b] for a, b, _ in pieces] == ["و", "دونالد", "في", "واشنطن", "و", "المباحثات"]


def test_segmenter_keeps_a_listed_name_whole_unless_the_rest_carries_a_hamza() -> None:
    def known(word: str) -> int:
        return {"يري": 10, "ان": 2000}.get(word, 0)

    def whole(word: str, rest: str) -> bool:
        return word in ("كيري", "فان")

    def cut(text: str, keep=None) -> list[str]:
        pieces = segment(text, known, whole=keep) if keep else segment(text, known)
        return [text[a:b] for a, b, _ in pieces]

    assert cut("كيري") == ["ك", "يري"]  # by counts alone
    assert cut("كيري", whole) == ["كيري"]
    assert cut("فان", whole) == ["فان"]  # van, as in فان باستن
    assert cut("فإن", whole) == ["ف", "إن"]  # the hamza says: the word إن


def test_find_mentions_keeps_well_known_names_whole_and_still_cuts_clitics_off_places() -> None:
    text = ("وقال وزير الخارجية الأميركي جون كيري إن الولايات المتحدة ستواصل العمل.\n"
            "وقال صاحب السمو الملكي الأمير فيصل بن تركي إن النادي سيكمل التعاقدات.\n"
            "صرح وزير الخارجية الألماني فرانك فالتر شتاينماير في تصريح نشرته الخارجية بقطر.\n"
            "ووصل المهاجرون إلى باليرمو شمال غرب صقلية.")
    mentions = find_mentions(text, _sentences(text))
    people = {m.text for m in mentions if m.type == "PER"}  # by counts alone: جون ك، بن تركي، فرانك
    assert {"جون كيري", "فيصل بن تركي", "فرانك فالتر شتاينماير"} <= people
    places = {m.text for m in mentions if m.type == "LOC"}
    assert {"قطر", "باليرمو"} <= places  # by the article rule alone: ب + اليرمو


def test_find_mentions_cuts_a_clitic_off_a_listed_place_and_ends_no_name_on_a_clitic() -> None:
    text = "تم نقله إلى مستشفى الملك فهد بتبوك.\nمع ذلك، إيواتا كان يفهم شيئاً واحداً لم يفهمه غيره."
    mentions = {(m.text, m.type) for m in find_mentions(text, _sentences(text))}
    assert ("تبوك", "LOC") in mentions and ("فهد بتبوك", "PER") not in mentions
    assert ("إيواتا", "PER") in mentions  # not إيواتا ك: كان is cut into ك + ان, and ك is no name's end


def test_find_mentions_ends_a_name_at_a_spaced_dash_and_keeps_hyphenated_names() -> None:
    text = ("ويجعل للقاء كيري - لافروف - الجبير أهمية خاصة.\n"  # SaudiNewsNet, 2015-08-03
            "تم القبض على المدعو عصمت حياة محمد شريف - باكستاني الجنسية - عند قيامه بالتهريب.\n"
            "14 – جبيبون عبد الحميد- بنجلاديشي الجنسية\n"
            "ووصل جان-كيفن اوغوستان إلى باريس.\n"
            "وقال وزير الخارجية الألماني فرانك- فالتر شتاينماير إن المحادثات صعبة.")
    people = {m.text for m in find_mentions(text, _sentences(text)) if m.type == "PER"}
    assert {"كيري", "لافروف"} <= people and not any(" - " in p or " – " in p or p[-1] in "-–" for p in people)
    assert not any("باكستاني" in p or "بنجلاديشي" in p for p in people)  # a nationality after a dash
    assert {"جان-كيفن اوغوستان", "فرانك- فالتر شتاينماير"} <= people  # a hyphen inside a name


def test_glued_writes_clitics_back_on_and_moves_the_gold_spans_with_them() -> None:
    tokens = ["و", "قال", "ل", "دونالد", "ترمب", "ان", "ه", "وصل", "."]
    tags = ["O", "O", "O", "B-PER", "I-PER", "O", "O", "O", "O"]
    text, gold = glued(tokens, tags)
    assert text == "وقال لدونالد ترمب انه وصل ."
    assert {text[a:b] for a, b, _ in gold} == {"دونالد ترمب"}
    assert glued(["د", "ب", "ا"], ["B-ORG", "I-ORG", "I-ORG"]) == ("د ب ا", {(0, 5, "ORG")})  # letters of a name stay apart


def test_tag_words_finds_people_and_places() -> None:
    tags = tag_words("وقال الرئيس الروسي فلاديمير بوتين في موسكو إن".split())
    assert ("PER" in {kind for _, _, kind in spans(tags)}) and (3, 5, "PER") in spans(tags)
    assert any(kind == "LOC" for _, _, kind in spans(tags))


def test_find_mentions_keeps_clitics_out_of_spans_and_points_into_the_text() -> None:
    text = "اجتمع المبعوث الخاص لدونالد ترمب في واشنطن.\nوأشار دارتشييف إلى أن ألكسندر دارتشييف وصل."
    mentions = find_mentions(text, _sentences(text))
    assert mentions, "no mention found"
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.key == name_key(m.text)
        assert m.type in {"PER", "LOC", "ORG", "MISC"}
    people = {m.text for m in mentions if m.type == "PER"}
    assert "دونالد ترمب" in people
    assert {m.sentence for m in mentions if "دارتشييف" in m.text} == {1}
    assert "دارتشييف" in people  # the lone family name, after the full name in the same text


def test_find_mentions_on_empty_or_noise_returns_nothing() -> None:
    assert find_mentions("", []) == ()
    assert find_mentions("... ، ، 123 !!", []) == ()


def test_model_files_stay_small() -> None:
    root = resources.files("khabar") / "resources"
    total = sum(f.stat().st_size for d in ("ner", "gazetteers") for f in Path(str(root / d)).iterdir())
    assert total <= 30_000_000


def test_mention_scores_are_probabilities_and_rules_are_less_sure_than_a_confident_crf() -> None:
    text = "وقال الرئيس الروسي فلاديمير بوتين في موسكو إن ويترأس الوفد سوناتا كولتر."
    mentions = find_mentions(text, _sentences(text))
    assert mentions and all(0.0 < m.score <= 1.0 for m in mentions)
    assert len({m.score for m in mentions}) > 1
