"""Candidate pairs of person names as Arabic news spells them, for reading and labelling by hand.

Usage: python benchmarks/data/build_news_name_pairs.py mine OUT.json
       python benchmarks/data/build_news_name_pairs.py pairs OUT.json > candidates.tsv
       python benchmarks/data/build_news_name_pairs.py pairs-once OUT.json > candidates2.tsv
       python benchmarks/data/build_news_name_pairs.py pairs-two OUT.json > candidates3.tsv
       python benchmarks/data/build_news_name_pairs.py pairs-far OUT.json > candidates5.tsv
       python benchmarks/data/build_news_name_pairs.py pairs-single OUT.json > candidates6.tsv
       python benchmarks/data/build_news_name_pairs.py pairs-single-once OUT.json > candidates7.tsv
       python benchmarks/data/build_news_name_pairs.py pairs-two-initials OUT.json > candidates4.tsv
       PYTHONPATH=src:benchmarks python benchmarks/data/build_news_name_pairs.py pairs-story PIPELINE.db > candidates8.tsv
       PYTHONPATH=src:benchmarks python benchmarks/data/build_news_name_pairs.py pairs-story-second PIPELINE.db > candidates9.tsv
       PYTHONPATH=src:benchmarks python benchmarks/data/build_news_name_pairs.py pairs-story-third PIPELINE.db > candidates10.tsv
       PYTHONPATH=src:benchmarks python benchmarks/data/build_news_name_pairs.py pairs-story-big PIPELINE.db > candidates11.tsv
       PYTHONPATH=src:benchmarks python benchmarks/data/build_news_name_pairs.py pairs-story-biggest PIPELINE.db > candidates12.tsv
       PYTHONPATH=src:benchmarks python benchmarks/data/build_news_name_pairs.py pairs-story-rest PIPELINE.db > candidates13.tsv
       PYTHONPATH=src:benchmarks python benchmarks/data/build_news_name_pairs.py pairs-story-rest2 PIPELINE.db > candidates14.tsv
       PYTHONPATH=src:benchmarks python benchmarks/data/build_news_name_pairs.py pairs-story-rest3 PIPELINE.db > candidates15.tsv
       PYTHONPATH=src:benchmarks python benchmarks/data/build_news_name_pairs.py pairs-story-ninth PIPELINE.db candidates8.tsv ... candidates15.tsv > candidates16.tsv
       PYTHONPATH=src:benchmarks python benchmarks/data/build_news_name_pairs.py unpaired candidates14.tsv test7 > to_read14.tsv

``mine`` runs the shipped tagger over every SaudiNewsNet article (``content``; the corpus is
CC BY-NC-SA 4.0 and is read in place, never copied) and counts the person names (one to three
words) it finds, per outlet. ``pairs`` lists every two names of equal word
count, each seen at least twice, that agree in all words but one after match normalization,
the differing words close in plain spelling (difflib ratio of the letters >= 0.7, an article
on both set aside: a measure that knows nothing of our matcher), so the candidates are chosen
without the judge they will score; ``pairs-once`` does the same for the disjoint pool of pairs
in which a name is seen only once; ``pairs-two`` the third, disjoint pool of names that differ in
exactly two words, each two close as above and beginning with the same letter (the article set
aside: a block that keeps the comparisons few), and ``pairs-two-initials`` the fourth: the same,
but the initials of one of the two words differ; ``pairs-far`` the fifth: names that differ in one
word, as the first two, but whose differing words are farther apart (difflib ratio 0.6 to 0.7);
``pairs-single`` and ``pairs-single-once`` the sixth and seventh: one-word names. ``pairs-story``
draws from the stories of a pipeline database instead (``bench_pipeline.py --db``, all of
SaudiNewsNet): the names the entity merger meets side by side, see :func:`pairs_story`
(``pairs-story-second``, ``pairs-story-third``: a second and a third, disjoint set;
``pairs-story-big`` and ``pairs-story-biggest`` a fourth and a fifth, from bigger stories,
``pairs-story-rest``, ``pairs-story-rest2`` and ``-rest3`` a sixth to an eighth, from what those two left:
:func:`pairs_story_big`; ``pairs-story-ninth`` a ninth, of pairs no earlier draw offered, two new
pools among them: :func:`pairs_story_ninth`). ``unpaired`` drops the story candidates whose names an earlier set
already paired (:func:`unpaired`). Pairs whose words differ only by a clitic (و ب ل) or the
article ال are left out: they are not spelling variants. The labels are
then read by hand into ``news_name_pairs.tsv`` (see README.md there), which keeps no name,
only where one occurrence of each is (``DATE/INDEX:START:END`` in that day's zip, as the
grouping benchmark data does): ``bench_arabic_names.py`` reads the names from the corpus.
"""

from __future__ import annotations

import json
import random
import sys
import zipfile
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from difflib import SequenceMatcher
from functools import cache
from itertools import combinations
from pathlib import Path

from group_snn import story_analyses, story_pointers
from khabar.analyze.entities import find_mentions_many
from khabar.arabic import normalize

ZIPS = Path(__file__).resolve().parents[3] / "shared" / "data" / "saudinewsnet" / "zips"
RATIO = 0.7
FAR_RATIO = 0.6
CLITICS = ("و", "ب", "ل", "ال")


def _people(path: str) -> list[tuple[str, str, str]]:
    """(outlet, surface, where) of every person mention of one to three words in one day's zip."""
    found = []
    date = Path(path).stem
    with zipfile.ZipFile(path) as archive:
        items = json.loads(archive.read(f"{date}.json"))
    texts = [item.get("content") or "" for item in items]
    for index, (item, mentions) in enumerate(zip(items, find_mentions_many([(t, []) for t in texts]), strict=True)):
        for m in mentions:
            if m.type == "PER" and 1 <= len(m.text.split()) <= 3:
                found.append((item.get("source") or "", m.text, f"{date}/{index}:{m.start}:{m.end}"))
    return found


def mine(out: Path) -> None:
    counts: dict[str, Counter] = defaultdict(Counter)
    first: dict[str, str] = {}
    with ProcessPoolExecutor(2) as pool:
        for found in pool.map(_people, sorted(str(p) for p in ZIPS.glob("*.zip"))):
            for outlet, surface, where in found:
                counts[surface][outlet] += 1
                first.setdefault(surface, where)
    names = {surface: {"outlets": outlets, "at": first[surface]} for surface, outlets in counts.items()}
    out.write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")


def _clitic_only(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return any(long_ == c + short for c in CLITICS)


def _ratio(a: str, b: str) -> float:
    """Plain spelling similarity: difflib ratio of the letters, an article on both words set aside;
    0 for words that differ only by a clitic."""
    if a.startswith("ال") and b.startswith("ال"):
        a, b = a[2:], b[2:]
    return 0.0 if _clitic_only(a, b) else SequenceMatcher(None, a, b).ratio()


def _close(a: str, b: str) -> bool:
    return _ratio(a, b) >= RATIO


def _farther(a: str, b: str) -> bool:
    """Less close than the first pools took, not unrelated: FAR_RATIO <= ratio < RATIO."""
    return FAR_RATIO <= _ratio(a, b) < RATIO


def _forms(mined_names: dict, words: tuple[int, ...] = (2, 3)) -> dict[tuple[str, ...], Counter]:
    """Match-normalized words of each mined name of so many words -> its surfaces and how often
    each was seen."""
    forms: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for surface, entry in mined_names.items():
        if len(name := tuple(normalize(surface).split())) in words:
            forms[name][surface] += sum(entry["outlets"].values())
    return forms


def _seen(forms: dict[tuple[str, ...], Counter]) -> dict[tuple[str, ...], int]:
    """How often each name was seen, all its surfaces together."""
    return {name: sum(surfaces.values()) for name, surfaces in forms.items()}


def _print_pairs(found, forms: dict[tuple[str, ...], Counter], mined_names: dict) -> None:
    seen = _seen(forms)
    print("a\tb\tcount_a\tcount_b\tat_a\tat_b")
    for a, b in found:
        surface_a, surface_b = (forms[x].most_common(1)[0][0] for x in (a, b))
        print(f"{surface_a}\t{surface_b}\t{seen[a]}\t{seen[b]}\t"
              f"{mined_names[surface_a]['at']}\t{mined_names[surface_b]['at']}")


def pairs(mined: Path, once: bool = False, far: bool = False) -> None:
    """Candidates of names each seen at least twice or, with ``once``, of names one of which is
    seen only once (a second, disjoint pool from the same corpus); with ``far``, of any names
    whose differing words are farther apart (see :func:`_farther`: a fifth pool)."""
    mined_names = json.loads(mined.read_text(encoding="utf-8"))
    forms = _forms(mined_names)
    seen = _seen(forms)
    anchored: dict[tuple, list[tuple[str, ...]]] = defaultdict(list)  # the other words -> names
    for name in forms:
        if once or far or seen[name] >= 2:
            for i in range(len(name)):
                anchored[(len(name), i, name[:i] + name[i + 1:])].append(name)
    found = []
    for (_, i, _), group in sorted(anchored.items()):
        group.sort()
        for n, a in enumerate(group):
            found.extend((a, b) for b in group[n + 1:] if (_farther(a[i], b[i]) if far else
                         _close(a[i], b[i]) and once == (min(seen[a], seen[b]) < 2)))
    _print_pairs(found, forms, mined_names)


def _initial(w: str) -> str:
    return w[2:3] if w.startswith("ال") and len(w) > 4 else w[:1]


def pairs_single(mined: Path, once: bool = False) -> None:
    """Candidates of one-word person names (a family name alone: ميركل, أوباما), each seen at least
    twice, close as above and of one initial (a sixth pool: the judge has no context here); with
    ``once``, the disjoint seventh pool of such pairs in which one name is seen only once."""
    mined_names = json.loads(mined.read_text(encoding="utf-8"))
    forms = _forms(mined_names, words=(1,))
    seen = _seen(forms)
    blocks: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in forms:
        if once or seen[name] >= 2:
            blocks[_initial(name[0])].append(name)
    found = [(a, b) for group in blocks.values() for a, b in combinations(sorted(group), 2)
             if abs(len(a[0]) - len(b[0])) <= 3 and _close(a[0], b[0]) and once == (min(seen[a], seen[b]) < 2)]
    _print_pairs(sorted(found), forms, mined_names)


def pairs_two(mined: Path, initials_differ: bool = False) -> None:
    """Candidates of names that differ in exactly two words, each two close and of one initial or,
    with ``initials_differ``, one of the two of different initials (a fourth, disjoint pool:
    هولاند / أولاند, جوزيه / خوسيه)."""
    mined_names = json.loads(mined.read_text(encoding="utf-8"))
    forms = _forms(mined_names)
    close = cache(_close)
    found = set()
    for block_on in ((0,) if not initials_differ else (0, 1)):  # which differing word's initial blocks
        blocks: dict[tuple, list[tuple[str, ...]]] = defaultdict(list)  # the same other words and initials
        for name in forms:
            for i, j in combinations(range(len(name)), 2):
                rest = tuple(w for k, w in enumerate(name) if k not in (i, j))
                initials = (_initial(name[i]), _initial(name[j]))
                blocks[(len(name), i, j, rest, initials[block_on] if initials_differ else initials)].append(name)
        for (_, i, j, *_), group in blocks.items():
            other = (j, i)[block_on]
            found.update(tuple(sorted((a, b))) for a, b in combinations(group, 2)
                         if a[i] != b[i] and a[j] != b[j]
                         and (not initials_differ or (_initial(a[other]) != _initial(b[other])
                                                      and abs(len(a[other]) - len(b[other])) <= 3))
                         and close(a[i], b[i]) and close(a[j], b[j]))
    _print_pairs(sorted(found), forms, mined_names)


STORY_ARTICLES = (2, 30)  # stories of so many articles (the biggest would dwarf the rest)
BIGGER_STORIES = (31, 100)  # the second set's own stories
BIG_STORIES = (101, 300)  # the fourth set's: none of the first three sets' stories
BIGGEST_STORIES = (301, 1000)  # the fifth set's
PER_STORY = 4  # candidates drawn from one story at most (twice as many in a bigger story)


def _story_names(pointers: list[str]) -> dict[tuple[str, ...], list[str]]:
    """Each person name (one to three words, match-normalized) of one story -> where it occurs."""
    occurrences: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for where, (_, _, mentions) in story_analyses(pointers).items():
        for m in mentions:
            if m.type == "PER" and 1 <= len(name := tuple(normalize(m.text).split())) <= 3:
                occurrences[name].append(f"{where}:{m.start}:{m.end}")
    return occurrences


def _one_word_apart(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The pools of the first eight story sets: equal word counts, one word different and close
    (one-word names also of one initial and at most three letters apart in length)."""
    differ = [i for i in range(len(a)) if len(a) == len(b) and a[i] != b[i]]
    return len(differ) == 1 and _close(a[differ[0]], b[differ[0]]) and (
        len(a) > 1 or (_initial(a[0]) == _initial(b[0]) and abs(len(a[0]) - len(b[0])) <= 3))


def _two_words_apart(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Names of two or three words that differ in exactly two, each two close (فرانسوا أولاند /
    فرنسوا هولاند)."""
    differ = [i for i in range(len(a)) if len(a) == len(b) and a[i] != b[i]]
    return len(a) > 1 and len(differ) == 2 and all(_close(a[i], b[i]) for i in differ)


def _initials_apart(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One-word names, close, of different initials (أديل / عادل, which the first pools' block on
    the initial never offered)."""
    return len(a) == len(b) == 1 and _initial(a[0]) != _initial(b[0]) and _close(a[0], b[0])


def _story_candidates(pointers: list[str]) -> list[tuple]:
    """Pairs of person names of one story one word apart, with where each occurs."""
    occurrences = _story_names(pointers)
    return [(a, b, occurrences[a], occurrences[b])
            for a, b in combinations(sorted(occurrences), 2) if _one_word_apart(a, b)]


def pairs_story(db: Path, draw: int = 1) -> None:
    """Candidates met in one story: the pairs the entity merger has to tell apart or join, with the
    articles of their story. Draw 1: at most PER_STORY per story of 2 to 30 articles
    (random.seed(20261216)), so that no big story fills the pool. Draw 2, disjoint from it: at most
    PER_STORY more of each such story's candidates the first draw left, and twice PER_STORY of each
    story of 31 to 100 articles (random.seed(20261217)). Draw 3: all that draws 1 and 2 left of those
    stories. The story's articles are printed with each pair (``story``)."""
    rngs = [random.Random(20261216), random.Random(20261217)]
    print("a\tb\tcount_a\tcount_b\tat_a\tat_b\tstory")
    drawn_from = [(pointers, PER_STORY) for pointers in story_pointers(db, STORY_ARTICLES)]
    if draw > 1:
        drawn_from += [(pointers, 2 * PER_STORY) for pointers in story_pointers(db, BIGGER_STORIES)]
    for pointers, most in drawn_from:
        found = _story_candidates(pointers)
        first = 0 if len(pointers) <= STORY_ARTICLES[1] else 1  # bigger stories are drawn from draw 2 on
        for rng in rngs[first:min(draw, 2)]:
            drawn = rng.sample(found, min(most, len(found)))
            found = [c for c in found if c not in drawn]
        _print_story_pairs(found if draw == 3 else drawn, pointers)


def pairs_story_big(db: Path, biggest: bool = False, rest: int = 0) -> None:
    """A fourth set, from stories none of the first three drew from (101 to 300 articles, where
    namesakes and spellings are many): at most three times PER_STORY candidates of each
    (random.seed(20261218)); ``biggest``, a fifth: six times PER_STORY of each story of 301 to
    1,000 articles (random.seed(20261219)). ``rest`` 1, a sixth: of what those two draws left of
    each of their stories (replayed with the same seeds), at most five times PER_STORY
    (random.seed(20261220)); ``rest`` 2, a seventh: as many again of what the sixth left
    (random.seed(20261221)); ``rest`` 3, an eighth: as many again of what the seventh left
    (random.seed(20261222))."""
    print("a\tb\tcount_a\tcount_b\tat_a\tat_b\tstory")
    draws = [(BIG_STORIES, 3, 20261218), (BIGGEST_STORIES, 6, 20261219)]
    rest_rngs = [random.Random(seed) for seed in (20261220, 20261221, 20261222)][:rest]
    for sizes, times, seed in (draws if rest else [draws[biggest]]):
        rng = random.Random(seed)
        for pointers in story_pointers(db, sizes):
            found = _story_candidates(pointers)
            drawn = rng.sample(found, min(times * PER_STORY, len(found)))
            for rest_rng in rest_rngs:
                found = [c for c in found if c not in drawn]
                drawn = rest_rng.sample(found, min(5 * PER_STORY, len(found)))
            _print_story_pairs(drawn, pointers)


NINTH_INITIALS = 150  # the ninth set's share of the one-word pool of different initials


def pairs_story_ninth(db: Path, earlier: list[Path]) -> None:
    """A ninth set, from every story of 2 to 1,000 articles, of pairs no earlier draw offered (the
    ``earlier`` candidate files, as the draws of sets 1 to 8 printed them with the tagger of their
    day): what the one-word-apart pool still holds with this tagger, every pair two words apart
    (:func:`_two_words_apart`), and NINTH_INITIALS pairs of one-word names of different initials
    (:func:`_initials_apart`, random.seed(20261223))."""
    offered = {frozenset(line.split("\t")[:2]) for path in earlier
               for line in path.read_text(encoding="utf-8").splitlines()[1:]}
    pools: dict = {_one_word_apart: [], _two_words_apart: [], _initials_apart: []}
    for pointers in story_pointers(db, (STORY_ARTICLES[0], BIGGEST_STORIES[1])):
        occurrences = _story_names(pointers)
        for a, b in combinations(sorted(occurrences), 2):
            for apart, found in pools.items():
                if frozenset((" ".join(a), " ".join(b))) not in offered and apart(a, b):
                    found.append(((a, b, occurrences[a], occurrences[b]), pointers))
    initials = random.Random(20261223).sample(pools[_initials_apart], min(NINTH_INITIALS, len(pools[_initials_apart])))
    print("a\tb\tcount_a\tcount_b\tat_a\tat_b\tstory")
    for candidate, pointers in pools[_one_word_apart] + pools[_two_words_apart] + initials:
        _print_story_pairs([candidate], pointers)


def _print_story_pairs(drawn: list[tuple], pointers: list[str]) -> None:
    for a, b, at_a, at_b in drawn:
        print(f"{' '.join(a)}\t{' '.join(b)}\t{len(at_a)}\t{len(at_b)}\t{at_a[0]}\t{at_b[0]}\t{' '.join(pointers)}")


def unpaired(candidates: Path, split: str) -> None:
    """The story candidates (``pairs-story*`` output) whose two names no labelled pair of the sets
    before ``split`` in story_name_pairs.tsv already pairs, in any story: what annotators read for
    that split (from test3 on)."""
    from bench_arabic_names import read_pairs  # reads the labelled names from the corpus

    labelled = read_pairs(Path(__file__).with_name("story_name_pairs.tsv"))
    earlier = labelled[:next((i for i, r in enumerate(labelled) if r["split"] == split), len(labelled))]
    paired = {frozenset((normalize(r["a"]), normalize(r["b"]))) for r in earlier}
    lines = candidates.read_text(encoding="utf-8").splitlines()
    print(lines[0])
    for line in lines[1:]:
        if frozenset(line.split("\t")[:2]) not in paired:
            print(line)


if __name__ == "__main__":
    if sys.argv[1] == "unpaired":
        sys.exit(unpaired(Path(sys.argv[2]), sys.argv[3]))
    {"mine": mine, "pairs": pairs, "pairs-once": lambda p: pairs(p, once=True),
     "pairs-two": pairs_two, "pairs-two-initials": lambda p: pairs_two(p, initials_differ=True),
     "pairs-far": lambda p: pairs(p, far=True), "pairs-single": pairs_single,
     "pairs-single-once": lambda p: pairs_single(p, once=True), "pairs-story": pairs_story,
     "pairs-story-second": lambda p: pairs_story(p, draw=2),
     "pairs-story-third": lambda p: pairs_story(p, draw=3), "pairs-story-big": pairs_story_big,
     "pairs-story-biggest": lambda p: pairs_story_big(p, biggest=True),
     "pairs-story-rest": lambda p: pairs_story_big(p, rest=1),
     "pairs-story-rest2": lambda p: pairs_story_big(p, rest=2),
     "pairs-story-rest3": lambda p: pairs_story_big(p, rest=3),
     "pairs-story-ninth": lambda p: pairs_story_ninth(p, [Path(a) for a in sys.argv[3:]])}[sys.argv[1]](Path(sys.argv[2]))
