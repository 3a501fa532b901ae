/**
 * An XML part of a workbook read as a stream of its elements and texts, by the elements' local names: a
 * workbook may write them with a namespace prefix (<x:row>), as .NET's Open XML SDK does. No DTD is
 * read and no entity of one is expanded (saxes knows only XML's own five and character references).
 */
import { SaxesParser } from 'saxes';

export interface XmlHandlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  /** Text and CDATA sections, in pieces: an element's text may come in more than one call. */
  text?(text: string): void;
  close?(name: string): void;
}

/** Thrown for a part that is no well-formed XML, or not in UTF-8 (xml-encoding.ts made every part it could decode so). */
export class MalformedXmlError extends Error {}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads a part in UTF-8 (see xml-encoding.ts) from start to end, calling the handlers in document order. */
export function readXml(part: Uint8Array, handlers: XmlHandlers): void {
  const parser = new SaxesParser();
  const { open, text, close } = handlers;
  if (open) parser.on('opentag', (tag) => open(localName(tag.name), tag.attributes));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  parser.on('error', (error) => {
    throw new MalformedXmlError(error.message);
  });
  parser.write(utf8Text(part)).close();
}

function utf8Text(part: Uint8Array): string {
  try {
    return decoder.decode(part);
  } catch {
    throw new MalformedXmlError('not UTF-8');
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** An attribute by its local name, whatever prefix names its namespace (r:id, or another prefix bound to the same). */
export function prefixedAttribute(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (key.endsWith(`:${name}`)) return value;
  return undefined;
}
