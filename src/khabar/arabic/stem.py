"""A light stemmer for matching and indexing, and the stop words.

Light stemming (in the spirit of Larkey's light10): strip the conjunction و, the
article forms (ال وال بال كال فال لل), and one common suffix, with guards so that names
survive. Compared on 2,000 NewsFANE entity tokens and 5,000 other words (see
docs/bench/arabic.md, benchmarks/bench_arabic_stem.py): NLTK's ISRI stemmer reduces to
roots and mangles names (واشنطن → شنط, بوتين → بوت); tashaphyne's light stemmer keeps
more but still cuts names (بوتين → وت, واشنطن → اشنطن) and is several times slower.
We need names intact (entities are matched on stems) and speed (every token of every
article), hence our own: known names (a shipped list of places and person names) keep
their letters, and lone prepositions (ب ك ل) come off only when what remains is a name.
"""

from __future__ import annotations

from pathlib import Path

from khabar.arabic.normalize import normalize

_RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "arabic_names"

STOPWORDS = frozenset(normalize(w) for w in (
    "في من على إلى الى عن مع أن إن أنه أنها إنه أو ثم قد لا لم لن ما ماذا هذا هذه ذلك تلك هؤلاء التي "
    "الذي الذين اللذين اللتين بين بعد قبل كان كانت يكون تكون كانوا عند كما حتى إذا لكن بل وقد وكان "
    "وفي ومن هو هي هم هما نحن أنا كل أي أيضا فيما منذ خلال حول عليه عليها فيه فيها منه منها له لها "
    "لهم به بها وهو وهي ولا وأن كذلك حيث غير دون ضد لدى نحو إلا وإن ومع وعلى وإلى الا"
).split())


def _known_names() -> frozenset[str]:
    words = set()
    for name in ("keep_whole.txt", "native_names.txt", "romanization.tsv"):
        for line in (_RESOURCES / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                words.add(normalize(line.split("\t")[0], "match"))
    return frozenset(words)


KNOWN_NAMES = _known_names()
# Frequent words whose و belongs to the word (وزير is not و + زير).
_WAW_WORDS = tuple(normalize(w) for w in (
    "وزير وزار وزراء وطن وقت وقف وضع وصل وفد وفا وجه وجود ولاي ولد واقع وثيق وكال وسط وحد ودي ورق وزن "
    "وعد وحي وفق وقع ورد وسائل وسيل واجب واضح واسع وارد وظيف وقود ولي"
).split())
_ARTICLES = ("وال", "فال", "بال", "كال", "لل", "ال")
_SUFFIXES = ("هما", "تين", "تان", "ها", "ان", "ات", "ون", "ين", "يه", "ية", "هم", "ه", "ة", "ي")


def stem(word: str) -> str:
    """Strip a conjunction, an article and one suffix, keeping at least three letters and known names."""
    w = normalize(word)
    if w in KNOWN_NAMES or len(w) < 4:
        return w
    if w[0] in "وف" and not w.startswith(("وال", "فال")):
        rest = w[1:]
        if rest in KNOWN_NAMES:
            return rest
        if w[0] == "و" and not w.startswith(_WAW_WORDS):  # و is a conjunction, ف often a root letter
            w = rest
    for article in _ARTICLES:
        if w.startswith(article) and len(w) - len(article) >= 3:
            rest = w[len(article):]
            if article == "لل" and "ال" + rest in KNOWN_NAMES or rest in KNOWN_NAMES:
                return "ال" + rest if "ال" + rest in KNOWN_NAMES else rest
            w = rest
            break
    else:
        if w[0] in "بكل" and w[1:] in KNOWN_NAMES:
            return w[1:]
    if w in KNOWN_NAMES:
        return w
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w
