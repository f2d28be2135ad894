"""Write ``parsers/text/glyph_widths.py``: how wide each printable ASCII character is in the
fonts a Form 4 page is commonly printed in, so that the text parser can tell when a wrapped
cell's line would have held the next word (``parsers.text.wraps``).

The widths are the fonts' advance widths, in thousandths of the font size, read with Pillow
from the TrueType files of a Debian machine (``fonts-liberation``: metric-compatible with
Times New Roman, Arial and Courier New; ``fonts-dejavu-core``: the usual fallbacks), regular
and bold. Run it again only to add a font: the table is committed.

    .venv/bin/python scripts/glyph_widths.py > parsers/text/glyph_widths.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import ImageFont

FONTS = {
    "Liberation Serif": "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "Liberation Serif Bold": "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
    "Liberation Sans": "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "Liberation Sans Bold": "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "Liberation Mono": "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "DejaVu Serif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "DejaVu Serif Bold": "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "DejaVu Sans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "DejaVu Sans Bold": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
}
SIZE = 1000
CHARS = "".join(chr(c) for c in range(32, 127))


def widths(path: str) -> list[int]:
    font = ImageFont.truetype(path, SIZE)
    return [round(font.getlength(ch)) for ch in CHARS]


def main() -> int:
    missing = [p for p in FONTS.values() if not Path(p).exists()]
    if missing:
        print(f"fonts not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    out = [
        '"""Advance widths of printable ASCII (space to ``~``), in thousandths of the font size,',
        "in fonts a Form 4 page is commonly printed in. Written by ``scripts/glyph_widths.py``",
        '(read from the fonts\' files); do not edit by hand."""',
        "",
        f"FIRST = {ord(CHARS[0])}",
        "# fmt: off",
        "WIDTHS: dict[str, tuple[int, ...]] = {",
    ]
    for name, path in FONTS.items():
        w = widths(path)
        out.append(f'    "{name}": (')
        for i in range(0, len(w), 16):
            out.append("        " + ", ".join(str(x) for x in w[i : i + 16]) + ",")
        out.append("    ),")
    out.append("}")
    out.append("# fmt: on")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
