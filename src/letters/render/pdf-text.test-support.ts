import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextItem {
  text: string;
  /** From the left of the page. */
  x: number;
  /** From the bottom of the page, as PDF counts. */
  y: number;
  /** The font size it is printed in. */
  size: number;
}

export interface PdfPage {
  height: number;
  items: PdfTextItem[];
  /** The page's text items joined in reading order. */
  text: string;
}

const standardFontDataUrl = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** The text of every page of a PDF, read as a viewer reads it. */
export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const task = getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, verbosity: 0 });
  const pdf = await task.promise;
  const pages: PdfPage[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) =>
      'str' in item ? [{ text: item.str, x: Number(item.transform[4]), y: Number(item.transform[5]), size: Math.hypot(Number(item.transform[2]), Number(item.transform[3])) }] : []);
    pages.push({ height: page.view[3] ?? 0, items, text: items.map((item) => item.text).join(' ') });
  }
  await task.destroy();
  return pages;
}

/** The PDF's document information, such as its Title. */
export async function pdfInfo(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const task = getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, verbosity: 0 });
  const { info } = await (await task.promise).getMetadata();
  await task.destroy();
  return info as Record<string, unknown>;
}

interface StructNode {
  role?: string;
  children?: (StructNode | { type: string })[];
}

/** What a screen reader is given: whether the PDF is tagged, its language, title, and per page the structure roles in reading order. */
export async function pdfAccessibility(bytes: Uint8Array) {
  const task = getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, verbosity: 0 });
  const pdf = await task.promise;
  const markInfo = await pdf.getMarkInfo();
  const { info } = await pdf.getMetadata();
  const preferences = await pdf.getViewerPreferences();
  const roles: string[][] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const tree = (await (await pdf.getPage(number)).getStructTree()) as StructNode | null;
    const collect = (node: StructNode): string[] => [
      ...(node.role ? [node.role] : []),
      ...(node.children ?? []).flatMap((child) => ('role' in child || 'children' in child ? collect(child as StructNode) : [])),
    ];
    roles.push(tree ? collect(tree) : []);
  }
  await task.destroy();
  // pdfjs answers these as Maps.
  const entry = (value: unknown, key: string) => (value instanceof Map ? value.get(key) : undefined);
  return { marked: entry(markInfo, 'Marked'), info: info as Record<string, unknown>, displayDocTitle: entry(preferences, 'DisplayDocTitle'), roles };
}
