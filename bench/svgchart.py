"""bench/svgchart.py: the bar chart of bench/results.svg, written as plain
SVG text so that `make bench` needs no plotting stack.  One horizontal bar
per benchmark, from 1 to its MP/Go time ratio on a log2 axis (left of the 1
line: MP faster), green when the ratio meets the benchmark's target (a tick
on the bar's row), red when it misses, and a grey label where there is no
ratio (a side failed to build or the outputs differ)."""
import math
from xml.sax.saxutils import escape

LABEL_W, PLOT_W, ROW_H, TOP, BOTTOM = 190, 520, 22, 40, 40
MIN_EXP, MAX_EXP = -4, 4  # the axis spans 1/16 .. 16


def x_of(ratio):
    e = min(max(math.log2(ratio), MIN_EXP), MAX_EXP)
    return LABEL_W + (e - MIN_EXP) / (MAX_EXP - MIN_EXP) * PLOT_W


def axis(height):
    out = []
    for e in range(MIN_EXP, MAX_EXP + 1):
        x = x_of(2.0 ** e)
        label = f"{2.0 ** e:g}" if e >= 0 else f"1/{2 ** -e}"
        weight = ' stroke-width="2"' if e == 0 else ""
        out.append(f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height - BOTTOM}" '
                   f'stroke="#bbb"{weight}/>')
        out.append(f'<text x="{x:.1f}" y="{height - BOTTOM + 16}" text-anchor="middle">'
                   f'{label}</text>')
    return out


def bar(i, label, ratio, target):
    y = TOP + i * ROW_H
    out = [f'<text x="{LABEL_W - 8}" y="{y + 15}" text-anchor="end">{escape(label)}</text>']
    if ratio is None:
        out.append(f'<text x="{x_of(1) + 6:.1f}" y="{y + 15}" fill="#888">no ratio</text>')
        return out
    x0, x1 = sorted((x_of(1), x_of(ratio)))
    colour = "#3a9a4a" if target is None or ratio <= target else "#c8413b"
    out.append(f'<rect x="{x0:.1f}" y="{y + 4}" width="{max(x1 - x0, 1):.1f}" '
               f'height="{ROW_H - 8}" fill="{colour}"/>')
    if target is not None:
        tx = x_of(target)
        out.append(f'<line x1="{tx:.1f}" y1="{y + 1}" x2="{tx:.1f}" y2="{y + ROW_H - 1}" '
                   'stroke="#000" stroke-dasharray="3,2"/>')
    out.append(f'<text x="{x_of(ratio) + (4 if ratio >= 1 else -4):.1f}" y="{y + 15}" '
               f'text-anchor="{"start" if ratio >= 1 else "end"}">{ratio:.2f}</text>')
    return out


def write(path, rows):
    """rows: (label, MP/Go ratio or None, target ratio or None), top down."""
    height = TOP + len(rows) * ROW_H + BOTTOM
    width = LABEL_W + PLOT_W + 60
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             'font-family="sans-serif" font-size="12">',
             f'<rect width="{width}" height="{height}" fill="#fff"/>',
             f'<text x="{LABEL_W}" y="20" font-size="14">MP / Go wall-clock time '
             '(log scale; left of 1 = MP faster; dashed = target)</text>']
    parts += axis(height)
    for i, (label, ratio, target) in enumerate(rows):
        parts += bar(i, label, ratio, target)
    parts.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(parts) + "\n")
