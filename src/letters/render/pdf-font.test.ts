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
    expect(printable('🇺🇦 😀 中国')).toBe('Oekraïne :grinning: ZhongGuo');
  });

  it('writes a flag as its country’s Dutch name, apart from the words beside it; a flag of no country as its letters', () => {
    expect(printable('Steun🇺🇦🇳🇱 (🇬🇧), 🇪🇺 en 🇺🇳.')).toBe('Steun Oekraïne Nederland (Verenigd Koninkrijk), EU en UN.');
    expect(printable('🇨🇼 🇦🇽 \u{1F1FA}')).toBe('Curaçao Åland U');
  });
});
