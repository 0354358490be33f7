"""Build the name-pair test set: spelling variants of one name, and near-miss different names.

Usage: python benchmarks/data/build_name_pairs.py > benchmarks/data/name_pairs.tsv

Sources (all redistributable):
- ``wikidata``: ../shared/data/wikidata_names (CC0 Wikidata person-name tokens and
  Apache-2.0 Wikipedia-mined name tokens). Variants: one English name written two ways
  in Arabic (alignment noise filtered by spelling similarity). Near misses: Arabic
  spellings one edit apart (or equal once inner vowels are dropped) whose English names
  differ (string similarity below 0.7) and share no romanization. Half of them (source
  ``wikidata-vowels``) differ only in inner long vowels: a stress set, since foreign-name
  variants differ in exactly that way too (كاريموف / كريموف is one name, كركي / كيركي two).
- ``news``: pairs written by hand from the seed articles and common news names,
  including Arabic given names that differ only by a long vowel (حسن / حسين).
- ``newsfane``: person and place tokens of NewsFANE (CC BY-SA 3.0, Alotaibi & Lee 2014)
  that a greedy key grouped, labelled by hand: the near misses real text produces.
Labels of the sampled Wikidata variants were read one by one: ``RELABEL`` lists the pairs
whose "one English name" label is wrong (two different Arabic names aligned to one English
word, truncated or mis-aligned tokens); they are relabelled or dropped, with the reason.
Split: ``dev`` holds the hand-written pairs and the first Wikidata sample (developed against);
``test`` is a second Wikidata sample of pairs that share no name with dev (match-normalized),
plus NewsFANE tokens unseen in dev paired by spelling similarity (real-text near misses),
read for labels before any matcher ran on them, and scored once.
Columns: label (same|different), a, b, source, note (English names), split (dev|test).
"""

from __future__ import annotations

import csv
import random
import re
import sys
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

from khabar.arabic import normalize

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

NAMES = SHARED / "data/wikidata_names/names_with_source.tsv"
NEWSFANE = SHARED / "data/newsfane/NewsFANE_Gold_2014_170K.txt"
# NewsFANE fine classes of people, groups and places mined for held-out near misses.
NEWSFANE_CLASSES = ("Politician", "Person", "Nation", "Population-Center", "Athlete", "Artist", "Businessman",
                    "Scientist", "Religious", "Group", "Continent", "State-or-Province", "County", "Land-Region",
                    "Water", "Police", "Engineer", "Lawyer", "Other")
NEWSFANE_TEST_PAIRS = 200
PER_KIND = 300  # dev: Wikidata variants; half as many near misses of each kind
TEST_SEED, TEST_SAME, TEST_DIFFERENT = 20261123, 230, 120  # held-out test, names unseen in dev

NEWS_SAME = """دارتشييف دارشييف|دارتشييف دارشيف|دارشييف دارشيف|ترامب ترمب|أمريكا أميركا|إسطنبول اسطنبول|
ديميترييف دميترييف|زيلينسكي زيلينسكى|زيلينسكي زيلنسكي|بيسكوف بسكوف|نتنياهو نتانياهو|بلينكن بلينكين|
بوتين بوتن|فلاديمير فلاديمر|سيرغي سيرجي|غوغل جوجل|غرينلاند جرينلاند|بايدن بايدين|شولتس شولتز|
ميركل ميركيل|جونسون جونسن|ماكرون ماكرن|كيريل كيرل|ويتكوف ويتكوف|لافروف لافروڤ|أوكرانيا اوكرانيا|
ديمتري دميتري|دميتري دميتريي|كولتر كولتير|بومبيو بومبيوو|ستيف ستيڤ|أردوغان أردوجان|ميدفيديف مدفيديف|
هاريس هارس|إيلون ايلون|ماسك مسك|زاخاروفا زخاروفا|غوتيريش غوتيريس|بوريل بوريلّ|روته روتة|شويغو شويجو"""
NEWS_DIFFERENT = """حسن حسين|سعد سعيد|محمد محمود|حامد حميد|كمال كامل|جمال جميل|سالم سليم|سلمان سليمان|
عمر عمار|عمر عامر|راشد رشيد|ناصر نصر|مجيد ماجد|حمد حماد|سعود سعد|كريم كرم|نبيل نبيلة|فهد فهيد|
خالد خليل|مراد مريد|بول بيل|جون جان|ماري ماريا|كارل كارلو|مارك ماركو|إيفانوف إيفانوفا|بيتر بيترا|
سيمون سيمونا|نيكول نيكولا|دارتشييف ديميترييف|روبيو روبي|بروس بروسك|ترامب ترامبل|لافروف لافرينوف|
بوتين بوتان|كيم كيمي|دان دين|تامي تومي|سوناتا سوناتي|بيسكوف بيسكو"""

# From NewsFANE (CC BY-SA 3.0) person and place tokens that an early, too greedy key put
# together; labelled by hand.
NEWSFANE_SAME = """هوانج هوانغ|كونج كونغ|فرانسيسكو فرنسيسكو|امريكا اميركا|وانج وانغ|تشارلز شارلز|ريجيف ريغيف|
سيرجي سيرغي|الرحمان الرحمن|بيداوا بيدوا|استنبول اسطنبول|فيرجسون فيرغسون|فيرغسون فيرغوسن|انتوني انطوني|
كوناري كونري|زيورخ زيوريخ|كندي كنيدي|خوسي خوسيه|تييري تيري|اولمرت اولميرت|شينج شينغ|هونج هونغ"""
NEWSFANE_DIFFERENT = """الشيشان الصين|مدني مدينة|قرية كاري|تانغ تونج|تايوان تيانين|توني تيني|لندن ليندون|
بيرت بيروت|سوريا سويسرا|ارون ايران|الامارات اولمرت|ساتو سايتو|رانيا ريينا|فاولر فيلار|الولايات ايلات|
انان اوين|اثيوبيا اسبا|رئيسة روسي|جنين جيان|درويش دوريس|المامون اليمن|باريس بوريس|ابيب ايوب|الاسد السويد|
سميث سياميس|شارون شيرين|فينس فينوس|بالاك بليك|كامينين كومان|الزرقاوي الشرقاوي|السورية الصويرة|
الان اليونان|المالكي المملكة|الساعدي السعودية|كارلس كارلوس|بابلو باولو|القوقاز اليكس|جاليلي جولي|كراوتش كروز"""


# Wikidata "same" pairs (dev and test samples) whose label is wrong, read by hand: new label ("different" or None to
# drop the pair) and why. Documented in benchmarks/data/README.md.
RELABEL = {
    ("داهر", "طاهر"): ("different", "two Arabic names (Dahir, Tahir) aligned to one English word"),
    ("راشد", "رشيد"): ("different", "two Arabic given names (Rashid, Rashed)"),
    ("واحد", "وحيد"): ("different", "'one' and the name Wahid"),
    ("حسني", "حصني"): ("different", "two Arabic names (Husni, Hisni)"),
    ("رابعة", "ربيعة"): ("different", "two Arabic given names (Rabia, Rabiea)"),
    ("أميرة", "عميرة"): ("different", "two Arabic given names (Amira, Umaira)"),
    ("رابح", "رباح"): ("different", "two Arabic given names (Rabih, Rabah)"),
    ("الهيبة", "هبة"): ("different", "two Arabic words (al-Haiba, Hiba)"),
    ("أتشياما", "يوشياما"): ("different", "two Japanese names (Uchiyama, Yoshiyama)"),
    ("ساف", "سبكمساف"): (None, "token mis-aligned (Sobekemsaf)"),
    ("كارل", "كارلهاينز"): (None, "token mis-aligned (Karlheinz)"),
    ("ندلاند", "وندلاند"): (None, "truncated token"),
    ("اين", "واين"): (None, "truncated token"),
    ("راف", "رافو"): (None, "truncated token"),
    ("ماكولا", "ماكولوغ"): (None, "truncated token"),
    ("يي", "ييب"): (None, "truncated token"),
    ("ت.", "تي."): (None, "an initial, not a name"),
    ("بلانش", "بلانكا"): (None, "two forms of a name (Blanche, Blanca), not spellings of one"),
    ("بلانشي", "بلانكا"): (None, "two forms of a name (Blanche, Blanca), not spellings of one"),
    ("الحسن", "السان"): (None, "Arabic cognate (al-Hasan) of Alassane, not a spelling of it"),
    ("هيندسن", "هينسون"): (None, "two names (Hindsen, Hinson)"),
    ("يانسون", "يانسينس"): (None, "two names (Janson, Janssens)"),
    ("حيدر", "هايدر"): (None, "Arabic Haidar and German Haider: ambiguous"),
    ("أيان", "عيان"): (None, "ambiguous (Ayan, 'Ayyan)"),
    ("رجا", "رجاء"): (None, "ambiguous (Raja, Raja')"),
    ("عبد", "عبدول"): (None, "a name word and a spelling of Abdul"),
    ("لوبوف", "ليبويوف"): (None, "two names (Lyubov, Leboeuf)"),
    ("العريف", "عارف"): (None, "two Arabic words (al-Arif, Arif)"),
    ("جينتنر", "غنتر"): (None, "two names (Gentner, Gunter)"),
    ("هانس", "هاينس"): (None, "two names (Hans, Heinz/Haines)"),
    ("خضر", "خيضر"): (None, "two Arabic names (Khidr, Khaidar)"),
    ("برنغاريا", "برينغيلا"): (None, "test: two forms of a name (Berengaria, Berenguela)"),
    ("إيفيلاند", "ليفيلاند"): (None, "test: mis-aligned token"),
    ("بريت", "بريتو"): (None, "test: two names (Brett, Brito)"),
    ("الصيدوني", "سيدون"): (None, "test: a nisba (al-Saidouni) and a place (Sidon)"),
    ("لويت", "ليفيت"): (None, "test: ambiguous (Lewitt, Levitt)"),
    ("هوسرل", "هوسل"): (None, "test: truncated token"),
    ("آية", "أيا"): (None, "test: Arabic Aya and Japanese Aya"),
    ("محرمة", "مهرماه"): (None, "test: an Arabic word and a Turkish name"),
    ("دقنة", "ديقنا"): (None, "test: ambiguous (Digna as an Arabic name)"),
    ("مارينو", "مارينيو"): (None, "test: two names (Marino, Marinho)"),
    ("باطرفي", "طرفي"): (None, "test: two Arabic names (Batarfi, Tarfi)"),
    ("سوكر", "سيغور"): (None, "test: mis-aligned token"),
    ("بورتين", "بيرتون"): (None, "test: two names (Portin, Burton)"),
    ("إسماعيل", "إشمايل"): (None, "test: two forms of a name (Ismail, Ishmael)"),
    ("الأخضر", "لخضر"): (None, "test: an Arabic word and its Maghrebi name form"),
    ("كولمان", "كوهلمان"): (None, "test: two names (Coleman, Kuhlmann)"),
    ("الهمذاني", "همداني"): (None, "test: two Arabic nisbas (al-Hamadhani, Hamdani)"),
    ("أشا", "عشا"): (None, "test: an Arabic word and a name"),
    ("ليتيليير", "يتيليه"): (None, "test: truncated token"),
    ("سزوك", "سوك"): (None, "test: truncated token"),
    ("مارت", "مارثا"): (None, "test: two forms of a name (Marthe, Martha)"),
    ("إريش", "إريك"): (None, "test: two names (Erich, Erik)"),
    ("أوريانا", "أوريلانا"): (None, "test: two names (Oriana, Orellana)"),
    ("فري", "فريج"): (None, "test: mis-aligned token"),
    ("فلورنس", "فلورنسا"): (None, "test: a given name and the city (Florence, Firenze)"),
    ("بلد", "بلود"): (None, "test: an Arabic word and a name"),
    ("بانك", "بونك"): (None, "test: two names (Bank, Bunke)"),
}


# Held-out NewsFANE pairs (mined by spelling similarity, see newsfane_test) are different
# names unless listed here: read by hand, "same" or None (dropped: inflections of one
# word such as الصينيون / الصينيين, truncated or unclear tokens).
NEWSFANE_TEST_LABELS = {
    ("اندرياس", "اندريس"): "same",
    ("جيانلوكا", "غانلوكا"): "same",
    ("قوانغ", "كوانغ"): "same",
    ("عبدال", "عبدالحق"): None,
    ("اميركيون", "اميركيين"): None,
    ("الامريكيون", "الاميركيين"): None,
    ("الصينيون", "الصينيين"): None,
    ("اسرائيل", "سرائيل"): None,
    ("الاسلامي", "الاسلاميين"): None,
    ("افلسطينيين", "للفلسطينيين"): None,
    ("المغاربة", "المغربي"): None,
    ("الشيوعيون", "الشيوعيين"): None,
    ("الاسلامي", "الاسلامية"): None,
    ("العراق", "العراقي"): None,
    ("عراقيان", "للعراقيين"): None,
    ("القحطانيون", "القحطانيين"): None,
    ("اوغو", "هوغو"): None,
    ("جايلي", "جيولي"): None,
    ("بوادي", "بوداي"): None,
    ("بوسريف", "بوشريف"): None,
    ("ليستير", "يستي"): None,
    ("لعال", "هلال"): None,
    ("عادل", "لعال"): None,
    ("الفيوم", "اليو"): None,
}


def newsfane_test(seen: set[str]):
    """Held-out pairs from NewsFANE entity tokens unseen in dev: similar spellings (difflib
    ratio ≥ 0.75, the article on both or neither), a seeded sample, labelled by hand."""
    tokens = set()
    with NEWSFANE.open(encoding="utf-8-sig") as f:
        for line in f:
            parts = line.replace("\u200e", "").strip().split("\t")
            if len(parts) == 2 and parts[1] != "O" and any(c in parts[1] for c in NEWSFANE_CLASSES):
                w = normalize(parts[0], "match")
                if len(w) >= 4 and re.fullmatch(r"[\u0621-\u064a]+", w):
                    tokens.add(w)
    words = sorted(tokens - seen)
    candidates = [(a, b) for i, a in enumerate(words) for b in words[i + 1:]
                  if abs(len(a) - len(b)) <= 2 and a.startswith("ال") == b.startswith("ال")
                  and SequenceMatcher(None, a, b).ratio() >= 0.75]
    random.Random(7).shuffle(candidates)
    for a, b in candidates[:NEWSFANE_TEST_PAIRS]:
        label = NEWSFANE_TEST_LABELS.get((a, b), "different")
        if label:
            yield label, a, b, "newsfane", ""


def pairs(spec: str, label: str, source: str = "news"):
    for item in spec.replace("\n", "").split("|"):
        a, b = item.split()
        yield label, a, b, source, ""


def relabelled(rows):
    """The sampled Wikidata variants with the hand corrections of ``RELABEL`` applied."""
    for label, a, b, source, note in rows:
        new, _why = RELABEL.get((a, b), (label, ""))
        if new:
            yield new, a, b, source, note


def unseen(pool, seen: set[str]):
    """Pairs of the pool that share no name with the dev pairs."""
    return [p for p in pool if normalize(p[1], "match") not in seen and normalize(p[2], "match") not in seen]


def skeleton(word: str) -> str:
    w = normalize(word, "key")
    return w[:1] + re.sub(r"[اوي]", "", w[1:-1]) + w[-1:] if len(w) > 2 else w


def main() -> None:
    rng = random.Random(20250410)
    by_en: dict[str, set[str]] = defaultdict(set)
    by_ar: dict[str, set[str]] = defaultdict(set)
    with NAMES.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["type"] in ("person", "name") and " " not in row["arabic"]:
                by_en[row["english"].lower()].add(row["arabic"])
                by_ar[row["arabic"]].add(row["english"].lower())
    same = []
    for en, spellings in sorted(by_en.items()):
        s = sorted(spellings)
        for i, a in enumerate(s):
            for b in s[i + 1:]:
                ka, kb = normalize(a, "key"), normalize(b, "key")
                if ka == kb or ka.removeprefix("ال") == kb.removeprefix("ال"):
                    continue
                if SequenceMatcher(None, ka, kb).ratio() >= 0.6:
                    same.append(("same", a, b, "wikidata", en))
    different = []
    words = sorted(w for w in by_ar if len(normalize(w, "key")) >= 4)
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    by_deletion: dict[str, list[str]] = defaultdict(list)
    for w in words:
        by_skeleton[skeleton(w)].append(w)
        k = normalize(w, "key")
        for i in range(len(k)):
            by_deletion[k[:i] + k[i + 1:]].append(w)
        by_deletion[k].append(w)
    candidates = set()
    for group in list(by_skeleton.values()) + list(by_deletion.values()):
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if normalize(a, "key") != normalize(b, "key"):
                    candidates.add(tuple(sorted((a, b))))
    vowel_only = []
    for a, b in sorted(candidates):
        if by_ar[a] & by_ar[b]:
            continue
        if max(SequenceMatcher(None, x, y).ratio() for x in by_ar[a] for y in by_ar[b]) < 0.7:
            note = f"{min(by_ar[a])} / {min(by_ar[b])}"
            pool = vowel_only if skeleton(a) == skeleton(b) else different
            pool.append(("different", a, b, "wikidata-vowels" if pool is vowel_only else "wikidata", note))
    rows = list(pairs(NEWS_SAME, "same")) + list(pairs(NEWS_DIFFERENT, "different"))
    rows += list(pairs(NEWSFANE_SAME, "same", "newsfane")) + list(pairs(NEWSFANE_DIFFERENT, "different", "newsfane"))
    rows += relabelled(rng.sample(same, min(PER_KIND, len(same))))
    rows += rng.sample(vowel_only, min(PER_KIND // 2, len(vowel_only)))
    rows += rng.sample(different, min(PER_KIND // 2, len(different)))
    seen = {normalize(w, "match") for row in rows for w in row[1:3]}
    fresh = random.Random(TEST_SEED)
    test = list(relabelled(fresh.sample(unseen(same, seen), TEST_SAME)))
    test += fresh.sample(unseen(vowel_only, seen), TEST_DIFFERENT // 2)
    test += fresh.sample(unseen(different, seen), TEST_DIFFERENT)
    test += newsfane_test(seen)
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["label", "a", "b", "source", "note", "split"])
    out.writerows(row + ("dev",) for row in rows)
    out.writerows(row + ("test",) for row in test)
    print(f"pool: {len(same)} variant pairs, {len(vowel_only)} near misses differing only in "
          f"inner vowels, {len(different)} other near misses", file=sys.stderr)


if __name__ == "__main__":
    main()
