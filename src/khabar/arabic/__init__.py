"""The Arabic language layer shared by every stage: no stage normalizes on its own."""

from khabar.arabic.dates import DateHit, find_dates, parse_date
from khabar.arabic.names import name_key, person_key, romanize, same_name
from khabar.arabic.normalize import fold, normalize, normalize_map, original_span
from khabar.arabic.numbers import NumberHit, find_numbers
from khabar.arabic.stem import STOPWORDS, stem
from khabar.arabic.tokens import Token, split_sentences, token_norms, token_starts, tokenize

__all__ = [
    "STOPWORDS",
    "DateHit",
    "NumberHit",
    "Token",
    "find_dates",
    "find_numbers",
    "fold",
    "name_key",
    "normalize",
    "normalize_map",
    "original_span",
    "parse_date",
    "person_key",
    "romanize",
    "same_name",
    "split_sentences",
    "stem",
    "token_norms",
    "token_starts",
    "tokenize",
]
