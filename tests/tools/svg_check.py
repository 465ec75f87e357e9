#!/usr/bin/env python3
"""svg_check.py - checks of pulse-render's SVG for the end-to-end tests.

  svg_check.py valid FILE      well-formed XML, the SVG namespace, version 1.1,
                               only SVG 1.1 elements and no attribute in
                               another namespace; prints "valid"
  svg_check.py labels FILE [CLASS[,CLASS...]]
                               the ink boxes of the <text class="CLASS"> elements
                               (default "label"), measured by rendering each one
                               alone with rsvg-convert, overlap neither each
                               other nor the node boxes (<g class="nodes">), and
                               lie inside the canvas; prints "N labels, no overlaps"
  svg_check.py pngsize FILE    the width and height of a PNG: "WxH"
  svg_check.py sankey FILE     the node boxes of a Sankey diagram by column
                               (their x), from their <title>s "name: users":
                               the first column's users, the exit nodes'
                               (class "exit") and the last column's, and
                               whether the exits and the last column add up
                               to the first

The label check does not trust pulse-render's own width estimates: the boxes
come from the font rsvg-convert really uses (cairo's PostScript bounding box
of the ink of each label alone on a page, rendered at 4x for sub-pixel
precision).
"""
import os
import re
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"

# The elements of SVG 1.1 (W3C REC, Second Edition, appendix A).
SVG11 = set("""a altGlyph altGlyphDef altGlyphItem animate animateColor
animateMotion animateTransform circle clipPath color-profile cursor defs desc
ellipse feBlend feColorMatrix feComponentTransfer feComposite
feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight feFlood
feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode
feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile
feTurbulence filter font font-face font-face-format font-face-name
font-face-src font-face-uri foreignObject g glyph glyphRef hkern image line
linearGradient marker mask metadata missing-glyph mpath path pattern polygon
polyline radialGradient rect script set stop style svg switch symbol text
textPath title tref tspan use view vkern""".split())

ZOOM = 4


def fail(msg):
    print(msg)
    sys.exit(1)


def valid(path):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        fail("not well-formed: %s" % e)
    if root.tag != NS + "svg":
        fail("root is %s, not svg in the SVG namespace" % root.tag)
    if root.get("version") != "1.1":
        fail("version is %r, not 1.1" % root.get("version"))
    for el in root.iter():
        if not el.tag.startswith(NS):
            fail("element outside the SVG namespace: %s" % el.tag)
        name = el.tag[len(NS):]
        if name not in SVG11:
            fail("not an SVG 1.1 element: %s" % name)
        for a in el.attrib:
            if a.startswith("{"):
                fail("attribute in another namespace: %s" % a)
    print("valid")


def label_svg(root, el):
    """An SVG of the canvas' size holding one text element alone."""
    keep = ("x", "y", "font-size", "font-weight", "text-anchor", "font-family")
    attrs = {k: el.get(k) for k in keep if el.get(k) is not None}
    attrs.setdefault("font-family", root.get("font-family"))
    txt = "".join(t for t in el.itertext())
    title = el.find(NS + "title")
    if title is not None and title.text:
        txt = txt[len("".join(title.itertext())):]
    t = ET.Element("text", attrs)
    t.text = txt
    svg = ET.Element("svg", {"xmlns": "http://www.w3.org/2000/svg",
                             "version": "1.1", "width": root.get("width"),
                             "height": root.get("height")})
    if root.get("viewBox"):
        svg.set("viewBox", root.get("viewBox"))
    svg.append(t)
    return txt, ET.tostring(svg, encoding="utf-8")


def ink_boxes(root, els):
    """The ink boxes (x0, y0, x1, y1, text) in px of text elements, each
    rendered alone: one PostScript page each, in one rsvg-convert run."""
    if not els:
        return []
    h = float(root.get("height"))
    texts = []
    with tempfile.TemporaryDirectory() as d:
        files = []
        for i, el in enumerate(els):
            txt, doc = label_svg(root, el)
            texts.append(txt)
            files.append(os.path.join(d, "%05d.svg" % i))
            with open(files[-1], "wb") as f:
                f.write(doc)
        ps = subprocess.run(["rsvg-convert", "-z", str(ZOOM), "-f", "ps"] + files,
                            capture_output=True, check=True).stdout
    pages = re.findall(rb"%%PageBoundingBox: (-?\d+) (-?\d+) (-?\d+) (-?\d+)", ps)
    if len(pages) != len(els):
        fail("%d labels but %d bounding boxes" % (len(els), len(pages)))
    k = 0.75 * ZOOM  # points per px, zoomed
    ph = h * k
    u = scale(root)  # px per user unit
    boxes = []
    for (x0, y0, x1, y1), txt in zip(pages, texts):
        x0, y0, x1, y1 = int(x0), int(y0), int(x1), int(y1)
        boxes.append((x0 / k / u, (ph - y1) / k / u, x1 / k / u,
                      (ph - y0) / k / u, txt))
    return boxes


def scale(root):
    """The pixels per user unit: width over the viewBox's width."""
    vb = root.get("viewBox")
    if not vb:
        return 1.0
    return float(root.get("width")) / float(vb.split()[2])


def overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def labels(path, cls):
    classes = cls.split(",")
    root = ET.parse(path).getroot()
    w, h = float(root.get("width")), float(root.get("height"))
    if root.get("viewBox"):  # the canvas in user units
        w, h = (float(v) for v in root.get("viewBox").split()[2:])
    boxes = ink_boxes(root, [el for el in root.iter(NS + "text")
                             if el.get("class") in classes])
    rects = []
    for g in root.iter(NS + "g"):
        if g.get("class") == "nodes":
            for r in g.iter(NS + "rect"):
                x, y = float(r.get("x")), float(r.get("y"))
                rects.append((x, y, x + float(r.get("width")),
                              y + float(r.get("height")), "node"))
    bad = []
    for i, a in enumerate(boxes):
        if a[0] < 0 or a[1] < 0 or a[2] > w or a[3] > h:
            bad.append("outside the canvas: %r %s" % (a[4], a[:4]))
        for b in boxes[i + 1:]:
            if overlap(a, b):
                bad.append("overlap: %r %s and %r %s" % (a[4], a[:4], b[4], b[:4]))
        for r in rects:
            if overlap(a, r):
                bad.append("label on a node: %r %s, node %s" % (a[4], a[:4], r[:4]))
    if bad:
        fail("\n".join(bad))
    print("%d labels, no overlaps" % len(boxes))


def pngsize(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        fail("not a PNG")
    print("%dx%d" % struct.unpack(">II", head[16:24]))


def sankey(path):
    root = ET.parse(path).getroot()
    cols = {}
    for g in root.iter(NS + "g"):
        if g.get("class") != "nodes":
            continue
        for r in g.iter(NS + "rect"):
            t = "".join(r.find(NS + "title").itertext())
            users = int(t.rsplit(": ", 1)[1])
            cols.setdefault(float(r.get("x")), []).append(
                (r.get("class") == "exit", users))
    xs = sorted(cols)
    first = sum(u for _, u in cols[xs[0]])
    exits = [sum(u for e, u in cols[x] if e) for x in xs]
    last = sum(u for e, u in cols[xs[-1]] if not e)
    print("columns: %d; first step: %d users; exits by column: %s; "
          "last step: %d" % (len(xs), first, " ".join(map(str, exits)), last))
    if any(e for e, _ in cols[xs[0]]) or any(e for e, _ in cols[xs[1]]):
        fail("an exit node in the first two columns")
    if sum(exits) + last != first:
        fail("%d + %d is not %d" % (sum(exits), last, first))
    print("%d exits + %d in the last step = %d users of the first step"
          % (sum(exits), last, first))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cmd, path = sys.argv[1], sys.argv[2]
    if cmd == "valid":
        valid(path)
    elif cmd == "labels":
        labels(path, sys.argv[3] if len(sys.argv) > 3 else "label")
    elif cmd == "pngsize":
        pngsize(path)
    elif cmd == "sankey":
        sankey(path)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
