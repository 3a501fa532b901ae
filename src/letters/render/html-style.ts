/**
 * The stylesheet of the letter and annex pages, in each page (a strict Content-Security-Policy allows it by
 * its hash). The server serves it as a file too, for the annexes kept before, which link it.
 */
export const LETTER_CSS = `:root {
  color-scheme: light;
  --ink: #1a1a1a;
  --muted: #4a4a4a;
  --rule: #8c8c8c;
  --accent: #154273;
  --marking: #a90011;
  --paper: #ffffff;
  --desk: #e6e6e6;
}

html {
  background: var(--desk);
}

body {
  margin: 0;
  color: var(--ink);
  font-family: "RijksoverheidSansWebText", Verdana, "DejaVu Sans", Arial, sans-serif;
  font-size: 15px;
  line-height: 1.55;
}

.page-frame {
  width: 100%;
  border-collapse: collapse;
}

.page-frame > * > tr > td {
  padding: 0;
  vertical-align: top;
}

.sheet {
  box-sizing: border-box;
  max-width: 210mm;
  margin: 1.5rem auto;
  padding: 18mm 22mm 24mm 27mm;
  background: var(--paper);
  box-shadow: 0 1px 4px rgb(0 0 0 / 25%);
  overflow-wrap: break-word;
}

.annex-sheet {
  max-width: 297mm;
  padding: 12mm 15mm;
}

@media screen {
  .page-marks {
    position: sticky;
    z-index: 2;
  }

  .page-marks-top {
    top: 0;
  }

  .page-marks-bottom {
    bottom: 0;
  }
}

.page-marks p {
  margin: 0;
  padding: 0.4rem 1rem;
  text-align: center;
}

.draft-notice {
  background: #fff3cd;
  color: #5c4400;
  font-weight: bold;
  border-bottom: 2px solid #b58100;
}

.demonstration-mark {
  background: #e7eef7;
  color: var(--accent);
  border-bottom: 1px solid var(--accent);
}

.marking {
  color: var(--marking);
  font-weight: bold;
  letter-spacing: 0.08em;
  background: var(--paper);
}

.page-marks-top .marking {
  border-bottom: 2px solid var(--marking);
}

.page-marks-bottom .marking {
  border-top: 2px solid var(--marking);
}

/* The Rijksoverheid template: the text column on the left, the sender column on the right. */
.letterhead {
  margin-bottom: 2.5em;
  display: grid;
  grid-template-columns: minmax(0, 1fr) 11em;
  column-gap: 2.5em;
}

.letterhead > * {
  grid-column: 1;
}

.letterhead > .wordmark {
  grid-column: 1 / -1;
  margin: 0 0 2em 50%;
  font-size: 1.25em;
  font-weight: bold;
}

.letterhead > .sender-column {
  grid-column: 2;
  grid-row: 2 / span 6;
  margin-top: 2.5em;
  font-size: 0.72em;
  line-height: 1.45;
}

.sender-column p {
  margin: 0 0 1.2em;
}

.sender-column .when-answering {
  color: var(--muted);
}

@media (max-width: 40em) {
  .letterhead {
    display: block;
  }

  /* On a phone the margins of paper leave no room for the text, and a table wider than the screen scrolls on its own. */
  .page-frame {
    table-layout: fixed;
  }

  .sheet {
    margin: 0;
    padding: 6mm 5mm 10mm;
  }

  table.figures {
    display: block;
    overflow-x: auto;
  }
}

.paper-number {
  margin: 0 0 1em;
  text-align: right;
  color: var(--muted);
  font-size: 0.8em;
}

.return-address {
  margin: 2.5em 0 0.9em;
  color: var(--muted);
  font-size: 0.72em;
}

.addressee {
  margin: 0 0 3em;
  min-height: 6.2em;
}

.letter-meta {
  margin: 0;
  font-size: 1em;
  font-weight: normal;
  line-height: 1.55;
  display: flex;
  gap: 0.8em;
}

.meta-label {
  flex: 0 0 4.8em;
  color: var(--muted);
  font-size: 0.8em;
  line-height: 1.95;
}

.salutation {
  margin: 0 0 1.2em;
}

.sheet p,
.sheet ul {
  margin: 0 0 1.1em;
}

.sheet h2 {
  margin: 1.6em 0 0.1em;
  font-size: 1em;
  font-weight: bold;
}

.sheet ul {
  padding-left: 1.3em;
}

.sheet li {
  margin-bottom: 0.5em;
  padding-left: 0.2em;
}

.sheet ul > li::marker {
  content: "·  ";
  font-weight: bold;
}

.footnote-ref {
  line-height: 0;
  font-size: 0.72em;
}

.footnote-ref a,
.footnotes a {
  color: var(--accent);
}

table.figures,
table.annex-table {
  border-collapse: collapse;
  margin: 0.6em 0 1.4em;
}

table.figures {
  width: 100%;
  max-width: 34em;
  break-inside: avoid;
}

table.annex-table {
  width: 100%;
  font-size: 0.85em;
}

table.figures th,
table.figures td,
table.annex-table th,
table.annex-table td {
  padding: 0.25em 0.6em 0.25em 0;
  text-align: left;
  vertical-align: top;
  font-weight: normal;
}

table.annex-table th,
table.annex-table td {
  padding: 0.35em 0.5em;
  border-bottom: 1px solid #d0d0d0;
}

table.figures thead th,
table.annex-table thead th {
  font-weight: bold;
  white-space: nowrap;
  border-bottom: 1px solid var(--ink);
}

table.figures .numeric,
table.annex-table .numeric {
  text-align: right;
  white-space: nowrap;
  font-variant-numeric: tabular-nums;
}

table.figures tr.emphasis > * {
  font-weight: bold;
  border-top: 1px solid var(--ink);
}

.closing {
  margin-top: 2em;
}

.closing p {
  margin: 0 0 1.4em;
}

/* Room to sign between the signatory's title and name. */
.closing p:nth-child(2) {
  margin-bottom: 3.5em;
}

.public-overview {
  margin-top: 3em;
}

.public-overview h3 {
  font-size: 1em;
  margin: 1.2em 0 0.3em;
}

.footnotes {
  margin-top: 3em;
  padding-top: 0.6em;
  border-top: 1px solid var(--rule);
  font-size: 0.8em;
}

.footnotes ol {
  margin: 0;
  padding-left: 1.6em;
}

.annex h1 {
  margin: 0 0 0.2em;
  font-size: 1.3em;
}

.subtitle {
  margin: 0 0 0.4em;
  color: var(--muted);
}

.annex-nav {
  margin: 0 0 1em;
}

.annex-nav a,
.annex-contents a {
  color: var(--accent);
}

.annex-contents ul {
  margin: 0.4em 0 1em;
  padding-left: 1.2em;
}

table.annex-table tr.group > th {
  padding-top: 1em;
  font-weight: bold;
  background: #eef2f7;
}

table.annex-table tr.subtotal > * {
  font-weight: bold;
  border-top: 1px solid var(--ink);
}

table.annex-table tr.note > td {
  color: var(--muted);
  font-style: italic;
}

table.annex-table tr.marked > * {
  background: #fff8e0;
}

.opened-by {
  margin: 0 0 1em;
  color: var(--muted);
  font-size: 0.85em;
}

.watermark {
  position: fixed;
  inset: 0;
  z-index: 1;
  overflow: hidden;
  pointer-events: none;
  display: flex;
  flex-wrap: wrap;
  align-content: space-around;
  justify-content: space-around;
  gap: 6em 2em;
  transform: rotate(-30deg) scale(1.3);
}

.watermark span {
  color: rgb(0 0 0 / 9%);
  font-size: 1.4em;
  font-weight: bold;
  white-space: nowrap;
}

.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}

@page {
  size: A4;
  margin: 14mm 20mm 16mm 27mm;
}

@page annex {
  size: A4 landscape;
  margin: 10mm 12mm;
}

@media print {
  html {
    background: none;
  }

  body {
    font-size: 9.5pt;
  }

  body.annex {
    page: annex;
  }

  .sheet,
  .annex-sheet {
    max-width: none;
    margin: 0;
    padding: 4mm 0;
    box-shadow: none;
  }

  .page-frame thead {
    display: table-header-group;
  }

  .page-frame tfoot {
    display: table-footer-group;
  }

  .sheet h2 {
    break-after: avoid;
  }

  tr,
  li {
    break-inside: avoid;
  }

  .annex-nav,
  .annex-contents {
    display: none;
  }

  .footnote-ref a,
  .footnotes a {
    color: inherit;
    text-decoration: none;
  }
}
`;
