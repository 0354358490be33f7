"""The Arabic language layer shared by every stage: no stage normalizes on its own."""

from khabar.arabic.names import name_key, romanize
from khabar.arabic.normalize import normalize, normalize_map
from khabar.arabic.stem import STOPWORDS, stem
from khabar.arabic.tokens import Token, split_sentences, tokenize

__all__ = [
    "STOPWORDS",
    "Token",
    "name_key",
    "normalize",
    "normalize_map",
    "romanize",
    "split_sentences",
    "stem",
    "tokenize",
]
