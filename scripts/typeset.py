#!/usr/bin/env python3
"""Typesets the shared corpus (sc-2020) the way the UN typesets resolutions, as test material.

Reads NAME.md.txt (text, bold leads) and NAME.truth.json (structure) per language, writes a
Flat ODT per document, converts the batch to PDF and DOCX with LibreOffice headless, and derives
the text forms a user meets: `pdftotext` (default), `pdftotext -layout`, and hard-wrapped text
with a blank line between paragraphs.

The layout varies per document, deterministically from --seed and the file name, so that a
parser cannot learn one template: body and note sizes, margins, one- or two-line running
headers, footnote numbering per document or per page, tab or spaces after operative numbers,
first-line or hanging indents, line spacing, heading style, fonts. The chosen variant goes
into manifest.json.

Footnotes: the 2020 corpus has one real footnote in 46 resolutions, too few to test footnote
handling, so a seeded half of the documents get 1-4 synthetic footnotes that cite the document
symbol or resolution their paragraph already mentions (as UN footnotes do). The copied
NAME.truth.json then counts them (`footnotes`) and says how many were added
(`synthetic_footnotes`), so the truth stays exact for the typeset file.

Usage:
  typeset.py OUT_DIR [--corpus DIR] [--langs en,fr,...] [--per-lang N | --names a,b]
             [--seed S] [--jobs 2] [--no-convert] [--flip FLIPS.json]
--flip sets each document with preambular junctions flipped (scripts/twin_check.py's twins).
Standard library only; needs `soffice` and poppler-utils on PATH.
"""
import argparse, concurrent.futures, glob, hashlib, json, os, random, re, shutil, subprocess
import sys, tempfile, unicodedata
from xml.sax.saxutils import escape

LANG_LETTER = {"en": "E", "fr": "F", "es": "S", "ru": "R", "zh": "C", "ar": "A"}
RECYCLE = {"en": "Please recycle", "fr": "Merci de recycler", "es": "Se ruega reciclar",
           "ru": "Просьба отправить на вторичную переработку", "zh": "请回收",
           "ar": "الرجاء إعادة الاستعمال"}
LOCALE = {"en": ("en", "GB"), "fr": ("fr", "FR"), "es": ("es", "ES"), "ru": ("ru", "RU"),
          "zh": ("zh", "CN"), "ar": ("ar", "EG")}
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUP_RE = re.compile("[" + SUPERSCRIPT + "]+")
OP_RE = re.compile(r"^(\d+)\.\s*")
# (a), a), (i), (أ), ’1‘ (Arabic quotes around a number), ㈠ (one parenthesised ideograph), •
SUB_RE = re.compile(r"^(\(?[^\s().,;:•]{1,5}\)|’[^\s‘’]{1,4}‘|[\u3220-\u3243]|•)\s*")
# Where a synthetic footnote may go: after a document symbol or a resolution citation.
CITE_RE = re.compile(r"\b(?:S|A|E)/(?:RES/|PRST/)?\d{2,4}/\d+(?:/Add\.\d+)?|\b(\d{3,4}) ?\((\d{4})\)")
MASTHEAD = 7  # United Nations, symbol, organ, Distr., date, title, adoption line


# ---------------------------------------------------------------- reading the corpus

def runs_of(text):
    """Splits `**bold**` markup into [(text, emphasised)] runs."""
    out, emph = [], False
    for i, part in enumerate(text.split("**")):
        if part:
            out.append([part, emph])
        emph = not emph
    return out


def plain(text):
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()


def read_document(md_path, truth):
    """Classifies the md paragraphs against the truth: masthead, council line, preambular,
    operative, subparagraph, heading, continuation, footnote text. Returns (doc, mismatch)."""
    paras = [p.strip() for p in open(md_path, encoding="utf-8").read().split("\n\n") if p.strip()]
    # The council line ("The Security Council,") follows the masthead; a few files lack the
    # title or the adoption line, so find it rather than count to it.
    at = next((i for i in range(5, min(len(paras), MASTHEAD + 2))
               if len(plain(paras[i])) < 60 and plain(paras[i])[-1:] in (",", "，", "،")
               and not re.search(r"\d", paras[i])), MASTHEAD)  # the title ends in a comma in Russian
    head = [plain(p) for p in paras[:at]]
    council = paras[at]
    headings = {re.sub(r"\s+", " ", h[0]) for h in truth["headings"]}
    items, notes = [], []
    pre, ops, subs, heads, current = 0, [], {}, 0, None
    for p in paras[at + 1:]:
        q = plain(p)
        if SUP_RE.match(p):
            notes.append(SUP_RE.sub("", p, count=1).strip().lstrip("()").strip())
            continue
        if q in headings:
            items.append({"kind": "heading", "text": q}); heads += 1; continue
        m = OP_RE.match(p)
        if m:
            current = m.group(1); ops.append(int(current))
            items.append({"kind": "op", "label": m.group(1) + ".", "runs": runs_of(p[m.end():])})
            continue
        m = SUB_RE.match(p)
        if m and (current or pre):
            subs.setdefault(current or f"pp{pre}", []).append(m.group(1))
            items.append({"kind": "sub", "label": m.group(1), "runs": runs_of(p[m.end():])})
            continue
        if current is None:
            pre += 1; items.append({"kind": "pre", "runs": runs_of(p)})
        else:
            items.append({"kind": "cont", "runs": runs_of(p)})
    if lang_of(md_path) != "zh":
        for it in items:
            if "runs" in it: space_after_leads(it["runs"])
    mismatch = []
    if pre != truth["preambular"]: mismatch.append(f"preambular {pre}!={truth['preambular']}")
    if ops != truth["operative"]: mismatch.append("operative numbers")
    if subs != truth["subparagraphs"]: mismatch.append("subparagraph labels")
    if heads != len(truth["headings"]): mismatch.append("headings")
    if len(notes) != truth["footnotes"]: mismatch.append("footnotes")
    if "**" not in "".join(paras):
        emphasise_leads(items)
    return {"head": head, "council": council, "items": items, "notes": notes}, mismatch


def lang_of(path):
    return os.path.basename(os.path.dirname(path))


def space_after_leads(runs):
    """Some md files lose the space between a bold lead and the text (`**просит**Генерального`);
    the printed resolution has it, so put it back between two letters."""
    for a, b in zip(runs, runs[1:]):
        if a[1] and not b[1] and a[0][-1:].isalpha() and b[0][:1].isalpha():
            b[0] = " " + b[0]


def emphasise_leads(items):
    """The Arabic md text carries no bold marks; UN Arabic sets the opening words in bold, so
    mark them here: `وإذ يرحب` (particle and verb) before preambular text, the first word of
    an operative paragraph."""
    for it in items:
        if it["kind"] not in ("pre", "op") or len(it["runs"]) != 1: continue
        text = it["runs"][0][0]
        m = re.match(r"(?:و?إذ\s+)?\S+", text) if it["kind"] == "pre" else re.match(r"\S+", text)
        if m:
            it["runs"] = [[m.group(0), True], [text[m.end():], False]]


def attach_notes(doc, rng, lang):
    """Turns superscript markers into note anchors, then (for a seeded half) adds synthetic
    footnotes after citations. Each run becomes [text, emph, note_text_or_None]."""
    notes = doc["notes"]
    for it in doc["items"]:
        if "runs" not in it: continue
        new = []
        for text, emph in it["runs"]:
            pos = 0
            for m in SUP_RE.finditer(text):
                n = int(m.group(0).translate(str.maketrans(SUPERSCRIPT, "0123456789")))
                new.append([text[pos:m.start()], emph, notes[n - 1] if 0 < n <= len(notes) else ""])
                pos = m.end()
            new.append([text[pos:], emph, None])
        it["runs"] = new
    added = 0
    if rng.random() < 0.5:
        want = rng.randint(1, 4)
        candidates = [it for it in doc["items"] if it["kind"] in ("pre", "op", "sub", "cont")]
        rng.shuffle(candidates)
        for it in candidates:
            if added >= want: break
            for k, (text, emph, note) in enumerate(it["runs"]):
                if emph or note is not None: continue
                m = CITE_RE.search(text)
                if not m: continue
                end = m.end() + (1 if text[m.end():m.end() + 1] in (")", "）") else 0)
                cite = m.group(0) if not m.group(1) else f"S/RES/{m.group(1)} ({m.group(2)})"
                it["runs"][k:k + 1] = [[text[:end], False, cite + ("。" if lang == "zh" else ".")],
                                       [text[end:], False, None]]
                added += 1
                break
    return added


# What a paragraph's text is compared by when junctions are flipped and paragraphs paired
# (twin_check.py, boundary_eval.py): poppler spaces Latin runs in CJK text, the Word file keeps
# non-breaking hyphens that the PDF prints as plain ones, and Arabic marks and tatweel come and
# go between the forms.
KEY_DROPS = re.compile(r"[\s*\u00ad\u2010\u2011\u0640\u064b-\u065f\u0670-]")


def junction_key(text):
    return KEY_DROPS.sub("", text)


def flip_junctions(doc, flips, lang):
    """Flips preambular junctions in place, after the notes are attached, so that a twin
    (scripts/twin_check.py) differs from its document in nothing else: ("cut", KEY) cuts the
    preambular paragraph holding KEY past its start into two at KEY; ("join", KEY) runs the
    preambular paragraph that starts with KEY on into the one before it. KEY is compared as
    `junction_key` gives it. Returns the flips not found once."""
    norm = junction_key
    items, missed = doc["items"], []
    for kind, key in flips:
        pre = [i for i, it in enumerate(items) if it["kind"] == "pre"]
        text = {i: norm("".join(r[0] for r in items[i]["runs"])) for i in pre}
        if kind == "join":
            hits = [i for i in pre if i - 1 in text and text[i].startswith(key)]
            if len(hits) != 1: missed.append((kind, key)); continue
            i = hits[0]
            glue = [["" if lang == "zh" else " ", False, None]]
            items[i - 1]["runs"] = items[i - 1]["runs"] + glue + items[i]["runs"]
            del items[i]
            continue
        hits = [i for i in pre if text[i].find(key, 1) > 0 and text[i].count(key) == 1]
        if len(hits) != 1: missed.append((kind, key)); continue
        i, at, seen = hits[0], text[hits[0]].find(key, 1), 0
        runs = items[i]["runs"]
        for k, (t, emph, note) in enumerate(runs):
            for c, ch in enumerate(t):
                if not norm(ch): continue
                if seen == at:
                    head = [r for r in runs[:k] + [[t[:c], emph, None]] if r[0] or r[2] is not None]
                    if head and head[-1][2] is None:
                        head[-1] = [head[-1][0].rstrip(), head[-1][1], None]
                    tail = [[t[c:], emph, note]] + runs[k + 1:]
                    # A note anchored on the run cut stays at that run's end, in the tail.
                    items[i:i + 1] = [{"kind": "pre", "runs": head}, {"kind": "pre", "runs": tail}]
                    break
                seen += 1
            else:
                continue
            break
    return missed


# ---------------------------------------------------------------- the layout variant

def choose_variant(rng, lang):
    body = rng.choice([10, 10, 10.5, 11, 11.5, 12])
    return {
        "body_pt": body,
        "note_pt": rng.choice([8, 8, 8.5, 9]),
        "margin_left_cm": rng.choice([2.0, 2.2, 2.4, 2.5, 2.6]),
        "margin_right_cm": rng.choice([2.0, 2.2, 2.4, 2.5, 2.6]),
        "margin_top_cm": rng.choice([1.8, 2.0, 2.5, 3.0]),
        "margin_bottom_cm": rng.choice([1.8, 2.0, 2.5]),
        "header_lines": rng.choice([1, 1, 2]),
        "note_numbering": rng.choice(["document", "document", "page"]),
        "after_number": rng.choice(["tab", "tab", "tab", "spaces"]),
        "indent": rng.choice(["first-line", "first-line", "hanging"]),
        "indent_cm": rng.choice([1.0, 1.27, 1.27, 1.5]),
        "line_height_pct": rng.choice([100, 100, 110, 115, 125]),
        "para_space_pt": rng.choice([0, 4, 6, 6, 8]),
        "heading_style": rng.choice(["bold", "italic", "bold-italic"]),
        "heading_align": rng.choice(["start", "indent", "center"]),
        "emph_face": ("bold" if lang in ("zh", "ar") else rng.choice(["italic", "italic", "italic", "bold-italic"])),
        "latin_font": rng.choice(["Liberation Serif", "Liberation Serif", "Noto Serif"]),
        "cjk_font": rng.choice(["Noto Serif CJK SC", "Noto Serif CJK SC", "Noto Sans CJK SC"]),
        "widows": rng.choice([0, 2]),
        # LibreOffice justifies Arabic with kashida; with Noto Naskh Arabic the PDF maps those
        # glyphs to "??" (no reader could undo that), with Noto Sans Arabic to U+0640 tatweel as
        # in UN PDFs. So Naskh pages are set ragged and Sans pages justified.
        "arabic_font": rng.choice(["Noto Naskh Arabic", "Noto Sans Arabic"]) if lang == "ar" else "Noto Naskh Arabic",
    }


# ---------------------------------------------------------------- Flat ODT

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text"')


def x(s):
    return escape(s)


def text_xml(s):
    """Escapes text and keeps runs of spaces and tabs (ODF collapses them otherwise)."""
    out = []
    for part in re.split(r"(\t| {2,})", s):
        if part == "\t": out.append("<text:tab/>")
        elif part.startswith("  "): out.append(f' <text:s text:c="{len(part) - 1}"/>')
        elif part: out.append(x(part))
    return "".join(out)


def runs_xml(runs, note_counter, emph_style="Emph"):
    out = []
    for text, emph, note in runs:
        if text:
            out.append(f'<text:span text:style-name="{emph_style}">{text_xml(text)}</text:span>' if emph else text_xml(text))
        if note is not None:
            note_counter[0] += 1
            n = note_counter[0]
            out.append(f'<text:note text:id="ftn{n}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation>'
                       f'<text:note-body><text:p text:style-name="Footnote">{text_xml(note)}</text:p></text:note-body></text:note>')
    return "".join(out)


def fodt(doc, v, lang, symbol, job, barcode):
    rtl = lang == "ar"
    wm = ' style:writing-mode="rl-tb"' if rtl else ' style:writing-mode="lr-tb"'
    la, co = LOCALE[lang]
    body, note = v["body_pt"], v["note_pt"]
    ind = v["indent_cm"]
    page_w, page_h = (29.7, 21.0) if v.get("landscape") else (21.0, 29.7)
    width = page_w - v["margin_left_cm"] - v["margin_right_cm"]
    # Two-column pages (--page two-column): body text in two columns, header/footer across.
    cols = ('<style:columns fo:column-count="2" fo:column-gap="0.8cm"/>' if v.get("columns", 1) == 2 else "")
    orient = ' style:print-orientation="landscape"' if v.get("landscape") else ""
    lh = f' fo:line-height="{v["line_height_pct"]}%"'
    space = f' fo:margin-top="0cm" fo:margin-bottom="{v["para_space_pt"]}pt"'
    widows = f' fo:widows="{v["widows"]}" fo:orphans="{v["widows"]}"'
    latin = v["latin_font"] if lang != "zh" or rng_pick_latin(v) else v["cjk_font"]
    emph_props = {"italic": 'fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic"',
                  "bold": 'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"',
                  "bold-italic": 'fo:font-style="italic" fo:font-weight="bold" style:font-style-asian="italic" '
                                 'style:font-weight-asian="bold" style:font-style-complex="italic" style:font-weight-complex="bold"'}
    heading_props = emph_props[v["heading_style"]]
    if lang in ("zh", "ar"):
        heading_props = emph_props["bold"]
    gap = 0.75 if body <= 11 else 0.9
    # Right-to-left pages mirror the indents: LibreOffice's margin-left and text-align
    # alignment is taken as absolute here: Arabic takes the right margin and `right`.
    side = "right" if rtl else "left"
    start = "right" if rtl else "start"
    if v["indent"] == "first-line":
        pre_par = f'fo:margin-{side}="0cm" fo:text-indent="{ind}cm"'
        op_par = f'fo:margin-{side}="0cm" fo:text-indent="{ind}cm"'
        op_tab = ind + gap
        sub_par = f'fo:margin-{side}="{ind}cm" fo:text-indent="{ind}cm"'
        sub_tab = ind + gap
    else:
        pre_par = f'fo:margin-{side}="{ind}cm" fo:text-indent="0cm"'
        op_par = f'fo:margin-{side}="{ind}cm" fo:text-indent="-{ind}cm"'
        op_tab = 0
        sub_par = f'fo:margin-{side}="{2 * ind}cm" fo:text-indent="-{ind}cm"'
        sub_tab = 0
    align = (' fo:text-align="right"' if v["arabic_font"] == "Noto Naskh Arabic" else ' fo:text-align="justify" fo:text-align-last="start"') if rtl else ' fo:text-align="justify"'
    head_align = {"start": f'fo:text-align="{start}" fo:margin-{side}="0cm"',
                  "indent": f'fo:text-align="{start}" fo:margin-{side}="{ind}cm"',
                  "center": f'fo:text-align="center" fo:margin-{side}="0cm"'}[v["heading_align"]]
    tabs = lambda pos: (f'<style:tab-stops><style:tab-stop style:position="{pos:.2f}cm"/></style:tab-stops>' if pos else "")
    right_tab = f'<style:tab-stops><style:tab-stop style:position="{width:.2f}cm" style:type="right"/></style:tab-stops>'
    cjk = v["cjk_font"]
    styles = f'''
<office:font-face-decls>
 <style:font-face style:name="Latin" svg:font-family="&apos;{latin}&apos;" style:font-family-generic="roman" style:font-pitch="variable"/>
 <style:font-face style:name="CJK" svg:font-family="&apos;{cjk}&apos;" style:font-family-generic="system" style:font-pitch="variable"/>
 <style:font-face style:name="CJKSans" svg:font-family="&apos;Noto Sans CJK SC&apos;" style:font-family-generic="system" style:font-pitch="variable"/>
 <style:font-face style:name="Arabic" svg:font-family="&apos;{v["arabic_font"]}&apos;" style:font-family-generic="system" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties{wm} style:punctuation-wrap="hanging" style:line-break="strict"/>
  <style:text-properties style:font-name="Latin" fo:font-size="{body}pt" fo:language="{la if lang not in ('zh','ar') else 'en'}" fo:country="{co if lang not in ('zh','ar') else 'GB'}"
    style:font-name-asian="CJK" style:font-size-asian="{body}pt" style:language-asian="zh" style:country-asian="CN"
    style:font-name-complex="Arabic" style:font-size-complex="{body + (1 if rtl else 0)}pt" style:language-complex="ar" style:country-complex="EG"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Mast" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="4pt" fo:text-align="start">{right_tab}</style:paragraph-properties>
 </style:style>
 <style:style style:name="MastBig" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="6pt" fo:margin-bottom="6pt" fo:text-align="start" fo:border-bottom="0.06pt solid #000000" fo:padding-bottom="4pt">{right_tab}</style:paragraph-properties>
  <style:text-properties fo:font-size="{body + 4}pt" fo:font-weight="bold" style:font-size-asian="{body + 4}pt" style:font-weight-asian="bold" style:font-size-complex="{body + 4}pt" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="MastRight" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="{'start" style:writing-mode="lr-tb' if rtl else 'end'}" fo:margin-bottom="0pt"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="{start}" fo:margin-top="18pt" fo:margin-bottom="4pt" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="{body + 3}pt" fo:font-weight="bold" style:font-size-asian="{body + 3}pt" style:font-weight-asian="bold" style:font-size-complex="{body + 3}pt" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="Adopted" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="{start}" fo:margin-bottom="12pt"/>
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="Council" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties{space}{lh} fo:text-align="{start}" fo:margin-{side}="0cm" fo:text-indent="{ind}cm"/>
 </style:style>
 <style:style style:name="Pre" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties{align}{space}{lh}{widows} {pre_par}/>
 </style:style>
 <style:style style:name="Op" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties{align}{space}{lh}{widows} {op_par}>{tabs(op_tab)}</style:paragraph-properties>
 </style:style>
 <style:style style:name="Sub" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties{align}{space}{lh}{widows} {sub_par}>{tabs(sub_tab)}</style:paragraph-properties>
 </style:style>
 <style:style style:name="Cont" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties{align}{space}{lh}{widows} fo:margin-{side}="{ind}cm" fo:text-indent="0cm"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties {head_align} fo:margin-top="{max(6, v["para_space_pt"] + 4)}pt" fo:margin-bottom="{max(4, v["para_space_pt"])}pt" fo:keep-with-next="always"/>
  <style:text-properties {heading_props}/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-{side}="0.6cm" fo:text-indent="-0.6cm" fo:margin-bottom="1pt" fo:text-align="{start}"/>
  <style:text-properties fo:font-size="{note}pt" style:font-size-asian="{note}pt" style:font-size-complex="{note + (1 if rtl else 0)}pt"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0pt"/>
  <style:text-properties fo:font-size="{body - 1}pt" fo:font-weight="bold" style:font-size-asian="{body - 1}pt" style:font-weight-asian="bold" style:font-size-complex="{body - 1}pt" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="HeaderLeft" style:family="paragraph" style:parent-style-name="Header">
  <style:paragraph-properties fo:text-align="left" style:writing-mode="lr-tb"/>
 </style:style>
 <style:style style:name="HeaderRight" style:family="paragraph" style:parent-style-name="Header">
  <style:paragraph-properties fo:text-align="right" style:writing-mode="lr-tb"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="left" style:writing-mode="lr-tb">{right_tab}</style:paragraph-properties>
  <style:text-properties fo:font-size="{note}pt" style:font-size-asian="{note}pt" style:font-size-complex="{note}pt"/>
 </style:style>
 <style:style style:name="Emph" style:family="text">
  <style:text-properties {emph_props[v["emph_face"]]}/>
 </style:style>
 <style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol" style:family="text">
  <style:text-properties style:text-position="super 58%"/>
 </style:style>
 <style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor" style:family="text">
  <style:text-properties style:text-position="super 58%"/>
 </style:style>
 <text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol" text:citation-body-style-name="Footnote_20_anchor" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="{v["note_numbering"]}"/>
</office:styles>
<office:automatic-styles>
 <style:style style:name="EmphDirect" style:family="text"><style:text-properties {emph_props[v["emph_face"]]}/></style:style>
 <style:style style:name="P1" style:family="paragraph" style:parent-style-name="MastBig" style:master-page-name="First">{'<style:paragraph-properties style:writing-mode="lr-tb" fo:text-align="left"/>' if rtl else ''}</style:style>
 <style:page-layout style:name="pmFirst">
  <style:page-layout-properties fo:page-width="{page_w}cm" fo:page-height="{page_h}cm"{orient} fo:margin-top="{v["margin_top_cm"]}cm" fo:margin-bottom="{v["margin_bottom_cm"] - 0.8:.2f}cm" fo:margin-left="{v["margin_left_cm"]}cm" fo:margin-right="{v["margin_right_cm"]}cm"{wm}>
   <style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="{'right' if rtl else 'left'}" style:rel-width="25%" style:color="#000000"/>
  </style:page-layout-properties>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
 <style:page-layout style:name="pmRest" style:page-usage="mirrored">
  <style:page-layout-properties fo:page-width="{page_w}cm" fo:page-height="{page_h}cm"{orient} fo:margin-top="{v["margin_top_cm"] - 0.8:.2f}cm" fo:margin-bottom="{v["margin_bottom_cm"] - 0.8:.2f}cm" fo:margin-left="{v["margin_left_cm"]}cm" fo:margin-right="{v["margin_right_cm"]}cm"{wm}>{cols}
   <style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="{'right' if rtl else 'left'}" style:rel-width="25%" style:color="#000000"/>
  </style:page-layout-properties>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm" fo:border-bottom="{'0.06pt solid #000000' if v['header_lines'] == 2 else 'none'}" fo:padding-bottom="0.05cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>'''
    count = '<text:page-count>1</text:page-count>'
    num = '<text:page-number text:select-page="current">1</text:page-number>'
    second = doc["head"][2] if v["header_lines"] == 2 else None
    def header(style):
        lines = [f'<text:p text:style-name="{style}">{x(symbol)}</text:p>']
        if second: lines.append(f'<text:p text:style-name="{style}">{x(second)}</text:p>')
        return "".join(lines)
    masters = f'''
<office:master-styles>
 <style:master-page style:name="First" style:page-layout-name="pmFirst" style:next-style-name="Rest">
  <style:footer>
   <text:p text:style-name="Footer">{x(job)}<text:tab/>{x(RECYCLE[lang])}</text:p>
   <text:p text:style-name="Footer">{x(barcode)}</text:p>
  </style:footer>
 </style:master-page>
 <style:master-page style:name="Rest" style:page-layout-name="pmRest">
  <style:header>{header("HeaderRight")}</style:header>
  <style:header-left>{header("HeaderLeft")}</style:header-left>
  <style:footer><text:p text:style-name="Footer">{x(job.split(" ")[0])}<text:tab/>{num}/{count}</text:p></style:footer>
  <style:footer-left><text:p text:style-name="Footer">{num}/{count}<text:tab/>{x(job.split(" ")[0])}</text:p></style:footer-left>
 </style:master-page>
</office:master-styles>'''
    h = doc["head"]
    top = ([f'<text:p text:style-name="P1">{x(h[1])}</text:p>', f'<text:p text:style-name="MastBig">{x(h[0])}</text:p>']
           if rtl else [f'<text:p text:style-name="P1">{x(h[0])}<text:tab/>{x(h[1])}</text:p>'])
    body_xml = top + [
        f'<text:p text:style-name="MastBig">{x(h[2])}<text:tab/></text:p>',
        f'<text:p text:style-name="MastRight">{x(h[3])}</text:p>',
        f'<text:p text:style-name="MastRight">{x(h[4])}</text:p>',
    ] + [f'<text:p text:style-name="{"Title" if i == 5 else "Adopted"}">{x(t)}</text:p>' for i, t in enumerate(h[5:], 5)]
    counter = [0]
    # Word files from the UN mostly carry direct italics (w:i); others a character style
    # (w:rStyle): automatic ODF styles export as the first, named ones as the second.
    emph = "EmphDirect" if v.get("emph_direct") else "Emph"
    body_xml.append(f'<text:p text:style-name="Council">{runs_xml([r + [None] for r in runs_of(doc["council"])], counter, emph)}</text:p>')
    after = "\t" if v["after_number"] == "tab" else "  "
    for it in doc["items"]:
        k = it["kind"]
        if k == "heading":
            body_xml.append(f'<text:p text:style-name="Heading">{x(it["text"])}</text:p>')
        elif k == "pre":
            body_xml.append(f'<text:p text:style-name="Pre">{runs_xml(it["runs"], counter, emph)}</text:p>')
        elif k == "op":
            body_xml.append(f'<text:p text:style-name="Op">{text_xml(it["label"] + after)}{runs_xml(it["runs"], counter, emph)}</text:p>')
        elif k == "sub":
            body_xml.append(f'<text:p text:style-name="Sub">{text_xml(it["label"] + after)}{runs_xml(it["runs"], counter, emph)}</text:p>')
        else:
            body_xml.append(f'<text:p text:style-name="Cont">{runs_xml(it["runs"], counter, emph)}</text:p>')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS}>{styles}{masters}\n'
            f'<office:body><office:text>\n' + "\n".join(body_xml) + '\n</office:text></office:body></office:document>\n')


def rng_pick_latin(v):
    """Chinese documents set Latin text either in the Latin font or in the CJK font."""
    return v["latin_font"] != "Noto Serif"


# ---------------------------------------------------------------- plain wrapped text

def width_of(ch):
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else (0 if unicodedata.combining(ch) else 1)


NO_LINE_START = set("，。、；：！？）》」』”’．,.;:!?)")


def wrap(text, cols=70):
    """Wraps at `cols` display columns: at spaces for alphabetic text, anywhere between
    wide (CJK) characters (a CJK run after a label, `1. 决定…`, too: it is one token)."""
    lines, line, w = [], "", 0
    for token in re.findall(r"\S+\s*|\s+", text):
        word = token.rstrip()
        tw = sum(width_of(c) for c in word)
        if any(width_of(c) == 2 for c in word) and w + tw > cols:
            for c in token:
                cw = width_of(c)
                if w + cw > cols and line and c not in NO_LINE_START:
                    lines.append(line.rstrip()); line, w = "", 0
                line += c; w += cw
            continue
        if w + tw <= cols or not line:
            line += token; w += sum(width_of(c) for c in token)
        else:
            lines.append(line.rstrip()); line = token; w = sum(width_of(c) for c in token)
    if line.strip(): lines.append(line.rstrip())
    return lines


def wrapped_text(doc, after):
    """The plain text as a user copying it paragraph by paragraph gets it: each paragraph
    hard-wrapped at 70 columns, a blank line between paragraphs, note markers as superscript
    digits and the note texts at the end."""
    paras = list(doc["head"]) + [plain(doc["council"])]
    notes = []
    def flat(runs):
        s = ""
        for text, emph, note in runs:
            s += text
            if note is not None:
                notes.append(note)
                s += str(len(notes)).translate(str.maketrans("0123456789", SUPERSCRIPT))
        return re.sub(r"\s+", " ", s).strip()
    for it in doc["items"]:
        if it["kind"] == "heading": paras.append(it["text"])
        elif it["kind"] in ("op", "sub"): paras.append(it["label"] + " " + flat(it["runs"]))
        else: paras.append(flat(it["runs"]))
    for i, n in enumerate(notes, 1):
        paras.append(str(i).translate(str.maketrans("0123456789", SUPERSCRIPT)) + " " + n)
    return "\n\n".join("\n".join(wrap(p)) for p in paras) + "\n"


# ---------------------------------------------------------------- driver

def job_of(name, lang):
    m = re.search(r"-(\d{2})(\d{5})[A-Z]$", name)
    yy, n = (m.group(1), m.group(2)) if m else ("20", "%05d" % (int(hashlib.md5(name.encode()).hexdigest(), 16) % 100000))
    return f"{yy}-{n} ({LANG_LETTER[lang]})", f"*{yy}{n}*"


def soffice(files, fmt, outdir, profile):
    if not files: return
    cmd = ["nice", "-n", "15", "soffice", "--headless", f"-env:UserInstallation=file://{profile}",
           "--convert-to", fmt, "--outdir", outdir] + files
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=3600)


def derive_text(pdf, base):
    subprocess.run(["pdftotext", pdf, base + ".pdftotext.txt"], stderr=subprocess.DEVNULL)
    subprocess.run(["pdftotext", "-layout", pdf, base + ".layout.txt"], stderr=subprocess.DEVNULL)


def pages_of(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", out)
    return int(m.group(1)) if m else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus", "sc-2020"))
    ap.add_argument("--langs", default="en,fr,es,ru,zh,ar")
    ap.add_argument("--per-lang", type=int, default=0, help="pick N documents per language (footnotes, subparagraphs, headings first)")
    ap.add_argument("--names", default="", help="comma-separated resolution numbers, e.g. 2520,2558")
    ap.add_argument("--seed", default="reso-typeset-1")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-convert", action="store_true")
    ap.add_argument("--flip", default="", help="a JSON file of [kind, key] junctions to flip in every "
                    "document set (scripts/twin_check.py's twins)")
    ap.add_argument("--page", default="", choices=["", "two-column", "landscape"],
                    help="hostile page forms for 'lose no text' tests: two-column later pages, or landscape A4")
    a = ap.parse_args()
    out = os.path.abspath(a.out)
    manifest = {"seed": a.seed, "corpus": os.path.abspath(a.corpus), "documents": {}}
    mpath = os.path.join(out, "manifest.json")
    if os.path.exists(mpath):  # a run over some languages keeps the others' entries
        manifest["documents"] = json.load(open(mpath, encoding="utf-8"))["documents"]
    all_fodt = []
    for lang in a.langs.split(","):
        truths = sorted(glob.glob(os.path.join(a.corpus, lang, "*.truth.json")))
        if a.names:
            want = set(a.names.split(","))
            truths = [t for t in truths if re.search(r"S_RES_(\d+)_", t).group(1) in want]
        elif a.per_lang:
            def richness(t):
                j = json.load(open(t))
                return (-(j["footnotes"] > 0), -(len(j["headings"]) > 0) - (len(j["subparagraphs"]) > 0), t)
            truths = sorted(truths, key=richness)[:a.per_lang]
        os.makedirs(os.path.join(out, lang), exist_ok=True)
        for tpath in truths:
            name = os.path.basename(tpath)[:-len(".truth.json")]
            truth = json.load(open(tpath))
            doc, mismatch = read_document(tpath.replace(".truth.json", ".md.txt"), truth)
            rng = random.Random(f"{a.seed}/{name}")
            variant = choose_variant(rng, lang)
            # Not drawn from rng, so that adding it kept every other choice of earlier runs.
            variant["emph_direct"] = hashlib.sha256(f"{a.seed}/{name}/emph".encode()).digest()[0] % 2 == 1
            if a.page == "two-column": variant["columns"] = 2
            if a.page == "landscape": variant["landscape"] = True
            added = attach_notes(doc, rng, lang)
            if a.flip and flip_junctions(doc, json.load(open(a.flip, encoding="utf-8")), lang):
                raise SystemExit(f"{name}: a junction to flip is not in the text")
            symbol = doc["head"][1]
            job, barcode = job_of(name, lang)
            base = os.path.join(out, lang, name)
            with open(base + ".fodt", "w", encoding="utf-8") as f:
                f.write(fodt(doc, variant, lang, symbol, job, barcode))
            truth = dict(truth)
            truth["footnotes"] = truth["footnotes"] + added
            if added: truth["synthetic_footnotes"] = added
            if mismatch:  # the md text itself contradicts the truth (e.g. two paragraphs merged)
                truth["md_truth_mismatch"] = mismatch
            with open(base + ".truth.json", "w", encoding="utf-8") as f:
                json.dump(truth, f, ensure_ascii=False, indent=1)
            with open(base + ".wrapped.txt", "w", encoding="utf-8") as f:
                f.write(wrapped_text(doc, variant["after_number"]))
            previous = manifest["documents"].get(f"{lang}/{name}", {})
            manifest["documents"][f"{lang}/{name}"] = {"variant": variant, "synthetic_footnotes": added,
                                                      "job": job, "md_truth_mismatch": mismatch}
            if "pages" in previous and a.no_convert:
                manifest["documents"][f"{lang}/{name}"]["pages"] = previous["pages"]
            all_fodt.append(base + ".fodt")
    if not a.no_convert:
        # Batch many files per soffice call (start-up dominates); one profile per parallel run.
        chunks = [all_fodt[i::a.jobs] for i in range(a.jobs)]
        with tempfile.TemporaryDirectory(prefix="lo-typeset-") as tmp:
            def convert(i):
                for lang in sorted({os.path.basename(os.path.dirname(f)) for f in chunks[i]}):
                    files = [f for f in chunks[i] if os.path.basename(os.path.dirname(f)) == lang]
                    for fmt in ("pdf", "docx"):
                        soffice(files, fmt, os.path.join(out, lang), os.path.join(tmp, f"p{i}"))
            with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
                list(ex.map(convert, range(a.jobs)))
        for f in all_fodt:
            base = f[:-5]
            if os.path.exists(base + ".pdf"):
                derive_text(base + ".pdf", base)
                key = os.path.basename(os.path.dirname(f)) + "/" + os.path.basename(base)
                manifest["documents"][key]["pages"] = pages_of(base + ".pdf")
            else:
                print("no PDF for", f, file=sys.stderr)
    with open(mpath, "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1, sort_keys=True)
    print(f"{len(all_fodt)} documents in {out}")


if __name__ == "__main__":
    main()
