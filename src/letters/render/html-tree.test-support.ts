import { parse, type DefaultTreeAdapterTypes, type ParserError } from 'parse5';
import { expect } from 'vitest';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document | DefaultTreeAdapterTypes.DocumentFragment;
export type Element = DefaultTreeAdapterTypes.Element;

/** Parses as a browser would, failing the test on any parse error. */
export function parseStrict(html: string): DefaultTreeAdapterTypes.Document {
  const errors: ParserError[] = [];
  const document = parse(html, { onParseError: (error) => errors.push(error) });
  expect(errors.map((error) => `${error.code} at line ${error.startLine}`)).toEqual([]);
  return document;
}

/** The node and its descendants that are elements, with the tag when given. */
export function elements(node: Node, tag?: string): Element[] {
  const children = 'childNodes' in node ? node.childNodes : [];
  const own = 'tagName' in node && (tag === undefined || node.tagName === tag) ? [node] : [];
  return [...own, ...children.flatMap((child) => elements(child, tag))];
}

export function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

/** The text of each cell of each row in the table's body. */
export function bodyRows(table: Element): string[][] {
  return elements(elements(table, 'tbody')[0]!, 'tr').map((tr) =>
    elements(tr).filter((cell) => cell.tagName === 'th' || cell.tagName === 'td').map(text));
}
