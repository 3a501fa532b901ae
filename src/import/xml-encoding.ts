/**
 * An XML part of a workbook as UTF-8, the encoding its parts are read in (see xml-events.ts). Excel writes UTF-8,
 * but other generators write UTF-16 (with a byte order mark, as .NET's XmlWriter does unless told otherwise) or a
 * character set their XML declaration names (ISO-8859-1): read as UTF-8, a UTF-16 part is no XML at all, and each
 * letter of a Latin-1 part beyond ASCII a replacement character, so that "Oekraïne" would be imported as "Oekra�ne".
 */
import { isUtf8 } from 'node:buffer';

/** The encoding of an XML entity without a byte order mark by its first bytes, "<?", as XML's appendix F tells them apart. */
const UNMARKED_UTF16 = [
  { start: [0x3c, 0x00, 0x3f, 0x00], encoding: 'utf-16le' },
  { start: [0x00, 0x3c, 0x00, 0x3f], encoding: 'utf-16be' },
] as const;

const BYTE_ORDER_MARKS = [
  { mark: [0xff, 0xfe], encoding: 'utf-16le' },
  { mark: [0xfe, 0xff], encoding: 'utf-16be' },
] as const;

/** The encoding an XML declaration written in ASCII names. */
const DECLARED_ENCODING = /^<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([A-Za-z][\w.:-]*)\1/;

/** The declaration's encoding, once the text is decoded, as the UTF-8 it will be. */
const DECLARATION_ENCODING = /^(<\?xml\s[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2/;

/** The part as UTF-8, the part itself when it is; undefined when its encoding does not decode it, or is none a decoder knows. */
export function xmlAsUtf8(part: Uint8Array): Uint8Array | undefined {
  const encoding = utf16Of(part) ?? declaredEncodingOf(part);
  if (encoding === undefined) return isUtf8(part) ? part : undefined;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(part);
  } catch {
    return undefined;
  }
  return new TextEncoder().encode(text.replace(DECLARATION_ENCODING, '$1$2UTF-8$2'));
}

function utf16Of(part: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const startsWith = (bytes: readonly number[]) => bytes.every((byte, index) => part[index] === byte);
  return BYTE_ORDER_MARKS.find(({ mark }) => startsWith(mark))?.encoding ?? UNMARKED_UTF16.find(({ start }) => startsWith(start))?.encoding;
}

/** The encoding a declaration in ASCII names, unless it is UTF-8, or UTF-16, which a part that starts in ASCII is not (it is read as UTF-8). */
function declaredEncodingOf(part: Uint8Array): string | undefined {
  const declared = DECLARED_ENCODING.exec(new TextDecoder('latin1').decode(part.subarray(0, 200)))?.[2];
  return declared === undefined || /^utf-?(8|16)/i.test(declared) ? undefined : declared;
}
