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
Split: pairs are joined into groups through shared names (match-normalized) and a whole
group goes to ``dev`` or ``test`` by a hash of its first name, so no name is on both sides.
Columns: label (same|different), a, b, source, note (English names), split (dev|test).
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
import sys
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

from khabar.arabic import normalize

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

NAMES = SHARED / "data/wikidata_names/names_with_source.tsv"
PER_KIND = 300

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


# Wikidata "same" pairs whose label is wrong, read by hand: new label ("different" or None to
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
}


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


def splits(rows) -> list[str]:
    """dev or test per row: pairs linked by a shared name form a group that stays on one side."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    names = [(normalize(a, "match"), normalize(b, "match")) for _, a, b, _, _ in rows]
    for a, b in names:
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for a, b in names:
        groups[find(a)] += [a, b]
    side = {root: "dev" if hashlib.sha1(min(g).encode()).digest()[0] % 2 == 0 else "test" for root, g in groups.items()}
    return [side[find(a)] for a, _ in names]


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
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["label", "a", "b", "source", "note", "split"])
    out.writerows(row + (split,) for row, split in zip(rows, splits(rows), strict=True))
    print(f"pool: {len(same)} variant pairs, {len(vowel_only)} near misses differing only in "
          f"inner vowels, {len(different)} other near misses", file=sys.stderr)


if __name__ == "__main__":
    main()
