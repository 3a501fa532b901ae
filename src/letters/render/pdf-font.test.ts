import { describe, expect, it } from 'vitest';
import { printable } from './pdf-font.ts';

describe('printable', () => {
  it('keeps what the font has, spaces as spaces, and composes accents', () => {
    expect(printable('€ ë ï é – “” …')).toBe('€ ë ï é – “” …');
    expect(printable('Київ Łódź Ğ ő ű Ελλάδα ✈\u202f5\ttab')).toBe('Київ Łódź Ğ ő ű Ελλάδα ✈\u00a05 tab');
    expect(printable('Oe\u0308kraine')).toBe('Oëkraine');
  });

  it('leaves invisible marks out and writes what the font lacks in letters, never as "?"', () => {
    expect(printable('✈️ 👩‍💻 a\u200bb\u0007c')).toBe('✈ :woman::computer: abc');
    expect(printable('🇺🇦 😀 中国')).toBe('UA :grinning: ZhongGuo');
  });
});
