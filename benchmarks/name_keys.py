"""How well name keys match spelling variants across scripts, and how rarely they false-match.

For each public name-variant dataset (see the folder's README.md) and each key function, it
prints the recall (share of variant pairs whose two sides get the same non-empty key) and the
false-match rate (share of random cross pairings of different names whose keys are equal),
then a pass/fail table of Rollbook's own hand-written examples. Run from the project root:

    .venv/bin/python benchmarks/name_keys.py [--names-dir ../shared/data/names]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from anyascii import anyascii

from report import print_table
from rollbook.model.name_keys import loose_key, romanise, word_key

Pair = tuple[str, str]
KeyFunction = Callable[[str], str]

_SEED = 20240501
_RANDOM_PAIRS = 200_000
_NOT_LETTER = re.compile(r"[^a-z]+")


def _anyascii_fold(word: str) -> str:
    return _NOT_LETTER.sub("", anyascii(word).lower())


def _key_functions() -> dict[str, KeyFunction]:
    """The keys compared: the anyascii baseline, rigour's if installed, and Rollbook's."""
    functions: dict[str, KeyFunction] = {"anyascii": _anyascii_fold}
    try:
        from rigour.text.phonetics import metaphone
        from rigour.text.translit import ascii_text
    except ImportError:
        print("rigour is not installed: its columns are left out", file=sys.stderr)
    else:

        def rigour_ascii(word: str) -> str:
            return _NOT_LETTER.sub("", ascii_text(word).lower())

        def rigour_metaphone(word: str) -> str:
            return metaphone(rigour_ascii(word))

        functions["rigour ascii"] = rigour_ascii
        functions["rigour metaphone"] = rigour_metaphone
    functions["rollbook romanise"] = romanise
    functions["rollbook word_key"] = word_key
    functions["rollbook loose_key"] = lambda word: loose_key(word_key(word))
    return functions


def _read_wikidata(path: Path) -> list[Pair]:
    """Pairs of "latin<TAB>l e t t e r s<TAB>count" lines: (Latin, other script)."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 2 and fields[0] and fields[1]:
            pairs.append((fields[0], fields[1].replace(" ", "")))
    return pairs


def _read_ar2en(path: Path) -> list[Pair]:
    """Pairs of "arabic<TAB>english" lines, returned as (English, Arabic)."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) == 2 and fields[0] and fields[1]:
            pairs.append((fields[1], fields[0]))
    return pairs


def _random_cross_pairs(pairs: Sequence[Pair], count: int) -> list[Pair]:
    """``count`` pairings of one pair's Latin side with another pair's other side.

    Pairings whose two Latin sides are equal are skipped: they are the same name.
    """
    rng = random.Random(_SEED)
    crossed: list[Pair] = []
    while len(crossed) < count:
        first, second = rng.choice(pairs), rng.choice(pairs)
        if first[0] != second[0]:
            crossed.append((first[0], second[1]))
    return crossed


def _agree(key: KeyFunction, pair: Pair) -> bool:
    left = key(pair[0])
    return bool(left) and left == key(pair[1])


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.2f} %"


def _measure(title: str, pairs: Sequence[Pair], functions: dict[str, KeyFunction]) -> None:
    crossed = _random_cross_pairs(pairs, _RANDOM_PAIRS)
    lines = [["key", "recall", "false-match", "seconds"]]
    for name, key in functions.items():
        start = time.perf_counter()
        recall = sum(_agree(key, pair) for pair in pairs)
        false = sum(_agree(key, pair) for pair in crossed)
        seconds = time.perf_counter() - start
        lines.append(
            [name, _percent(recall, len(pairs)), _percent(false, len(crossed)), f"{seconds:.1f}"]
        )
    print_table(f"{title}: {len(pairs):,} pairs, {len(crossed):,} random cross pairs", lines)


# Rollbook's own examples: groups of spellings that must share a key, and pairs of different
# names that must not. The names are generic or common ones, not taken from any casualty list.
_SAME: tuple[tuple[str, ...], ...] = (
    ("Məmmədov", "Mammadov", "Mamedov", "Мамедов", "Mammedov"),
    ("Hüseynov", "Huseynov", "Guseynov", "Гусейнов", "Guseinov"),
    ("Hovhannisyan", "Ovanesyan", "Оганесян", "Հովհաննիսյան", "Hovannisian"),
    ("Həsənov", "Hasanov", "Гасанов", "Gasanov"),
    ("Əliyev", "Aliyev", "Aliev", "Алиев"),
    ("Musayev", "Musaev", "Мусаев"),
    ("İsmayılov", "Ismayilov", "Исмаилов", "Ismailov"),
    ("Cəfərov", "Jafarov", "Джафаров", "Dzhafarov"),
    ("Xəlilov", "Khalilov", "Халилов"),
    ("Qasımov", "Gasymov", "Гасымов", "Qasimov"),
    ("Şahin", "Shahin", "Шахин"),
    ("Çingiz", "Chingiz", "Чингиз"),
    ("Ümid", "Umid", "Умид"),
    ("Əhməd", "Ahmad", "Ахмед", "احمد"),
    ("Əli", "Ali", "Али", "علي"),
    ("Muhammad", "Mohammed", "محمد"),
    ("Hakobyan", "Akopyan", "Акопян", "Հակոբյան", "Hakopian"),
    ("Harutyunyan", "Arutyunyan", "Арутюнян", "Հարությունյան"),
    ("Hambardzumyan", "Ambartsumyan", "Амбарцумян", "Համբարձումյան"),
    ("Voskanyan", "Восканян", "Ոսկանյան"),
    ("Gevorgyan", "Геворгян", "Գևորգյան", "Gevorkyan"),
    ("Petrosyan", "Петросян", "Պետրոսյան", "Petrosian"),
    ("Ohanyan", "Оганян", "Օհանյան"),
    ("Beridze", "Беридзе", "ბერიძე"),
    ("Kapanadze", "Капанадзе", "კაპანაძე"),
    ("Gelashvili", "Гелашвили", "გელაშვილი", "Gelaschwili"),
    ("Tsiklauri", "Циклаури", "წიკლაური"),
    ("Elvin", "Эльвин"),
    ("Sergey", "Сергей", "Sergei"),
)
_APART: tuple[Pair, ...] = (
    ("Hüseynov", "Həsənov"),
    ("Гусейнов", "Гасанов"),
    ("Məmmədov", "Mahmudov"),
    ("Əliyev", "Vəliyev"),
    ("Quliyev", "Əliyev"),
    ("Kərimov", "Qurbanov"),
    ("Hovhannisyan", "Harutyunyan"),
    ("Petrosyan", "Poghosyan"),
    ("Beridze", "Bezhanidze"),
    ("Elvin", "Elnur"),
    ("Hacıyev", "Xocayev"),
)
_CANNOT: tuple[str, ...] = ("佐藤", "", "—", "12", "E.")


def _examples() -> None:
    lines = [["example", "romanise", "word_key", "result"]]
    for group in _SAME:
        keys = {word_key(word) for word in group}
        ok = len(keys) == 1 and "" not in keys
        for word in group:
            lines.append([word, romanise(word), word_key(word), "pass" if ok else "FAIL"])
    print_table("Hand-written examples: each group must share one non-empty key", lines)
    lines = [["pair", "keys", "result"]]
    for left, right in _APART:
        ok = word_key(left) != word_key(right)
        keys = f"{word_key(left)} / {word_key(right)}"
        lines.append([f"{left} / {right}", keys, "pass" if ok else "FAIL (known)"])
    for word in _CANNOT:
        lines.append([repr(word), repr(word_key(word)), "pass" if not word_key(word) else "FAIL"])
    print_table("Hand-written examples: different names apart, no key from the unreadable", lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--names-dir",
        type=Path,
        default=Path(__file__).resolve().parents[2] / "shared" / "data" / "names",
        help="folder with wd_russian_80, wd_arabic_80 and ar2en-train.txt",
    )
    args = parser.parse_args()
    folder: Path = args.names_dir
    files = {name: folder / name for name in ("wd_russian_80", "wd_arabic_80", "ar2en-train.txt")}
    missing = [str(path) for path in files.values() if not path.is_file()]
    if missing:
        sys.exit(f"name-variant data not found: {', '.join(missing)} (see --names-dir)")
    functions = _key_functions()
    _measure("wd_russian_80 (Latin / Cyrillic)", _read_wikidata(files["wd_russian_80"]), functions)
    _measure("wd_arabic_80 (Latin / Arabic)", _read_wikidata(files["wd_arabic_80"]), functions)
    _measure("ar2en-train (English / Arabic)", _read_ar2en(files["ar2en-train.txt"]), functions)
    _examples()


if __name__ == "__main__":
    main()
