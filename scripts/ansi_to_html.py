#!/usr/bin/env python3
"""Turn a terminal capture (`tmux capture-pane -e -p`: text with SGR escape codes) into an HTML page.

Usage: ansi_to_html.py CAPTURE OUT.html [--fg #rrggbb] [--bg #rrggbb]
Handles the codes tmux writes: 16 colours, the 256-colour palette, truecolour, bold, dim, italic,
underline (curly too), underline colour, reverse and strikethrough. Prints the page's size in pixels
("WIDTH,HEIGHT") for chromium's --window-size.
"""
import argparse
import html
import re

FONT_PX, LINE_PX, PAD_PX = 14, 16, 10  # 16 px: DejaVu's box-drawing glyphs (float borders) join up
ADVANCE = 0.602  # DejaVu Sans Mono's advance width in em, so the page fits the grid without a margin

# xterm's 16 colours, then the 6x6x6 cube and the 24 greys: the 256-colour palette.
BASE16 = ["#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
          "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"]
CUBE = [0, 95, 135, 175, 215, 255]
PALETTE = BASE16 + [f"#{CUBE[i // 36]:02x}{CUBE[i // 6 % 6]:02x}{CUBE[i % 6]:02x}" for i in range(216)] \
    + [f"#{8 + 10 * i:02x}{8 + 10 * i:02x}{8 + 10 * i:02x}" for i in range(24)]
SGR = re.compile(r"\x1b\[([0-9;:]*)m|\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]")


def extended_colour(codes):
    """Read `5;N` or `2;R;G;B` after a 38/48/58 from the front of `codes` (consumed)."""
    kind = codes.pop(0) if codes else None
    if kind == 5 and codes:
        return PALETTE[codes.pop(0) % 256]
    if kind == 2 and len(codes) >= 3:
        r, g, b = codes.pop(0), codes.pop(0), codes.pop(0)
        return f"#{r:02x}{g:02x}{b:02x}"
    return None


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = self.bg = self.ul_colour = None
        self.bold = self.dim = self.italic = self.underline = self.curly = self.reverse = self.strike = False

    def apply(self, params):
        codes = []
        for param in (params or "0").split(";"):
            if ":" not in param:
                codes.append(int(param or 0))
                continue
            # Colon form: 4:3 is a curly underline, 38:2::R:G:B a colour with an (empty) colour-space id.
            parts = [int(p or 0) for p in param.split(":")]
            if parts[0] == 4:
                self.apply_codes(codes)
                codes = []
                self.underline, self.curly = parts[1] != 0, parts[1] == 3
            elif parts[0] in (38, 48, 58) and parts[1] == 2 and len(parts) == 6:
                codes += [parts[0], 2] + parts[3:]
            else:
                codes += parts
        self.apply_codes(codes)

    def apply_codes(self, codes):
        while codes:
            code = codes.pop(0)
            if code == 0: self.reset()
            elif code == 1: self.bold = True
            elif code == 2: self.dim = True
            elif code == 3: self.italic = True
            elif code == 4: self.underline, self.curly = True, False
            elif code == 7: self.reverse = True
            elif code == 9: self.strike = True
            elif code == 22: self.bold = self.dim = False
            elif code == 23: self.italic = False
            elif code == 24: self.underline = self.curly = False
            elif code == 27: self.reverse = False
            elif code == 29: self.strike = False
            elif 30 <= code <= 37: self.fg = PALETTE[code - 30]
            elif 90 <= code <= 97: self.fg = PALETTE[code - 90 + 8]
            elif 40 <= code <= 47: self.bg = PALETTE[code - 40]
            elif 100 <= code <= 107: self.bg = PALETTE[code - 100 + 8]
            elif code == 38: self.fg = extended_colour(codes)
            elif code == 48: self.bg = extended_colour(codes)
            elif code == 58: self.ul_colour = extended_colour(codes)
            elif code == 39: self.fg = None
            elif code == 49: self.bg = None
            elif code == 59: self.ul_colour = None

    def css(self, default_fg, default_bg):
        fg, bg = self.fg or default_fg, self.bg or default_bg
        if self.reverse:
            fg, bg = bg, fg
        rules = []
        if fg != default_fg: rules.append(f"color:{fg}")
        if bg != default_bg: rules.append(f"background:{bg}")
        if self.bold: rules.append("font-weight:bold")
        if self.dim: rules.append("opacity:.7")
        if self.italic: rules.append("font-style:italic")
        lines = (["underline"] if self.underline else []) + (["line-through"] if self.strike else [])
        if lines:
            rules.append("text-decoration:" + " ".join(lines) + (" wavy" if self.curly else "")
                         + (f" {self.ul_colour}" if self.ul_colour else ""))
        return ";".join(rules)


def convert(text, default_fg, default_bg):
    style, rows, width = Style(), [], 0
    for line in text.rstrip("\n").split("\n"):
        out, at, columns = [], 0, 0
        for match in list(SGR.finditer(line)) + [None]:
            chunk = line[at:match.start() if match else len(line)]
            if chunk:
                css = style.css(default_fg, default_bg)
                escaped = html.escape(chunk)
                out.append(f'<span style="{css}">{escaped}</span>' if css else escaped)
                columns += len(chunk)
            if match:
                if match.group(1) is not None:
                    style.apply(match.group(1))
                at = match.end()
        rows.append("".join(out))
        width = max(width, columns)
    return rows, width


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("capture")
    parser.add_argument("out")
    parser.add_argument("--fg", default="#ffffff", help="the terminal's default foreground")
    parser.add_argument("--bg", default="#000000", help="the terminal's default background")
    args = parser.parse_args()
    with open(args.capture, encoding="utf-8") as f:
        rows, columns = convert(f.read(), args.fg, args.bg)
    page = f"""<!doctype html>
<meta charset="utf-8">
<style>
html, body {{ margin: 0; background: {args.bg}; }}
pre {{ margin: 0; padding: {PAD_PX}px; color: {args.fg}; font: {FONT_PX}px/{LINE_PX}px "DejaVu Sans Mono", monospace; }}
/* Inline backgrounds cover only the glyphs' height; blocks of the row's height leave no seams between rows. */
pre span {{ display: inline-block; height: {LINE_PX}px; vertical-align: top; }}
</style>
<pre>{chr(10).join(rows)}</pre>
"""
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(page)
    print(f"{round(columns * ADVANCE * FONT_PX) + 2 * PAD_PX},{len(rows) * LINE_PX + 2 * PAD_PX}")


if __name__ == "__main__":
    main()
