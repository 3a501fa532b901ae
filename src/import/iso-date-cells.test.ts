import { describe, expect, it } from 'vitest';
import { withIsoDateCellsAsText } from './iso-date-cells.ts';

const rewritten = (xml: string) => new TextDecoder().decode(withIsoDateCellsAsText(new TextEncoder().encode(xml)));

describe('date cells of type d', () => {
  it('become text cells holding the day they name, however their XML is written', () => {
    expect(rewritten('<row><c r="A1" s="2" t="d"><v>2025-03-14</v></c><c r="B1"><v>2025</v></c></row>')).toBe('<row><c r="A1" s="2" t="str"><v>2025-03-14</v></c><c r="B1"><v>2025</v></c></row>');
    expect(rewritten("<x:c t='d' r='A1'><x:v>2025-03-14T00:00:00.000Z</x:v></x:c>")).toBe("<x:c t='str' r='A1'><x:v>2025-03-14</x:v></x:c>");
    expect(rewritten('<c r="A1" t="d"><f>TODAY()</f><v>2025-03-14T09:15:00+01:00</v></c>')).toBe('<c r="A1" t="str"><f>TODAY()</f><v>2025-03-14</v></c>');
  });

  it('keep text that names no day as it is, to be refused as no date, and leave an empty one and every other cell alone', () => {
    expect(rewritten('<c r="A1" t="d"><v>T10:30:00</v></c>')).toBe('<c r="A1" t="str"><v>T10:30:00</v></c>');
    const untouched = '<c r="A1" t="d"/><c r="B1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>"d"</t></is></c>';
    expect(rewritten(untouched)).toBe(untouched);
  });
});
