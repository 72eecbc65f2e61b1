#!/usr/bin/env python3
"""Redo the mechanical normalisation of the source article (see data/README.md).

Reads the fixture copy of the article, tests/fixtures/source-article.txt,
and prints the normalised headline and body paragraphs, one paragraph per
line, with a count of every change on stderr. Each fix asserts how often it
applies, so a changed fixture is noticed rather than silently mis-cleaned.

Usage (from the repository root):  python3 data/tools/normalise.py
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "tests" / "fixtures" / "source-article.txt"

# Step 1: a pinyin annotation is "(" + one or more lowercase Latin letters,
# tone-marked vowels included, + ")".  Nothing in the article's own text has
# this shape: its real brackets hold Han text or digits.
PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")

# Step 2: the one mojibake run.
MOJIBAKE = ("黨?茖W", "黨校科學")

# Step 3: half-width punctuation standing in Chinese text -> full-width.
# A mark between two ASCII digits (a number or a time such as 16:35) stays.
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}

# Step 4: the missing opening quotation mark.
QUOTE = ("此次論壇亮點紛呈！2022年度十大質量新聞”", "此次論壇亮點紛呈！“2022年度十大質量新聞”")

# Step 5: stray spaces left by the scraping (each listed in data/README.md).
STRAY_SPACES = [
    ("北京1月14日訊 （記者", "北京1月14日訊（記者"),
    ("沈陽飛機工業（集團） 有限公司", "沈陽飛機工業（集團）有限公司"),
    ("推行的112 質量管理模式", "推行的112質量管理模式"),
]

BODY_START = "中國經濟網北京1月14日訊"
BODY_END = "參加論壇。"


def replace_once(text: str, old: str, new: str) -> str:
    n = text.count(old)
    if n != 1:
        sys.exit(f"expected exactly one {old!r}, found {n}")
    return text.replace(old, new)


def full_width(text: str, counts: dict) -> str:
    out = []
    for i, ch in enumerate(text):
        if ch in FULL_WIDTH:
            before = text[i - 1] if i > 0 else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if not (before.isascii() and before.isdigit() and after.isascii() and after.isdigit()):
                counts[ch] = counts.get(ch, 0) + 1
                ch = FULL_WIDTH[ch]
        out.append(ch)
    return "".join(out)


def main() -> None:
    raw = SOURCE.read_text(encoding="utf-8")
    report = []

    start = raw.index("中國經(jīng)濟網(wǎng)北京")
    end = raw.index(BODY_END) + len(BODY_END)
    report.append(
        "pinyin annotations: "
        f"{len(PINYIN.findall(raw))} in the whole file, "
        f"{len(PINYIN.findall(raw[start:end]))} in the body, "
        f"{len(PINYIN.findall(raw[:start]))} before it, "
        f"{len(PINYIN.findall(raw[end:]))} after it"
    )
    text = PINYIN.sub("", raw)
    text = replace_once(text, *MOJIBAKE)

    lines = text.split("\n")
    headline = lines[2]
    # The headline's ASCII double quotes alternate opening/closing.
    quotes = iter("“”" * 4)
    headline = re.sub('"', lambda _m: next(quotes), headline)

    body = text[text.index(BODY_START) : text.index(BODY_END) + len(BODY_END)]
    counts: dict = {}
    body = full_width(body, counts)
    report.append("half-width -> full-width in the body: " + ", ".join(f"{k!r}: {v}" for k, v in counts.items()))
    body = replace_once(body, *QUOTE)
    for old, new in STRAY_SPACES:
        body = replace_once(body, old, new)

    # Paragraphs: the article's non-empty lines, without the two-space indent.
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    report.append(f"body paragraphs: {len(paragraphs)}")

    print(headline)
    print()
    for p in paragraphs:
        print(p)
    for line in report:
        print(line, file=sys.stderr)


if __name__ == "__main__":
    main()
