#!/usr/bin/env python3
"""Typesets the shared corpus by another hand: HTML and CSS printed to PDF by headless Chromium.

A held-out check of the PDF and PDF-text readers: `scripts/typeset.py` sets resolutions with
LibreOffice (running headers, job-number footers, footnotes at each page's foot); this script
sets the same texts with a different engine and different habits, so that a reader tuned to
one typesetter shows it here:
- no running header or footer, and no page numbers (Chromium prints none);
- notes as endnotes under a short rule at the end of the document, markers as `<sup>`;
- operative numbers and subparagraph labels hung in the margin with CSS (no tab characters);
- preambular paragraphs indented or not, paragraphs spaced by margins, justified text;
- Arabic set right to left by the browser's own shaping, CJK with Noto CJK.

Reuses typeset.py's reading of the corpus (the md text classified against its truth) and its
synthetic footnotes, from its own seed, so the truth files written here are exact.

Usage:
  typeset_html.py OUT_DIR [--corpus DIR] [--langs en,fr,...] [--per-lang N] [--seed S] [--jobs 2]
                  [--flip FLIPS.json]
Needs `chromium` and poppler-utils (pdfinfo) on PATH. Then score with
  scripts/format_eval.py RESO OUT_DIR --formats pdf,pdftotext,layout --derive
"""
import argparse, concurrent.futures, glob, html, json, os, random, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from typeset import read_document, attach_notes, flip_junctions  # one reading of the corpus for both typesetters

FONTS = {"zh": "'Noto Serif CJK SC', 'Noto Sans CJK SC', serif", "ar": "'Noto Naskh Arabic', 'Noto Sans Arabic', serif"}


def variant(rng, lang):
    return {
        "body_pt": rng.choice([10.5, 11, 11.5, 12]),
        "margin_cm": rng.choice([2.0, 2.5, 3.0]),
        "pre_indent": rng.choice([True, False]),
        "para_gap_pt": rng.choice([3, 6, 9]),
        "line_height": rng.choice([1.15, 1.3, 1.5]),
        "hang_cm": rng.choice([1.0, 1.27]),
        "emph": "bold" if lang in ("zh", "ar") else rng.choice(["italic", "italic", "bold"]),
        "latin_font": rng.choice(["'Liberation Serif'", "'DejaVu Serif'", "'Noto Serif'"]),
    }


def runs_html(runs, notes, v):
    out = []
    for text, emph, note in runs:
        t = html.escape(text)
        if text and emph:
            t = f"<b>{t}</b>" if v["emph"] == "bold" else f"<i>{t}</i>"
        out.append(t)
        if note is not None:
            notes.append(note)
            out.append(f"<sup>{len(notes)}</sup>")
    return "".join(out)


def page(doc, v, lang):
    rtl = lang == "ar"
    font = FONTS.get(lang, v["latin_font"] + ", serif")
    hang = v["hang_cm"]
    side = "right" if rtl else "left"
    css = f"""
@page {{ size: A4; margin: {v['margin_cm']}cm; }}
body {{ font-family: {font}; font-size: {v['body_pt']}pt; line-height: {v['line_height']}; }}
p {{ margin: 0 0 {v['para_gap_pt']}pt 0; text-align: justify; }}
.mast {{ display: flex; justify-content: space-between; font-weight: bold; }}
.organ {{ font-size: 150%; font-weight: bold; margin: 6pt 0; }}
.distr {{ text-align: end; }}
.title {{ font-weight: bold; font-size: 120%; margin-top: 18pt; }}
.council {{ margin: 12pt 0 6pt 0; }}
.pre {{ text-indent: {hang if v['pre_indent'] else 0}cm; }}
.op, .sub {{ padding-{side}: {hang}cm; }}
.sub {{ padding-{side}: {2 * hang}cm; }}
.label {{ display: inline-block; width: {hang}cm; margin-{side}: -{hang}cm; white-space: nowrap; }}
.heading {{ font-weight: bold; margin: 10pt 0 6pt 0; text-align: center; }}
.notes {{ margin-top: 18pt; font-size: 85%; }}
.notes hr {{ width: 30%; margin-{side}: 0; }}
"""
    notes = []
    body = [f'<div class="mast"><span>{html.escape(doc["head"][0])}</span><span>{html.escape(doc["head"][1])}</span></div>']
    body.append(f'<div class="organ">{html.escape(doc["head"][2])}</div>')
    body.append('<div class="distr">' + "<br>".join(html.escape(h) for h in doc["head"][3:5]) + "</div>")
    body.append('<p class="title">' + "<br>".join(html.escape(h) for h in doc["head"][5:]) + "</p>")
    council = html.escape(doc["council"].replace("**", ""))
    body.append(f'<p class="council"><i>{council}</i></p>' if lang not in ("zh", "ar") else f'<p class="council">{council}</p>')
    for it in doc["items"]:
        k = it["kind"]
        if k == "heading":
            body.append(f'<p class="heading">{html.escape(it["text"])}</p>')
        elif k == "pre":
            body.append(f'<p class="pre">{runs_html(it["runs"], notes, v)}</p>')
        elif k in ("op", "sub"):
            label = html.escape(it["label"])
            body.append(f'<p class="{k}"><span class="label">{label}</span>{runs_html(it["runs"], notes, v)}</p>')
        else:
            body.append(f'<p class="op">{runs_html(it["runs"], notes, v)}</p>')
    if notes:
        body.append('<div class="notes"><hr>' + "".join(f"<p><sup>{n}</sup> {html.escape(t)}</p>" for n, t in enumerate(notes, 1)) + "</div>")
    return (f'<!doctype html><html lang="{lang}" dir="{"rtl" if rtl else "ltr"}"><head><meta charset="utf-8">'
            f"<style>{css}</style></head><body>{''.join(body)}</body></html>"), len(notes)


def print_pdf(html_path, pdf_path):
    with tempfile.TemporaryDirectory(prefix="reso-chromium-") as profile:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
                        "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}", "file://" + html_path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--corpus", default=os.path.join(here, "..", "..", "shared", "corpus", "sc-2020"))
    ap.add_argument("--langs", default="en,fr,es,ru,zh,ar")
    ap.add_argument("--per-lang", type=int, default=0)
    ap.add_argument("--seed", default="reso-html-1")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--flip", default="", help="a JSON file of [kind, key] junctions to flip (scripts/twin_check.py)")
    a = ap.parse_args()
    out = os.path.abspath(a.out)
    work = []
    for lang in a.langs.split(","):
        truths = sorted(glob.glob(os.path.join(a.corpus, lang, "*.truth.json")))
        if a.per_lang:
            truths = random.Random(f"{a.seed}/{lang}").sample(truths, min(a.per_lang, len(truths)))
        os.makedirs(os.path.join(out, lang), exist_ok=True)
        for tpath in sorted(truths):
            name = os.path.basename(tpath)[:-len(".truth.json")]
            truth = json.load(open(tpath, encoding="utf-8"))
            doc, mismatch = read_document(tpath.replace(".truth.json", ".md.txt"), truth)
            rng = random.Random(f"{a.seed}/{name}")
            v = variant(rng, lang)
            added = attach_notes(doc, rng, lang)
            if a.flip and flip_junctions(doc, json.load(open(a.flip, encoding="utf-8")), lang):
                raise SystemExit(f"{name}: a junction to flip is not in the text")
            text, count = page(doc, v, lang)
            base = os.path.join(out, lang, name)
            with open(base + ".html", "w", encoding="utf-8") as f:
                f.write(text)
            truth = dict(truth)
            truth["footnotes"] = count
            if added: truth["synthetic_footnotes"] = added
            if mismatch: truth["md_truth_mismatch"] = mismatch
            truth["variant"] = v
            with open(base + ".truth.json", "w", encoding="utf-8") as f:
                json.dump(truth, f, ensure_ascii=False, indent=1)
            work.append(base)
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        list(ex.map(lambda b: print_pdf(b + ".html", b + ".pdf"), work))
    missing = [b for b in work if not os.path.exists(b + ".pdf")]
    print(f"{len(work) - len(missing)} PDFs in {out}" + (f"; no PDF for {len(missing)}" if missing else ""))


if __name__ == "__main__":
    main()
