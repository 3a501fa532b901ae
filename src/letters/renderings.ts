import type { AnnexDocument, LetterDocument } from './letter-document.ts';
import { renderLetterDocx } from './render/docx.ts';
import { renderAnnexHtml, renderLetterHtml } from './render/html.ts';
import { renderLetterMarkdown } from './render/markdown.ts';
import { renderLetterPdf } from './render/letter-pdf.ts';
import { renderAnnexPdf } from './render/pdf.ts';

export const LETTER_FORMATS = ['html', 'markdown', 'docx', 'pdf'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];
export const ANNEX_FORMATS = ['pdf', 'html'] as const;
export type AnnexFormat = (typeof ANNEX_FORMATS)[number];

export interface Rendering {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  extension: string;
}

const CONTENT_TYPES = {
  html: ['text/html; charset=utf-8', 'html'],
  markdown: ['text/markdown; charset=utf-8', 'md'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  pdf: ['application/pdf', 'pdf'],
} as const;

function rendering(format: LetterFormat, body: string | Uint8Array): Rendering {
  const [contentType, extension] = CONTENT_TYPES[format];
  // A copy that owns its bytes: what a response body takes (a Buffer may be a view into a shared pool).
  return { body: typeof body === 'string' ? body : new Uint8Array(body), contentType, extension };
}

/**
 * The letter in one format. A final letter's PDF and DOCX are stamped with `createdAt`, so that the same
 * letter always gives the same bytes.
 */
export async function renderLetter(doc: LetterDocument, format: LetterFormat, options: { stylesheetHref: string; createdAt?: Date }): Promise<Rendering> {
  switch (format) {
    case 'html':
      return rendering(format, renderLetterHtml(doc, { stylesheetHref: options.stylesheetHref }));
    case 'markdown':
      return rendering(format, renderLetterMarkdown(doc));
    case 'docx':
      return rendering(format, await renderLetterDocx(doc, options.createdAt ? { createdAt: options.createdAt } : {}));
    case 'pdf':
      return rendering(format, await renderLetterPdf(doc, options.createdAt ? { createdAt: options.createdAt } : {}));
  }
}

export async function renderAnnex(annex: AnnexDocument, format: AnnexFormat, options: { stylesheetHref: string }): Promise<Rendering> {
  return format === 'pdf'
    ? rendering('pdf', await renderAnnexPdf(annex))
    : rendering('html', renderAnnexHtml(annex, { stylesheetHref: options.stylesheetHref }));
}
