import type { AnnexDocument, LetterDocument } from './letter-document.ts';
import { escapeHtml, renderAnnexHtml, renderLetterHtml, WATERMARK_SLOT } from './render/html.ts';
import { renderLetterMarkdown } from './render/markdown.ts';
import type { StampablePdf } from './render/pdf-writer.ts';

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
 * letter always gives the same bytes. The PDF and DOCX writers (pdfkit, docx) are loaded when first asked
 * for: together they are a sixth of the server's memory at start.
 */
export async function renderLetter(doc: LetterDocument, format: LetterFormat, options: { createdAt?: Date } = {}): Promise<Rendering> {
  switch (format) {
    case 'html':
      return rendering(format, renderLetterHtml(doc));
    case 'markdown':
      return rendering(format, renderLetterMarkdown(doc));
    case 'docx': {
      const { renderLetterDocx } = await import('./render/docx.ts');
      return rendering(format, await renderLetterDocx(doc, options.createdAt ? { createdAt: options.createdAt } : {}));
    }
    case 'pdf': {
      const { renderLetterPdf } = await import('./render/letter-pdf.ts');
      return rendering(format, await renderLetterPdf(doc, options.createdAt ? { createdAt: options.createdAt } : {}));
    }
  }
}

/** The annex as rendered once and kept: every format but the reader's watermark, which each opening stamps. */
export interface KeptAnnex {
  pdf: StampablePdf;
  html: string;
}

/** One format of a kept annex: what an opening reads. */
export type KeptFormat = { format: 'pdf'; pdf: StampablePdf } | { format: 'html'; html: string };

/** The kept HTML's way back: the reader's list of annexes. */
const ANNEX_BACK = '/bijlagen';

/** Renders the annex once, for keeping; `createdAt` (its letter's finalisation) makes the bytes the same every time. */
export async function renderAnnexForKeeping(annex: AnnexDocument, options: { createdAt: Date }): Promise<KeptAnnex> {
  const { renderAnnexPdf } = await import('./render/annex-pdf.ts');
  return {
    pdf: renderAnnexPdf(annex, { createdAt: options.createdAt }),
    html: renderAnnexHtml(annex, { backHref: ANNEX_BACK, watermark: WATERMARK_SLOT }),
  };
}

/** One opening of a kept annex: its reader's watermark stamped on the rendering. */
export async function stampAnnex(kept: KeptFormat, watermark: string): Promise<Rendering> {
  const { stampAnnexPdf } = await import('./render/annex-pdf.ts');
  if (kept.format === 'pdf') return { body: stampAnnexPdf(kept.pdf, watermark), contentType: CONTENT_TYPES.pdf[0], extension: 'pdf' };
  return rendering('html', kept.html.replaceAll(WATERMARK_SLOT, escapeHtml(watermark)));
}
