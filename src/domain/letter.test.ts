import { describe, expect, it } from 'vitest';
import { draftBlockViolations, finalisationViolations, paperNumberOrderViolations, sendingViolations } from './letter.ts';

const signatoryName = 'Ruben Brekelmans';

const opening = { key: 'opening', heading: null, text: 'Hierbij informeer ik u.' };
const training = { key: 'training', heading: 'Training', text: '' };

describe('the text blocks of a draft', () => {
  it('may leave a section empty, but not without blocks, with a key twice (whatever its case) or with a text of only spaces', () => {
    expect(draftBlockViolations([opening, training])).toEqual([]);
    expect(draftBlockViolations([])).toEqual([{ field: 'blocks', code: 'noBlocks' }]);
    expect(draftBlockViolations([opening, training, { ...training, heading: 'Opleiding' }, { ...opening, text: 'Nog eens.' }])).toEqual([
      { field: 'blocks.2.key', code: 'duplicateBlockKey', params: { number: '3', heading: 'Opleiding', key: 'training', first: '2' } },
      { field: 'blocks.3.key', code: 'duplicateBlockKey', params: { number: '4', heading: '', key: 'opening', first: '1' } },
    ]);
    expect(draftBlockViolations([opening, training, { ...training, key: 'Training' }, { ...opening, key: 'OPENING' }])).toEqual([
      { field: 'blocks.2.key', code: 'duplicateBlockKey', params: { number: '3', heading: 'Training', key: 'Training', first: '2' } },
      { field: 'blocks.3.key', code: 'duplicateBlockKey', params: { number: '4', heading: '', key: 'OPENING', first: '1' } },
    ]);
    expect(draftBlockViolations([opening, { ...training, text: ' \n\t\n ' }])).toEqual([{ field: 'blocks.1.text', code: 'blankText', params: { number: '2', heading: 'Training' } }]);
  });
});

describe('a letter to be finalised', () => {
  const today = '2026-01-20';
  const letterDate = today;

  it('is whole: as at a date that has come, its blocks as a draft’s must be, with some text and a signatory', () => {
    expect(finalisationViolations({ signatoryName, letterDate, referenceDate: today, blocks: [opening, training] }, today)).toEqual([]);
    expect(finalisationViolations({ signatoryName, letterDate, referenceDate: '2026-01-21', blocks: [opening] }, today)).toEqual([{ field: 'referenceDate', code: 'referenceDateNotReached', params: { today } }]);
    expect(finalisationViolations({ signatoryName, letterDate, referenceDate: today, blocks: [] }, today)).toEqual([{ field: 'blocks', code: 'noBlocks' }]);
    expect(finalisationViolations({ signatoryName, letterDate, referenceDate: today, blocks: [{ ...opening, text: '' }, training] }, today)).toEqual([{ field: 'blocks', code: 'noText' }]);
    expect(finalisationViolations({ signatoryName, letterDate, referenceDate: today, blocks: [opening, opening, { ...training, text: ' ' }] }, today).map((violation) => violation.code)).toEqual([
      'duplicateBlockKey',
      'blankText',
    ]);
  });

  it('is dated at most 31 days ahead, the day it can go to the Kamer, and sent from that day on', () => {
    const whole = { signatoryName, referenceDate: today, blocks: [opening] };
    expect(finalisationViolations({ ...whole, letterDate: '2026-02-20' }, today)).toEqual([]);
    expect(finalisationViolations({ ...whole, letterDate: '2026-02-21' }, today)).toEqual([
      { field: 'letterDate', code: 'letterDateTooFarAhead', params: { letterDate: '2026-02-21', latest: '2026-02-20', days: '31' } },
    ]);
    expect(sendingViolations({ letterDate: today }, today)).toEqual([]);
    expect(sendingViolations({ letterDate: '2026-01-21' }, today)).toEqual([{ field: 'letterDate', code: 'letterDateNotReached', params: { letterDate: '2026-01-21' } }]);
  });

  it('is signed by a name, not by the title alone', () => {
    expect(finalisationViolations({ referenceDate: today, letterDate, blocks: [opening], signatoryName: ' \t ' }, today)).toEqual([{ field: 'signatoryName', code: 'noSignatoryName' }]);
  });
});

describe("a paper number in its dossier's order", () => {
  const february = { referenceDate: '2025-02-04', letterDate: '2025-02-17', paperNumber: 'Kamerstuk 22 054, nr. 453' } as const;
  const may = { referenceDate: '2025-04-30', letterDate: '2025-05-12', paperNumber: 'Kamerstuk 22 054, nr. 455' } as const;
  const september = { referenceDate: '2025-08-31', letterDate: '2025-09-10', paperNumber: 'Kamerstuk 22 054, nr. 460' } as const;
  const violation = (code: string, other: { referenceDate: string; paperNumber: string }) => ({ field: 'paperNumber', code, params: { referenceDate: other.referenceDate, paperNumber: other.paperNumber } });

  it('takes a number between those of the letters dated before and after it', () => {
    expect(paperNumberOrderViolations('2025-07-07', 'Kamerstuk 22 054, nr. 456', [february, may, september])).toEqual([]);
  });

  it('names the nearest earlier letter with a number as high or higher, and the nearest later one with a number as low or lower', () => {
    expect(paperNumberOrderViolations('2025-07-07', 'Kamerstuk 22 054, nr. 454', [february, may, september])).toEqual([violation('paperNumberNotAfterEarlierLetter', may)]);
    expect(paperNumberOrderViolations('2025-07-07', 'Kamerstuk 22 054, nr. 461', [february, may, september])).toEqual([violation('paperNumberNotBeforeLaterLetter', september)]);
    expect(paperNumberOrderViolations('2025-03-01', 'Kamerstuk 22 054, nr. 452', [february, may])).toEqual([violation('paperNumberNotAfterEarlierLetter', february)]);
  });

  it('compares within one dossier however its chapter is written, and not letters of the same date', () => {
    const chapter = { referenceDate: '2025-02-04', letterDate: '2025-02-17', paperNumber: 'Kamerstuk 36 200 X, nr. 40' };
    expect(paperNumberOrderViolations('2025-09-10', 'Kamerstuk 36 200-X, nr. 12', [chapter])).toEqual([violation('paperNumberNotAfterEarlierLetter', chapter)]);
    expect(paperNumberOrderViolations('2025-09-10', 'Kamerstuk 36 045, nr. 12', [february, may])).toEqual([]);
    expect(paperNumberOrderViolations('2025-09-10', 'Kamerstuk 21 501-28, nr. 12', [{ ...february, paperNumber: 'Kamerstuk 21 501-2, nr. 40' }])).toEqual([]);
    expect(paperNumberOrderViolations('2025-05-12', 'Kamerstuk 22 054, nr. 454', [may])).toEqual([]);
  });
});
