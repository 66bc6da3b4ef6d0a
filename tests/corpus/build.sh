#!/bin/sh
# Rebuilds the corpus PDFs from their sources with Debian's tools (#16). CI does not run this: it
# reads the committed PDFs. Needs: apt-get install --no-install-recommends texlive-latex-base
# texlive-latex-recommended texlive-fonts-recommended groff libreoffice-writer-nogui, and npm (Typst)
# SOURCE_DATE_EPOCH keeps pdfLaTeX's dates fixed, so a rebuild gives the same bytes.
set -eu
cd "$(dirname "$0")"
export SOURCE_DATE_EPOCH=1735689600 FORCE_SOURCE_DATE=1
latex() { (cd "$1" && pdflatex -interaction=nonstopmode -halt-on-error "$2.tex" >/dev/null && pdflatex -interaction=nonstopmode -halt-on-error "$2.tex" >/dev/null && rm -f "$2.aux" "$2.log") }
latex latex issue-14
latex multicol three-columns
latex sidebar sidebar
latex masthead masthead
groff -ms -Tpdf -P-pa4 groff/issue-9.ms > groff/issue-9.pdf
soffice --headless --convert-to pdf --outdir writer writer/issue-15.fodt >/dev/null 2>&1
soffice --headless --convert-to pdf --outdir table table/calendar-table.fodt >/dev/null 2>&1
# Chromium (Debian's) through the project's Playwright, and Typst from the npm registry (#29), installed outside the project: the app does not depend on it.
typst=${TMPDIR:-/tmp}/valise-typst
[ -d "$typst/node_modules/@myriaddreamin/typst-ts-node-compiler" ] || npm install --prefix "$typst" --no-save --no-fund --no-audit @myriaddreamin/typst-ts-node-compiler@0.7.0 >/dev/null
TYPST_COMPILER="$typst/node_modules/@myriaddreamin/typst-ts-node-compiler" node typst/build.mjs
node chromium/build.mjs
for pdf in latex/issue-14.pdf multicol/three-columns.pdf sidebar/sidebar.pdf groff/issue-9.pdf writer/issue-15.pdf masthead/masthead.pdf typst/issue-27.pdf typst/hyphens.pdf table/calendar-table.pdf chromium/calendar.pdf; do
  echo "$pdf: $(pdfinfo "$pdf" | sed -n 's/^Pages: *//p') pages, $(wc -c < "$pdf") bytes"
done
