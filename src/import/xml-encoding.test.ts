import { describe, expect, it } from 'vitest';
import { xmlAsUtf8 } from './xml-encoding.ts';

const SHEET = '<worksheet><c t="d"><v>2025-03-14</v></c><t>Oekraïne €</t></worksheet>';
const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array | undefined) => bytes && new TextDecoder().decode(bytes);

describe('an XML part as UTF-8', () => {
  it('is the part itself when it is UTF-8, with or without a byte order mark', () => {
    for (const part of [utf8(`<?xml version="1.0" encoding="UTF-8"?>${SHEET}`), utf8(`\uFEFF${SHEET}`), utf8(SHEET)]) expect(xmlAsUtf8(part)).toBe(part);
  });

  it('decodes UTF-16 by its byte order mark, or by its first characters without one, and declares UTF-8', () => {
    const declared = `<?xml version="1.0" encoding="UTF-16" standalone="yes"?>${SHEET}`;
    const littleEndian = Buffer.from(`\uFEFF${declared}`, 'utf16le');
    const bigEndian = Buffer.from(littleEndian).swap16();
    const unmarked = Buffer.from(declared, 'utf16le');
    for (const part of [littleEndian, bigEndian, unmarked]) expect(text(xmlAsUtf8(new Uint8Array(part)))).toBe(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${SHEET}`);
  });

  it('decodes the character set its declaration names', () => {
    const latin1 = new Uint8Array(Buffer.from(`<?xml version='1.0' encoding='ISO-8859-1'?><t>Oekraïne</t>`, 'latin1'));
    expect(text(xmlAsUtf8(latin1))).toBe(`<?xml version='1.0' encoding='UTF-8'?><t>Oekraïne</t>`);
  });

  it('reads a part that starts in ASCII and declares UTF-16 as the UTF-8 it is', () => {
    const part = utf8(`<?xml version="1.0" encoding="UTF-16"?>${SHEET}`);
    expect(xmlAsUtf8(part)).toBe(part);
  });

  it('gives nothing for a part its encoding does not decode, or whose encoding no decoder knows', () => {
    expect(xmlAsUtf8(new Uint8Array([...utf8('<t>Oekra'), 0xef, ...utf8('ne</t>')]))).toBeUndefined();
    expect(xmlAsUtf8(new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x00, 0xdc]))).toBeUndefined();
    expect(xmlAsUtf8(utf8('<?xml version="1.0" encoding="x-unheard-of"?><t/>'))).toBeUndefined();
  });
});
