"""Keys that merge the spellings a foreign name gets in Arabic news, and a Latin rendering.

Foreign names are written by ear, so their Arabic spellings differ where Arabic script
has no fixed rendering: short vowels written or not as long ones (ترامب / ترمب,
ديميترييف / دميترييف), "ch" as تش or ش (دارتشييف / دارشييف), doubled letters
(دارشييف / دارشيف), g as غ or ج, v as ف or ڤ, t as ت or ط, th, z and sh as ث ذ ز ش
or س, final -e as ه or ي. The key of a foreign word folds those and drops inner long vowels;
the article ال stays apart. Arabic given names are the opposite: their long vowels
tell names apart (حسن / حسين, سعد / سعيد), so words of a shipped list of Arabic names,
and words of three letters or less, keep their spelling. Where the shipped lexicon
knows different names with one skeleton (بيروت Beirut / بيرت Bert) their keys carry
the English name. A person's key (:func:`person_key`) also keeps the letters of words with
the article, Arabic family names (الخضري / الخضيري). The key stays strict (it groups and indexes); :func:`same_name` is the
looser pair decision (a weighted edit distance, :mod:`khabar.arabic.name_distance`, and
a learned scorer, :mod:`khabar.arabic.name_scorer`) that joins key groups. Edit-distance libraries know none of these rules, hence our own.
Figures: docs/bench/arabic.md (benchmarks/bench_arabic_names.py).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from khabar.arabic import name_scorer
from khabar.arabic.name_distance import VOWELS, name_distance, name_edits
from khabar.arabic.normalize import normalize

SAME_NAME_DISTANCE = 0.7  # chosen on the dev split of benchmarks/data/name_pairs.tsv
SHORT_NAME_DISTANCE = 0.35  # words of three letters or less: one cheap change at most
SCORED_DISTANCE_PER_LETTER = 0.6  # farther pairs are never one name to the scorer (see _scored_alike)
_RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "arabic_names"


def _lines(name: str) -> list[str]:
    text = (_RESOURCES / name).read_text(encoding="utf-8")
    return [x for x in text.splitlines() if x.strip() and not x.startswith("#")]


NATIVE_NAMES = frozenset(normalize(x, "key") for x in _lines("native_names.txt"))
_ROMANIZATION = dict(line.split("\t", 1) for line in _lines("romanization.tsv"))
_DISPLAY_WORDS = {normalize(a, "match"): e for a, e in (line.split("\t", 1) for line in _lines("display_words.tsv"))}
_CONSONANTS = str.maketrans({"ڤ": "ف", "پ": "ب", "چ": "ج", "گ": "ج", "غ": "ج", "ط": "ت", "ث": "س",
                             "ذ": "ز", "ظ": "ض", "ز": "س", "ش": "س", "ء": None})
_CLUSTERS = re.compile(r"تش|دج|تسش")
_INNER_VOWELS = re.compile(r"(?<=.)[اوي]+(?=.)")
_FINAL_E = re.compile(r"(?<=..)ه$")  # final -e written ه or ي: كيسوكه / كيسوكي (not ة: مدينة)
_DOUBLED = re.compile(r"(.)\1+")
_NOT_LETTER = re.compile(r"[^\w]|[\d_]")
# ئ and ؤ after alef are glides, as often written ي and و: عائض / عايض, داؤد / داود
_GLIDE_HAMZA = re.compile(r"(?<=[اأإآ])[ئؤ](?=\w)")
_GLIDES = {"ئ": "ي", "ؤ": "و"}


@lru_cache(maxsize=100_000)
def name_key(name: str) -> str:
    """A skeleton key: equal for spelling variants of one name, different for different names (cached per name)."""
    return _name_key(name, _word_key)


@lru_cache(maxsize=100_000)
def person_key(name: str) -> str:
    """:func:`name_key` for a person's name: words with the article ال keep their letters.

    A person's words with the article are Arabic family, tribe and nisba names, whose long
    vowels and consonants tell families apart (الخضري / الخضيري, العامري / العمري, الزهراني /
    الشهراني); the looser :func:`name_key` folds them, as it must for places and demonyms
    (الأمريكية / الأميركية).
    """
    return _name_key(name, _person_word_key)


def _name_key(name: str, word_key) -> str:
    return " ".join(map(word_key, name_words(name)))


@lru_cache(maxsize=100_000)
def name_words(name: str) -> tuple[str, ...]:
    """A name's words as its keys count them, normalized for matching: عبد joined to the word after
    it (عبد الله = عبدالله), so the i-th word is the one the key's i-th word stands for."""
    words: list[str] = []
    for w in _words(name):
        if words and words[-1] == "عبد":
            words[-1] += w
        else:
            words.append(w)
    return tuple(words)


def _person_word_key(w: str) -> str:
    """A word's key, its letters kept where the key would make it another Arabic name (علوي → علي)."""
    if _has_article(w) and not _foreign_al(w):
        return _native_form(w)
    key = _word_key(w)
    return _native_form(w) if key in NATIVE_NAMES and not _is_native(w) else key


def same_name(a: str, b: str) -> bool:
    """Whether two spellings name the same person or place: a decision per word.

    Words of equal keys are one name unless a vowel *replaces* another (تامي / تومي,
    بوتين / بوتان): spelling variants *add or omit* vowels (ترامب / ترمب). Foreign words
    of different keys are one name when their weighted edit distance
    (:func:`khabar.arabic.name_distance.name_distance`: ch as ش / ك, g as ج / غ, final
    vowels ...) is small, their vowels are compatible and the lexicon does not know them
    as two names (بيروت / بيرت), or else when the learned scorer
    (:mod:`khabar.arabic.name_scorer`) finds them one name (كانينغهام / كونينغهام).
    Listed Arabic names, عبد compounds and words with the article ال (family and nisba
    names: الخضري / الخضيري) must match letter for letter, foreign names beginning with Al-
    aside (الكسيس / اليكسيس). Beside a word both names share or spell alike, a foreign word may replace a
    vowel, drop a silent final consonant or a letter not heard, or voice one (ميشال عون / ميشيل عون: see
    :func:`_same_beside`); two such words are each other's context (بولنت أرينتش / بولند أرينج).
    Not transitive, so it cannot be a key: use
    :func:`person_key` or :func:`name_key` to group, this to confirm or join groups.
    """
    wa, wb = name_words(a), name_words(b)  # عبد الله / عبدالله: one word
    if len(wa) != len(wb):  # a middle name in one only: only the key can compare the words
        return person_key(a) == person_key(b) and all(map(_compatible_vowels, wa, wb))
    anchored, loose = False, 0  # a name word alike in both; words alike only in context (_same_beside)
    for x, y in zip(wa, wb, strict=True):
        if x == y or _same_word(x, y):
            anchored = anchored or (_anchors(x) and _anchors(y))
        elif len(wa) > 1 and _same_beside(x, y):
            loose += 1
        else:
            return False
    return anchored or loose != 1  # two words alike in context are each other's context


def same_name_alone(a: str, b: str) -> bool:
    """:func:`same_name` for two one-word names met with no full name around them, stricter on short
    ones: a name of two consonants (سانو, راين, لويز, دايك) becomes another name when a long vowel is
    written, left out or moved (سنو Snow, ريان Rayyan, لويس Louis, دياك Diack), so only the same
    spelling, or the same listed Arabic name, is safe to join."""
    if not same_name(a, b):
        return False
    wa, wb = name_words(a), name_words(b)
    if wa == wb or not any(len(w) == 1 and _few_consonants(w[0]) for w in (wa, wb)):
        return True
    return all(len(w) == 1 and is_listed_native(w[0]) for w in (wa, wb))


def _few_consonants(w: str) -> bool:
    """Two consonant letters or fewer: the first letter, and the others that are not ا و ي (ريان, سانو)."""
    return len(w) - sum(ch in "اوي" for ch in w[1:]) <= 2


@lru_cache(maxsize=100_000)  # entity merging asks about the same word pairs story after story
def _same_word(a: str, b: str) -> bool:
    foreign = _foreign_al(a) or _foreign_al(b)  # الكسيس / اليكسيس: both Alexis
    if is_listed_native(a) or is_listed_native(b):
        return _same_arabic(a, b)  # علي / علوي: see person_key
    if not foreign and (_has_article(a) or _has_article(b)):
        return _same_arabic(a, b) or _same_family(a, b)  # الخضري / الخضيري
    if _root_and_pattern(a, b):
        return False
    key_a, key_b = _word_key(a), _word_key(b)
    return _spelled_alike(a, b, key_a, key_b) or _scored_alike(a, b)


def _root_and_pattern(a: str, b: str) -> bool:
    """Two Arabic patterns of one root of three consonants: the bare root (جبر, دحم; عرب-ي, حسن-ة with
    a nisba or feminine ending) or the root with one long vowel inside it (جابر, جبير, جبور, عريبي,
    حسونة, هاردي / هريدي). In Arabic names these are two names (Jabr, Jabir, Jubayr), not two
    spellings of one name; foreign names, whose vowels come and go, rarely have three consonants
    and no vowel at all (كندي / كنيدي: the full name decides, see :func:`_same_beside`)."""
    patterns_a, patterns_b = _root_patterns(a), _root_patterns(b)
    return any(root == other and pattern != other_pattern
               for root, pattern in patterns_a for other, other_pattern in patterns_b)


def _root_patterns(w: str) -> set[tuple[str, str]]:
    """(root, pattern) for each reading of ``w`` as a bare root of three consonants, with an ending
    ة ه ي or not, and at most one long vowel after its first or second consonant (the pattern: that
    vowel and where it stands, or nothing)."""
    readings = {(w, "")} | {(w[:i] + w[i + 1:], f"{i}{w[i]}") for i in (1, 2) if len(w) > 3 and w[i] in "اوي"}
    return {(root, pattern) for root, pattern in readings if _bare_root(root)}


def _bare_root(w: str) -> bool:
    stem = w[:3] if len(w) == 4 and w[-1] in "ةهي" else w
    return len(stem) == 3 and not any(ch in "اوي" for ch in stem)


def _same_arabic(a: str, b: str) -> bool:
    """Arabic names match letter for letter, but for the classical spelling without one long ا past
    the third letter (إسحاق / إسحق, إبراهيم / إبرهيم, الرحمان / الرحمن) when just one of the two
    spellings is a listed name (حامد / حمد are two)."""
    a, b = _native_form(a), _native_form(b)
    return a == b or _without_alef(a, b) or _without_alef(b, a)


def _same_family(a: str, b: str) -> bool:
    """A family name with and without the article, or with a long ا after its first letter or not
    (الدوابشة / دوابشه, البارزاني / البرزاني / بارزاني, العامودي / العمودي): one name, when the name
    without the article is of five letters or more, no listed name (الحسن / حسن: a family and a
    father's name) and no two patterns of one Arabic root (العامري / العمري are two names). Other
    long vowels make Arabic patterns, not spellings: العوفي / العويفي, الظاهري / الظواهري are two."""
    stem_a, stem_b = (_native_form(w[2:] if _has_article(w) else w) for w in (a, b))
    short, long_ = sorted((stem_a, stem_b), key=len)
    if len(short) < 5 or is_listed_native(short) or is_listed_native(long_):
        return False
    return short == long_ or (long_[1] == "ا" and long_[0] + long_[2:] == short and not _root_and_pattern(short, long_))


def _without_alef(full: str, short: str) -> bool:
    prefix = next((p for p in ("عبدال", "ال") if full.startswith(p) and short.startswith(p)), "")
    stem, short_stem = full[len(prefix):], short[len(prefix):]  # عبدالاله / عبدالله are two names
    return (len(stem) == len(short_stem) + 1 >= 5 and is_listed_native(full) != is_listed_native(short)
            and any(stem[i] == "ا" and stem[:i] + stem[i + 1:] == short_stem for i in range(3, len(stem) - 1)))


@lru_cache(maxsize=10_000)
def _foreign_al(w: str) -> bool:
    """The lexicon knows ``w`` as one Latin name beginning with Al / El (الكسندر Alexander), and it
    is no nisba (العلوي Alaoui; a final ي the lexicon reads -ey, -ei or -y is none: اليكسي Alexey): its
    ال is no article, so it varies as foreign names do."""
    latin = _ROMANIZATION.get(w, "").lower()
    return (latin[:2] in ("al", "el", "ál") and " " not in latin and "-" not in latin
            and (not w.endswith(("ي", "يه", "ة")) or latin.endswith(("ey", "ei", "y"))))


_PARTICLES = frozenset("بن ابو بنت ولد عبد دوس ديل فان فون سان سانت".split())


def _anchors(w: str) -> bool:
    """A word that, shared or spelled alike, says two names are of one person: a name word, not a
    particle (دي ماريا / دي ماورا)."""
    return len(w) > 2 and w not in _PARTICLES


@lru_cache(maxsize=100_000)
def _same_beside(a: str, b: str) -> bool:
    """Two foreign words are one name beside a word both names share (ميشال عون / ميشيل عون,
    دونالد تاسك / دونالد توسك) or spell alike (جوزيه مورينيو / جوسيه مورينهو): the hand rule without
    its vowel checks, since a shared given or family name makes a different person whose other
    name differs only in a vowel unlikely; a silent final د ت س (French, Spanish) may be written or
    not, inner vowels and doubled letters too (فيرر / فيرير), one consonant may be voiced (دمرتاش / دمرداش), and letters not heard may be
    written or not (:func:`_by_ear`). Two spellings the lexicon knows as two names stay apart
    (فلاديمير بوتين / فلاديمير بوتان: Putin, Bhutan) unless a long vowel written or not, or a
    consonant's other rendering, is all that tells them apart (روبن / روبين فان بيرسي)."""
    if is_listed_native(a) or is_listed_native(b) or _has_article(a) or _has_article(b) or _short_vowel_swap(a, b):
        return False
    short, long_ = sorted((a, b), key=len)
    if long_[:-1] == short and ((len(short) >= 4 and long_[-1] in "دتس") or (long_[-1] == "ه" and short[-1] in "اوي")):
        return True  # a silent final consonant or -e written or not: جيرو / جيرود, نيكولا / نيكولاس, ايو / ايوه
    key_a, key_b = _word_key(a), _word_key(b)
    if key_a == key_b and _compatible_vowels(a, b):
        return True  # one skeleton, a cluster written one way or another: لازلو / لاسزلو
    if "~" in key_a and "~" in key_b and key_a != key_b:
        return any(_compatible_vowels(x, y) and _light_edits_only(x, y) for x, y in _as_written_and_heard(a, b))
    limit = SAME_NAME_DISTANCE if len(short) > 3 else SHORT_NAME_DISTANCE
    return any(name_distance(x, y) <= limit or _consonants(x) == _consonants(y) or _voicing_only(x, y)
               for x, y in _as_written_and_heard(a, b))


def _short_vowel_swap(a: str, b: str) -> bool:
    """Words of three letters, one long vowel for another: two names (جون / جين: John, Jane; توم / تيم)."""
    return len(a) == len(b) <= 3 and a != b and all(
        x == y or (x in "اوي" and y in "اوي") for x, y in zip(a, b, strict=True))


def _as_written_and_heard(a: str, b: str) -> set[tuple[str, str]]:
    return {(a, b), (_by_ear(a), _by_ear(b))}


_SILENT_H = re.compile(r"(?<=[نكرت])ه(?=.)")  # Beckham, Burnham, Reinhold; Portuguese nh (Mourinho)
_SILENT_INITIAL = re.compile(r"^[هع]")  # Hollande, Annan
_INITIAL_I = re.compile(r"^ا(?=ي)")  # Ioannis


def _by_ear(w: str) -> str:
    """A foreign word as heard, for the spellings that write what is not heard: a silent h (هولاند /
    أولاند, بكهام / بيكام, مورينهو / مورينيو), an initial ع for a vowel (عنان / أنان) or i before y
    (ايوانيس / يوانيس), and Turkish ç as تش or ج (كليتشدار / كليجدار)."""
    return _SILENT_H.sub("", _INITIAL_I.sub("", _SILENT_INITIAL.sub("ا", w))).replace("تش", "ج")


def _light_edits_only(a: str, b: str) -> bool:
    """Long vowels written or not and consonants for one of their renderings, nothing else: روبن /
    روبين (Robin and Rubén to the lexicon), ماتيو / ماثيو; a vowel for another stays a second name
    (كارول / كاريل)."""
    return all(edit[0] in ("same", "vowel_indel", "near") for edit in name_edits(a, b))


def _consonants(w: str) -> str:
    """The consonant letters of a foreign word in order, alternations folded and vowels dropped, each
    letter counted: فيرر / فيرير (Ferrer) have two ر, مورا / موريرا (Mora, Moreira) one and two."""
    return _INNER_VOWELS.sub("", _letter_folds(w))


_VOICING = frozenset(tuple(sorted(pair)) for pair in ("تد", "طد", "كج", "كغ", "كق"))


def _voicing_only(a: str, b: str) -> bool:
    """One consonant voiced in one spelling and not in the other, the rest alike or vowels: t / d and
    k / g, as Turkish and Iraqi spellings write them (دمرتاش / دمرداش, كريج / كريك, غوسبر / كوسبر)."""
    if name_distance(a, b) >= 2:  # one consonant and a few vowels at most: skip the alignment
        return False
    edits = [e for e in name_edits(a, b) if e[0] not in ("same", "vowel_indel")]
    return len(edits) == 1 and edits[0][0] == "other" and tuple(sorted(edits[0][1:])) in _VOICING


def forget_decisions() -> None:
    """Clear the cached word-pair decisions, for sweeps that change a threshold between passes."""
    _same_word.cache_clear()
    _same_beside.cache_clear()


def _spelled_alike(a: str, b: str, key_a: str, key_b: str) -> bool:
    """The hand rule: compatible vowels, no lexicon clash, a small weighted edit distance."""
    if _lexicon_tells_apart(a, b, key_a, key_b):
        return False
    gaps = list(zip(_vowel_gaps(a), _vowel_gaps(b), strict=False))
    if len(_vowel_gaps(a)) == len(_vowel_gaps(b)) and (
            _vowels_differ(gaps) or (min(len(a), len(b)) <= 4 and _vowels_moved(gaps))):
        return False
    limit = SAME_NAME_DISTANCE if min(len(a), len(b)) > 3 else SHORT_NAME_DISTANCE
    return name_distance(a, b) <= limit


def _scored_alike(a: str, b: str) -> bool:
    """The learned scorer (:mod:`khabar.arabic.name_scorer`) finds the pair one name.

    Pairs whose distance exceeds SCORED_DISTANCE_PER_LETTER are not scored: the scorer
    accepts none of them on its training pairs (at most 0.5), and skipping them keeps the
    unrelated pairs the entity merger compares cheap; nor are pairs whose endings differ
    (:func:`_ending_changed`).
    """
    if name_distance(a, b) > SCORED_DISTANCE_PER_LETTER * max(len(a), len(b)) or _ending_changed(a, b):
        return False
    model = name_scorer.scorer()
    return model.probability(word_pair_features(a, b)) >= model.threshold


def _ending_changed(a: str, b: str) -> bool:
    """The last letter a vowel in one spelling and a consonant in the other: an ending of another
    name (رودريجو / رودريغز, Rodrigo and Rodriguez), not a spelling."""
    edits = name_edits(a, b)
    return bool(edits) and edits[-1][0] == "other" and len(set(edits[-1][1:]) & VOWELS) == 1


@lru_cache(maxsize=100_000)
def word_pair_features(a: str, b: str) -> dict[str, float]:
    """The learned scorer's features of two name words: edit counts and the rule cues below."""
    key_a, key_b = _word_key(a), _word_key(b)
    gap_a, gap_b = _vowel_gaps(a), _vowel_gaps(b)
    gaps = list(zip(gap_a, gap_b, strict=False))
    aligned = len(gap_a) == len(gap_b)
    features = name_scorer.edit_features(a, b)
    features.update({
        "key_equal": float(key_a == key_b),
        "listed_native": float(is_listed_native(a) or is_listed_native(b)),
        "article_differs": float(_has_article(a) != _has_article(b)),
        "lexicon_apart": float(_lexicon_tells_apart(a, b, key_a, key_b)),
        "vowels_differ": float(aligned and _vowels_differ(gaps)),
        "vowels_replaced": float(sum(1 for x, y in gaps if x and y and not set(x) & set(y))),
        "vowels_moved": float(aligned and _vowels_moved(gaps)),
        "latin_similarity": SequenceMatcher(None, _romanize_word(a), _romanize_word(b)).ratio(),
    })
    return features


def _has_article(w: str) -> bool:
    """ال in front of three letters or more: الصين has it, إليا (اليا once folded) does not."""
    return w.startswith("ال") and len(w) > 4


def is_listed_native(w: str) -> bool:
    """A listed Arabic name (with the article or not) or an عبد compound (عبدالله, عبداللطيف)."""
    w = _native_form(w)
    return w in NATIVE_NAMES or (w.startswith("ال") and w[2:] in NATIVE_NAMES) or _is_abd_compound(w)


def _is_abd_compound(w: str) -> bool:
    """عبدالرحمن, عبدالمحسن: an Arabic name written as one word (عبد الرحمن is two)."""
    return w.startswith("عبد") and len(w) > 4


def _lexicon_tells_apart(a: str, b: str, key_a: str, key_b: str) -> bool:
    """Whether the lexicon knows the two spellings as two names (بيروت Beirut / بيرت Bert).

    Two known spellings of different names are apart; a known spelling and an unknown
    one are apart when another known name is strictly nearer to the unknown one
    (ليندون is nearer to ليندن Linden than to لندن London).
    """
    if "~" in key_a and "~" in key_b:
        return key_a != key_b
    if "~" not in key_a and "~" not in key_b:
        return False
    (known, known_key), unknown = ((a, key_a), b) if "~" in key_a else ((b, key_b), a)
    spellings = _known_clashes().get(known_key.split("~")[0].removeprefix("ال"), {})
    to_known = name_distance(known, unknown)
    return any(key != known_key and name_distance(w, unknown) < to_known for w, key in spellings.items())


def _vowels_differ(gaps: list[tuple[str, str]]) -> bool:
    """A consonant gap holds a vowel in both words that differs: بوتين / بوتان."""
    return any(x and y and not set(x) & set(y) for x, y in gaps)


def _vowels_moved(gaps: list[tuple[str, str]]) -> bool:
    """A vowel only one word writes and another only the other writes: رابح / رباح.

    In a short word that is a different name; longer variants do move a vowel (أمريكا / أميركا).
    """
    return any(x and not y for x, y in gaps) and any(y and not x for x, y in gaps)


def _compatible_vowels(a: str, b: str) -> bool:
    """No consonant gap holds a vowel in both words that differs between them."""
    return not _vowels_differ(list(zip(_vowel_gaps(a), _vowel_gaps(b), strict=False)))


@lru_cache(maxsize=100_000)  # entity merging compares the same spellings pair after pair
def _words(name: str) -> tuple[str, ...]:
    """Words at ``match`` level with hamza seats folded; taa marbuta kept (it is not a final -e), and
    ابن as بن: the particle drops its alef inside a name and often at its head too (ابن لادن / بن لادن)."""
    folded = normalize(_GLIDE_HAMZA.sub(lambda m: _GLIDES[m[0]], name), "match+hamza")
    return tuple("بن" if w == "ابن" else w for w in (_NOT_LETTER.sub("", w) for w in folded.split()) if w)


def _native_form(w: str) -> str:
    """An Arabic word's letters for comparison: taa marbuta as ه, و doubled or not (داود / داوود),
    ظ as ض (Gulf spellings swap them: الضفيري / الظفيري), a final ي doubled or not (محيي / محي,
    يحيى / يحي once ى is ي; not the nisba -ائي, -ايي once its hamza is folded: العيسائي)."""
    w = w.replace("ة", "ه").replace("وو", "و").replace("ظ", "ض")
    return w[:-1] if w.endswith("يي") and not w.endswith("ايي") else w


def _is_native(w: str) -> bool:
    return len(_native_form(w)) <= 3 or is_listed_native(w)


def _skeleton(w: str) -> str:
    """A foreign word's consonants with the alternations folded and its inner long vowels dropped."""
    return _INNER_VOWELS.sub("", _consonant_folds(w))


def _consonant_folds(w: str) -> str:
    return _DOUBLED.sub(r"\1", _letter_folds(w))


def _letter_folds(w: str) -> str:
    """A final -e as ي, one-sound clusters as one letter, and each consonant's renderings as one."""
    return _CLUSTERS.sub("ش", _FINAL_E.sub("ي", w).replace("ة", "ه")).translate(_CONSONANTS)


@lru_cache(maxsize=100_000)  # same_name asks for the key of each word of each pair it has not seen
def _word_key(w: str) -> str:
    if _is_native(w):
        return _native_form(w)
    if w.startswith("ال") and len(w) > 4:  # the article is Arabic, the rest may be foreign
        return "ال" + _word_key(w[2:])
    skeleton = _skeleton(w)
    known = _known_clashes().get(skeleton)
    if not known:
        return skeleton
    if w in known:
        return known[w]
    # An unknown spelling of a clashing skeleton joins a known name only when just one fits.
    keys = {key for spelling, key in known.items() if _compatible_vowels(w, spelling)}
    return keys.pop() if len(keys) == 1 else skeleton


def _vowel_gaps(w: str) -> list[str]:
    """The inner vowel letters between consecutive consonants of a foreign word."""
    if _is_native(w):
        return []
    w = _consonant_folds(w)
    gaps, current = [], ""
    for i, ch in enumerate(w):
        if ch in "اوي" and 0 < i < len(w) - 1:
            current += ch
        else:
            gaps.append(current)
            current = ""
    return gaps


@lru_cache(maxsize=1)
def _known_clashes() -> dict[str, dict[str, str]]:
    """Skeletons shared by known names (places, frequent person names) of different English names.

    بيروت and بيرت, باريس and بوريس, لندن and ليندون share a skeleton, but the lexicon
    knows them apart (Beirut / Bert, Paris / Boris, London / Lyndon): their keys get the
    English name. English spellings of one name (Dmitri / Dmitry) count as one.
    """
    by_skeleton: dict[str, dict[str, str]] = {}
    for arabic, english in _ROMANIZATION.items():
        w = normalize(arabic, "match+hamza")
        if " " in w or _is_native(w) or w.startswith("ال"):
            continue
        by_skeleton.setdefault(_skeleton(w), {})[w] = english.lower()
    clashes: dict[str, dict[str, str]] = {}
    for skeleton, spellings in by_skeleton.items():
        classes: list[str] = []
        keys = {}
        for w, english in sorted(spellings.items(), key=lambda x: x[1]):
            same = next((c for c in classes if SequenceMatcher(None, c, english).ratio() >= 0.8), None)
            if same is None:
                classes.append(english)
                same = english
            keys[w] = f"{skeleton}~{same}"
        if len(classes) > 1:
            clashes[skeleton] = keys
    return clashes


_ROMAN = {"ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
          "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'",
          "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w",
          "ي": "y", "ة": "a", "ء": "'", "ئ": "'", "ؤ": "'", "گ": "g", "پ": "p", "چ": "ch", "ڤ": "v"}


@lru_cache(maxsize=50_000)  # every entity of every digest is shown with its Latin spelling
def romanize(name: str) -> str:
    """A readable Latin rendering for display beside the Arabic name (never for matching).

    Known names and phrases take their usual English spelling, longest first
    (الولايات المتحدة → United States, ترامب → Trump, from Wikidata and a hand-written
    list); other words a letter-by-letter rendering with long vowels as vowels, the
    usual Russian endings (دارشيف → Darshev) and the nisba -iya (الروسية → Al-Rusiya).
    """
    words = normalize(name, "match").split()
    out, i = [], 0
    while i < len(words):
        for j in range(min(len(words), i + _LONGEST_PHRASE), i, -1):
            known = known_latin(" ".join(words[i:j]))
            if known:
                out.append(known)
                i = j
                break
        else:
            out.append(_conjunction_and_known(words[i]) or _romanize_word(words[i]))
            i += 1
    return " ".join(out)


def known_latin(name: str) -> str | None:
    """The usual English spelling of a known name or name word (ترامب → Trump), else None."""
    key = normalize(name, "match")
    known = _ROMANIZATION.get(key) or _DISPLAY_WORDS.get(key)
    if not known:
        return None
    return known if any(c.isupper() for c in known) else known.capitalize()


def _conjunction_and_known(w: str) -> str | None:
    """وأميركيون → "and Americans": a known word behind the conjunction و."""
    known = known_latin(w[1:]) if w.startswith("و") and len(w) > 3 else None
    return f"and {known}" if known else None


def _romanize_word(w: str) -> str:
    prefix = ""
    if w.startswith("ال") and len(w) > 3:
        prefix, w = "al-", w[2:]
    ending = ""
    for arabic, latin in _ENDINGS:
        if w.endswith(arabic) and len(w) > len(arabic) + 1:
            w, ending = w[: -len(arabic)], latin
            break
    out = []
    for i, ch in enumerate(w):
        if ch in "وي" and i > 0 and (i == 1 or w[i - 1] not in "اوي"):
            out.append(("u" if ch == "و" else "i") if i < len(w) - 1 or ending else ("o" if ch == "و" else "i"))
        else:
            out.append(_ROMAN.get(ch, ch))
    word = "".join(out).replace("tsh", "ch") + ending
    return prefix.capitalize() + word.capitalize() if prefix else word.capitalize()


_LONGEST_PHRASE = 4  # words of the longest known phrase (رجب طيب أردوغان)
_ENDINGS = (("ييف", "iev"), ("يف", "ev"), ("وف", "ov"), ("سكي", "ski"), ("ية", "iya"))
