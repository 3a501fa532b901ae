/**
 * An XML part of a workbook read as a stream of its elements and texts, by the elements' local names: a
 * workbook may write them with a namespace prefix (<x:row>), as .NET's Open XML SDK does. No DTD is
 * read and no entity of one is expanded (saxes knows only XML's own five and character references).
 */
import { setImmediate } from 'node:timers/promises';
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

/**
 * Characters parsed between two turns of the event loop, some milliseconds of work: a sheet of 100,000 rows
 * read in one go held a server's other requests for a second.
 */
const CHARACTERS_PER_SLICE = 256 * 1024;

/** Reads a part in UTF-8 (see xml-encoding.ts) from start to end, calling the handlers in document order. */
export async function readXml(part: Uint8Array, handlers: XmlHandlers): Promise<void> {
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
  const content = utf8Text(part);
  for (let start = 0; start < content.length; start += CHARACTERS_PER_SLICE) {
    if (start > 0) await setImmediate();
    parser.write(content.slice(start, start + CHARACTERS_PER_SLICE));
  }
  parser.close();
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
