"""Name matching that ignores case, accents, script and common transliteration variants."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# Russian and Ossetian Cyrillic, and Georgian Mkhedruli, to plain Latin letters. The keys only
# serve matching, so the table picks one spelling where transliteration systems differ; the
# folding in `name_key` then merges the usual variants (y/i, yo/e, double letters).
_TRANSLITERATION: Final = {
    # Cyrillic
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ӕ": "ae", "æ": "ae", "і": "i",
    # Georgian (Mkhedruli), national system without apostrophes
    "ა": "a", "ბ": "b", "გ": "g", "დ": "d", "ე": "e", "ვ": "v", "ზ": "z", "თ": "t",
    "ი": "i", "კ": "k", "ლ": "l", "მ": "m", "ნ": "n", "ო": "o", "პ": "p", "ჟ": "zh",
    "რ": "r", "ს": "s", "ტ": "t", "უ": "u", "ფ": "p", "ქ": "k", "ღ": "gh", "ყ": "q",
    "შ": "sh", "ჩ": "ch", "ც": "ts", "ძ": "dz", "წ": "ts", "ჭ": "ch", "ხ": "kh", "ჯ": "j",
    "ჰ": "h",
}  # fmt: skip
_TABLE: Final = str.maketrans(_TRANSLITERATION)
_NOT_WORD: Final = re.compile(r"[^a-z0-9]+")
_DOUBLE: Final = re.compile(r"([a-z])\1")


def name_key(text: str) -> str:
    """Reduce a name to a key that equal names in any case, accent or script share.

    The key is lowercase ASCII words separated by single spaces: Cyrillic and Georgian are
    transliterated, accents dropped, punctuation removed, `y` folded into `i` and doubled
    letters into one, so that "Кокойты", "Kokoity" and "KOKOITY" share a key.

    Args:
        text: Any name.

    Returns:
        The matching key; empty if the name has no letters or digits.
    """
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_TABLE)
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode("ascii")
    words = _NOT_WORD.sub(" ", ascii_text).strip()
    return _DOUBLE.sub(r"\1", words.replace("y", "i"))
