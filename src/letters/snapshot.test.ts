import { describe, expect, it } from 'vitest';
import type { Contribution } from '../domain/training.ts';
import { DEFAULT_BLOCKS } from './default-blocks.ts';
import { letterInputs } from '../../test/support/letter-inputs.ts';
import { SEED_LETTER_BLOCKS } from '../db/seed/demonstration-letter.ts';
import type { SnapshotFormat } from '../../common/letter-snapshot-format.ts';
import { buildPublicLetter, type LetterInputs, type PublicLetterSnapshot, type Totals } from './snapshot.ts';

const MILLION = 100_000_000; // cents
const REPORTED: Totals = { stock: 2_050 * MILLION, procurement: 3_730 * MILLION, natoFund: 100 * MILLION };

/** A letter after one that reported REPORTED, whose figures are recomputed today as `restated`. */
function letterAfter(restated: Totals): LetterInputs {
  return letterInputs({
    previous: { id: 'previous', referenceDate: '2025-02-04', letterDate: '2025-02-14', paperNumber: null, reportedTotals: REPORTED },
    totals: { stock: 2_400 * MILLION, procurement: 6_100 * MILLION, natoFund: 180 * MILLION },
    restatedPreviousTotals: restated,
  });
}

describe('a restatement of the previous letter’s figures', () => {
  it('is printed in a footnote only where the footnote tells the two figures apart', () => {
    // Stock recomputed € 2 mln. higher: € 2,05 mld. either way. Procurement € 20 mln. higher: € 3,75 mld., not € 3,73 mld.
    const { snapshot, exactLines } = buildPublicLetter(letterAfter({ ...REPORTED, stock: REPORTED.stock + 2 * MILLION, procurement: REPORTED.procurement + 20 * MILLION }));
    expect(snapshot.footnotes.map((note) => note.text)).toEqual([
      'Herzien: volgens de huidige gegevens bedroeg dit op 4 februari 2025 €3,75 mld., niet €3,73 mld. (in de vorige brief afgerond €3,7 mld.).',
      'Herzien: volgens de huidige gegevens bedroeg dit op 4 februari 2025 €5,90 mld., niet €5,88 mld. (in de vorige brief afgerond €5,9 mld.).',
    ]);
    expect(Object.fromEntries(snapshot.figures.lines.map((line) => [line.key, line.restatedPreviousCents]))).toEqual({
      stock: null,
      procurement: 3_750 * MILLION,
      natoFund: null,
      total: 5_900 * MILLION,
    });
    // The annex keeps the recomputation to the cent.
    expect(exactLines.find((line) => line.key === 'stock')!.restatedPreviousCents).toBe(REPORTED.stock + 2 * MILLION);
  });

  it('prints a figure under € 1 mld. as the table prints it, in mld. to two decimals, and only where the two differ so', () => {
    // The NATO fund recomputed € 3 mln. higher: € 0,1 mld. either way, as the table prints it. € 6 mln. higher: € 0,11 mld.
    expect(buildPublicLetter(letterAfter({ ...REPORTED, natoFund: REPORTED.natoFund + 3 * MILLION })).snapshot.footnotes).toEqual([]);
    const { snapshot } = buildPublicLetter(letterAfter({ ...REPORTED, natoFund: REPORTED.natoFund + 6 * MILLION }));
    expect(snapshot.footnotes.map((note) => note.text)).toEqual([
      'Herzien: volgens de huidige gegevens bedroeg dit op 4 februari 2025 €0,11 mld., niet €0,10 mld. zoals in de vorige brief.',
      'Herzien: volgens de huidige gegevens bedroeg dit op 4 februari 2025 €5,89 mld., niet €5,88 mld. (in de vorige brief afgerond €5,9 mld.).',
    ]);
    expect(Object.fromEntries(snapshot.figures.lines.map((line) => [line.key, line.restatedPreviousCents]))).toEqual({
      stock: null,
      procurement: null,
      natoFund: 110 * MILLION,
      total: 5_890 * MILLION,
    });
  });

  it('quotes the previous letter as it printed the figure, never the column’s finer figure as if it had printed that', () => {
    // The previous letter printed procurement € 5 mld. and the total € 7,3 mld.; the column beside gives € 4,99 mld. and € 7,26 mld.
    const reported: Totals = { stock: 2_177 * MILLION, procurement: 4_987 * MILLION, natoFund: 100 * MILLION };
    const inputs = letterAfter({ ...reported, procurement: 5_100 * MILLION });
    const { snapshot } = buildPublicLetter({ ...inputs, previous: { ...inputs.previous!, referenceDate: '2025-06-30', reportedTotals: reported } });
    expect(snapshot.footnotes.map((note) => note.text)).toEqual([
      'Herzien: volgens de huidige gegevens bedroeg dit op 30 juni 2025 €5,10 mld., niet €4,99 mld. (in de vorige brief afgerond €5 mld.).',
      'Herzien: volgens de huidige gegevens bedroeg dit op 30 juni 2025 €7,38 mld., niet €7,26 mld. (in de vorige brief afgerond €7,3 mld.).',
    ]);
  });

  it('prints both figures at both decimals, a trailing zero too, and dropped it in a letter finalised in format 6, which is verified so', () => {
    // The total recomputed € 8,80 mld. where the previous letter's column gave € 8,79 mld.
    const reported: Totals = { stock: 2_400 * MILLION, procurement: 6_210 * MILLION, natoFund: 180 * MILLION };
    const inputs = letterAfter({ ...reported, procurement: 6_220 * MILLION });
    const after = { ...inputs, previous: { ...inputs.previous!, reportedTotals: reported } };
    const notes = (format?: SnapshotFormat) => buildPublicLetter(after, format).snapshot.footnotes.map((note) => note.text);
    expect(notes()).toEqual([
      'Herzien: volgens de huidige gegevens bedroeg dit op 4 februari 2025 €6,22 mld., niet €6,21 mld. (in de vorige brief afgerond €6,2 mld.).',
      'Herzien: volgens de huidige gegevens bedroeg dit op 4 februari 2025 €8,80 mld., niet €8,79 mld. (in de vorige brief afgerond €8,8 mld.).',
    ]);
    expect(notes('steunregister-letter/6')[1]).toBe('Herzien: volgens de huidige gegevens bedroeg dit op 4 februari 2025 €8,8 mld., niet €8,79 mld. (in de vorige brief afgerond €8,8 mld.).');
  });

  it('leaves the letter without a footnote when no figure differs as printed', () => {
    const { snapshot } = buildPublicLetter(letterAfter({ ...REPORTED, stock: REPORTED.stock - 1 }));
    expect(snapshot.footnotes).toEqual([]);
    expect(snapshot.figures.lines.every((line) => line.restatedPreviousCents === null)).toBe(true);
  });
});

describe('a figure per year', () => {
  const named = (text: string) => {
    const inputs = letterAfter(REPORTED);
    const epf = { ...inputs.epf, paidByYear: [{ year: 2024, cents: 150 * MILLION }] };
    return buildPublicLetter({ ...inputs, epf, blocks: [{ key: 'epf', heading: 'EPF', text }] });
  };

  it('is zero for a year up to the reference date in which nothing was received', () => {
    const { snapshot, problems } = named('{{epfPaid:2024}} en {{epfPaid:2025}}');
    expect(problems).toEqual([]);
    expect(snapshot.namedFigures).toEqual({ 'epfPaid:2024': '€150 mln.', 'epfPaid:2025': '€0' });
  });

  it('is among the figures a text may name for each year from the first with something received up to the reference date\'s, whether the text names it or not', () => {
    const perYear = (figures: ReadonlyMap<string, string>) => Object.fromEntries([...figures].filter(([name]) => name.startsWith('epfPaid:')));
    expect(perYear(named('').figures)).toEqual({ 'epfPaid:2024': '€150 mln.', 'epfPaid:2025': '€0' });
    expect(perYear(named('{{epfPaid:2022}}').figures)).toEqual({ 'epfPaid:2022': '€0', 'epfPaid:2024': '€150 mln.', 'epfPaid:2025': '€0' });
    expect(perYear(buildPublicLetter(letterAfter(REPORTED)).figures)).toEqual({ 'epfPaid:2025': '€0' });
  });

  it('is not known yet for a year after the reference date, and unknown for what is no year', () => {
    expect(named('{{epfPaid:2026}} {{epfPaid:25}}').problems).toEqual([{ name: 'epfPaid:2026', why: 'yearAfterReferenceDate' }, { name: 'epfPaid:25' }]);
  });
});

describe('the public overview', () => {
  it('lists a category’s deliveries by title as people read them, the numbers in a title by value', () => {
    const item = (title: string, publicId: string) => ({ publicId, title, detail: '', category: 'drones' as const, supportType: 'stock' as const, quantity: null });
    const overview = [item('Drones nr. 101', 'a'), item('Drones nr. 11', 'b'), item('drones nr. 21', 'c'), item('Drones nr. 3', 'd')];
    const { snapshot } = buildPublicLetter({ ...letterAfter(REPORTED), overview });
    expect(snapshot.overview[0]!.items.map((each) => each.title)).toEqual(['Drones nr. 3', 'Drones nr. 11', 'drones nr. 21', 'Drones nr. 101']);
  });
});

describe('the change of the total since the previous letter', () => {
  // The previous letter printed € 5,88 mld.; € 5,8 mld. now is a fall of € 80 mln. (1 procent), € 5,9 mld. a rise of € 20 mln. (0,3 procent).
  const slightlyLower: Totals = { stock: 2_050 * MILLION, procurement: 3_690 * MILLION, natoFund: 100 * MILLION };
  const slightlyHigher: Totals = { stock: 2_050 * MILLION, procurement: 3_750 * MILLION, natoFund: 100 * MILLION };
  const inputsWith = (totals: Totals, text: string): LetterInputs => ({ ...letterAfter(REPORTED), totals, restatedPreviousTotals: null, blocks: [{ key: 'cijfers', heading: 'Cijfers', text }] });

  it('says a change that rounds to no whole percent is less than one percent, not 0 percent', () => {
    const { figures } = buildPublicLetter(inputsWith(slightlyHigher, '{{headline}}'));
    expect(figures.get('headline')).toContain('Dit is een toename van €20 mln. of minder dan 1 procent ten opzichte van de vorige leveringenbrief.');
    expect(figures.get('increasePercent')).toBe('minder dan 1 procent');
  });

  it('names a fall only as a decrease: the increase of a total that fell keeps the letter from being finalised', () => {
    const { figures, problems } = buildPublicLetter(inputsWith(slightlyLower, 'Een toename van {{increase}} of {{increasePercent}}; een afname van {{decrease}} of {{decreasePercent}}.'));
    expect(figures.get('decrease')).toBe('€80 mln.');
    expect(figures.get('decreasePercent')).toBe('1 procent');
    expect(figures.has('increase')).toBe(false);
    expect(problems).toEqual([{ name: 'increase', why: 'totalFell' }, { name: 'increasePercent', why: 'totalFell' }]);
  });

  it('names a rise only as an increase', () => {
    const { figures, problems } = buildPublicLetter(inputsWith(slightlyHigher, '{{decrease}} {{increase}}'));
    expect(figures.get('increase')).toBe('€20 mln.');
    expect(problems).toEqual([{ name: 'decrease', why: 'totalDidNotFall' }]);
  });

  it('words them as before for a letter finalised in format 2, which is verified so', () => {
    const lower = buildPublicLetter(inputsWith(slightlyLower, '{{increase}} {{increasePercent}}'), 'steunregister-letter/2');
    expect(lower.problems).toEqual([]);
    expect(lower.snapshot.namedFigures).toEqual({ increase: '€80 mln.', increasePercent: '1 procent' });
    const higher = buildPublicLetter(inputsWith(slightlyHigher, '{{increase}} {{increasePercent}}'), 'steunregister-letter/2');
    expect(higher.snapshot.namedFigures).toEqual({ increase: '€20 mln.', increasePercent: '0 procent' });
  });
});

describe('a change of the total the columns’ rounding hides', () => {
  // The previous letter's total was € 8,697 mld.: € 8,70 mld. in this letter's column of it.
  const earlier: Totals = { stock: 2_397 * MILLION, procurement: 6_120 * MILLION, natoFund: 180 * MILLION };
  const inputsWith = (procurement: number): LetterInputs => ({
    ...letterInputs({ previous: { id: 'previous', referenceDate: '2025-02-04', letterDate: '2025-02-14', paperNumber: null, reportedTotals: earlier } }),
    totals: { ...earlier, procurement },
    blocks: [{ key: 'cijfers', heading: 'Cijfers', text: '{{headline}} Een toename van {{increase}} of {{increasePercent}}.' }],
  });

  it('is stated at the two decimals the next letter prints this total at, where the columns show € 8,7 mld. beside € 8,70 mld.', () => {
    // € 22,8 mln. more: € 8,7198 mld., € 8,72 mld. at two decimals.
    const { snapshot, problems } = buildPublicLetter(inputsWith(6_142 * MILLION + 80_000_000));
    expect(problems).toEqual([]);
    expect(snapshot.format).toBe('steunregister-letter/7');
    expect(snapshot.figures).toMatchObject({ increaseCents: 20 * MILLION, increasePercentText: 'minder dan 1 procent' });
    expect(snapshot.figures.increaseLessThan).toBeUndefined();
    expect(snapshot.namedFigures).toMatchObject({ increase: '€20 mln.', increasePercent: 'minder dan 1 procent' });
    expect(snapshot.namedFigures!.headline).toContain('€8,7 mld. Dit is een toename van €20 mln. of minder dan 1 procent ten opzichte van de vorige leveringenbrief.');
  });

  it('is less than their last place where the two decimals hide it too, and is said so', () => {
    // € 4,8 mln. more: € 8,7018 mld., € 8,70 mld. at two decimals too.
    const { snapshot } = buildPublicLetter(inputsWith(6_124 * MILLION + 80_000_000));
    expect(snapshot.figures).toMatchObject({ increaseCents: 10 * MILLION, increaseLessThan: true, increasePercentText: 'minder dan 1 procent' });
    expect(snapshot.namedFigures).toMatchObject({ increase: 'minder dan €10 mln.', increasePercent: 'minder dan 1 procent' });
    expect(snapshot.namedFigures!.headline).toContain('Dit is een toename van minder dan €10 mln. of minder dan 1 procent');
  });

  it.each(['steunregister-letter/3', 'steunregister-letter/4'] as const)('is "evenveel" in a letter finalised in format %s, which is verified so', (format) => {
    const { snapshot } = buildPublicLetter(inputsWith(6_142 * MILLION + 80_000_000), format);
    expect(snapshot.figures).toMatchObject({ increaseCents: 0, increasePercentText: '0 procent' });
    expect(snapshot.namedFigures).toMatchObject({ increase: '€0', increasePercent: '0 procent' });
    expect(snapshot.namedFigures!.headline).toContain('€8,7 mld. Dit is evenveel als in de vorige leveringenbrief.');
  });
});

/** A training programme's contribution counted up to the reference date, with the counts given. */
function contribution(counts: Partial<Contribution>): Contribution {
  return {
    id: 'contribution', programmeId: 'programme', recordedByName: 'Registrar', recordedAt: '2025-09-01T08:00:00Z',
    periodFrom: '2025-01-01', periodTo: null, countsUpTo: '2025-08-31',
    trainers: null, trainersIsMaximum: false, rotations: null, soldiersPerRotation: null, trainees: null, traineesIsApproximate: false, courses: null,
    costEstimateCents: null, fundingSource: null, note: '',
    ...counts,
  };
}

describe('an amount under a million in the running text', () => {
  const inputs = (): LetterInputs => {
    const letter = letterAfter(REPORTED);
    return {
      ...letter,
      publicDeliveryValues: new Map([
        ['cent', { publicId: 'L-1', cents: 1 }],
        ['thousands', { publicId: 'L-2', cents: 7_000_00 }],
        ['million', { publicId: 'L-3', cents: 999_999_99 }],
      ]),
      budget: { ...letter.budget, totalCents: 950_000_00 },
      epf: { ...letter.epf, implementingActorCents: 500_000_00 },
      training: [{ key: 'interflex', contributions: [contribution({ costEstimateCents: 12_345_67 })] }],
      blocks: [{ key: 'tekst', heading: 'Tekst', text: '{{delivery:cent}} {{delivery:thousands}} {{delivery:million}} {{budgetTotal}} {{epfImplementingActor}} {{training:interflex.costEstimate}}' }],
    };
  };

  it('is printed in euro at the letter\'s two significant digits, never as a fraction of a million', () => {
    expect(buildPublicLetter(inputs()).snapshot.namedFigures).toEqual({
      'delivery:L-1': '€0,01',
      'delivery:L-2': '€7.000',
      'delivery:L-3': '€1 mln.',
      budgetTotal: '€950.000',
      epfImplementingActor: '€500.000',
      'training:interflex.costEstimate': '€12.000',
    });
  });

  it('is printed in euro in the headline too, as {{total}} prints it, and as before in a letter finalised in format 3', () => {
    const underAMillion: LetterInputs = { ...letterAfter(REPORTED), previous: null, restatedPreviousTotals: null, totals: { stock: 500_000_00, procurement: 0, natoFund: 0 }, blocks: [{ key: 'a', heading: 'A', text: '{{headline}} {{total}}' }] };
    const opening = 'De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 augustus 2025';
    expect(buildPublicLetter(underAMillion).snapshot.namedFigures).toEqual({ headline: `${opening} €500.000.`, total: '€500.000' });
    expect(buildPublicLetter(underAMillion, 'steunregister-letter/3').snapshot.namedFigures).toEqual({ headline: `${opening} €0,5 mln.`, total: '€500.000' });
  });

  it('is printed as before in a letter finalised in format 2, which is verified so', () => {
    expect(buildPublicLetter(inputs(), 'steunregister-letter/2').snapshot.namedFigures).toMatchObject({ 'delivery:L-1': '€0,00000001 mln.', 'delivery:L-2': '€0,007 mln.', budgetTotal: '€0,95 mln.' });
  });
});

describe('a sentence that ends in an amount', () => {
  const bullets = (inputs: LetterInputs) =>
    buildPublicLetter(inputs).snapshot.sections.flatMap((section) => section.blocks.flatMap((block) => (block.kind === 'bullets' ? block.items.map((item) => item.filter((part) => typeof part === 'string').join('')) : [])));
  const small: Totals = { stock: 950_000_00, procurement: 0, natoFund: 2_000_000_00 };

  it('ends with a full stop in the text a first letter starts from, whether the amount ends in one or not', () => {
    const first: LetterInputs = { ...letterAfter(REPORTED), previous: null, restatedPreviousTotals: null, totals: small, blocks: DEFAULT_BLOCKS };
    expect(bullets(first)).toEqual([
      'Directe levering: de totale vervangingswaarde van de materiële steun bedroeg op 31 augustus 2025 in totaal €950.000.',
      'Commerciële verwervingen: de waarde van de commercieel verworven militaire goederen bedraagt op dit moment €0.',
      'NAVO-fonds: Nederland heeft tot op heden €2 mln. bijgedragen aan het NAVO Ukraine Comprehensive Assistance Package (UCAP).',
    ]);
  });

  it('ends with a full stop in the demonstration\'s text, whether the amount ends in one or not', () => {
    const finance = SEED_LETTER_BLOCKS.filter((block) => block.key === 'finance');
    const [stock, procurement] = bullets({ ...letterAfter(REPORTED), totals: small, blocks: finance });
    expect(stock).toMatch(/ in totaal €950\.000\.$/);
    expect(procurement).toContain('bedraagt op dit moment €0. Hieronder valt');
    const [stockInBillions, procurementInBillions] = bullets({ ...letterAfter(REPORTED), blocks: finance });
    expect(stockInBillions).toMatch(/ in totaal €2,4 mld\.$/);
    expect(procurementInBillions).toContain('bedraagt op dit moment €6,1 mld. Hieronder valt');
  });
});

describe('a count in the running text', () => {
  const sectionText = (snapshot: PublicLetterSnapshot, heading: string) =>
    snapshot.sections.find((section) => section.heading === heading)!.blocks.map((block) => (block.kind === 'paragraph' ? block.content.join('') : '')).join('\n');
  const seedBlock = (key: string) => SEED_LETTER_BLOCKS.find((block) => block.key === key)!;

  it('comes with its words in its number, and the seed letter\'s training text says the month counted up to whatever the year', () => {
    const specialist = contribution({ countsUpTo: '2025-12-31', courses: 1, trainees: 1 });
    const inputs: LetterInputs = { ...letterAfter(REPORTED), referenceDate: '2026-01-31', letterDate: '2026-02-10', training: [{ key: 'specialist', contributions: [specialist] }], blocks: [seedBlock('training')] };
    const { snapshot } = buildPublicLetter(inputs);
    expect(sectionText(snapshot, 'Training')).toContain('Tot januari 2026 heeft er 1 specialistische training plaatsgevonden waarin circa 1 Oekraïner is getraind.');
    const more = buildPublicLetter({ ...inputs, training: [{ key: 'specialist', contributions: [{ ...specialist, courses: 19, trainees: 220 }] }] });
    expect(sectionText(more.snapshot, 'Training')).toContain('Tot januari 2026 hebben er 19 specialistische trainingen plaatsgevonden waarin circa 220 Oekraïners zijn getraind.');
  });

  it('says up to when the training was counted so that it holds for every programme whose counts it names, and as before in a letter finalised in format 6', () => {
    const text = 'tot en met {{trainingCountsUpTo}}; tot {{trainingCountsBefore}}: {{training:stc.trainers}} {{training:specialist.courses|training|trainingen}}';
    const programmes = (specialistUpTo: string): LetterInputs['training'] => [
      { key: 'stc', contributions: [contribution({ countsUpTo: '2025-08-31', trainers: 71 })] },
      { key: 'specialist', contributions: [contribution({ countsUpTo: specialistUpTo, courses: 19 })] },
      // Named nowhere in the text, counted long before: the text says nothing of it.
      { key: 'ended', contributions: [contribution({ periodFrom: '2023-01-01', countsUpTo: '2023-06-30', trainees: 40 })] },
    ];
    const named = (training: LetterInputs['training'], format?: SnapshotFormat) => {
      const { snapshot } = buildPublicLetter({ ...letterAfter(REPORTED), referenceDate: '2025-10-31', letterDate: '2025-11-10', training, blocks: [{ key: 'training', heading: 'Training', text }] }, format);
      return [snapshot.namedFigures!.trainingCountsUpTo, snapshot.namedFigures!.trainingCountsBefore];
    };
    // One programme counted up to 31 August, the other up to 15 October: the letter's figures hold up to August.
    expect(named(programmes('2025-10-15'))).toEqual(['augustus 2025', 'september 2025']);
    expect(named(programmes('2025-10-15'), 'steunregister-letter/6')).toEqual(['oktober 2025', 'november 2025']);
    // Both counted up to 15 October: the day, not all of October.
    const bothMidOctober = programmes('2025-10-15').map((programme) => (programme.key === 'stc' ? { ...programme, contributions: [contribution({ countsUpTo: '2025-10-15', trainers: 71 })] } : programme));
    expect(named(bothMidOctober)).toEqual(['15 oktober 2025', '16 oktober 2025']);
    expect(named(bothMidOctober, 'steunregister-letter/6')).toEqual(['oktober 2025', 'november 2025']);
    // A text that names no count of training speaks of every programme's.
    const { snapshot } = buildPublicLetter({ ...letterAfter(REPORTED), referenceDate: '2025-10-31', letterDate: '2025-11-10', training: programmes('2025-10-15'), blocks: [{ key: 'training', heading: 'Training', text: 'tot en met {{trainingCountsUpTo}}' }] });
    expect(snapshot.namedFigures).toEqual({ trainingCountsUpTo: 'juni 2023' });
  });

  it('takes every count of training given it names at the date it says they were counted up to, and as before in a letter finalised in format 6', () => {
    const text = 'tot en met {{trainingCountsUpTo}}: {{training:stc.trainers}} trainers, {{training:specialist.courses}} {{training:specialist.courses|training|trainingen}}, {{training:interflex.costEstimate}}';
    const stc = { key: 'stc', contributions: [contribution({ countsUpTo: '2025-08-31', trainers: 71 })] };
    // A plan decided after the date training was counted up to is the plan at the reference date.
    const interflex = { key: 'interflex', contributions: [contribution({ countsUpTo: '2025-10-01', costEstimateCents: 500_000_000 })] };
    const build = (specialist: Contribution[], format?: SnapshotFormat) =>
      buildPublicLetter({ ...letterAfter(REPORTED), referenceDate: '2025-10-31', letterDate: '2025-11-10', training: [stc, interflex, { key: 'specialist', contributions: specialist }], blocks: [{ key: 'training', heading: 'Training', text }] }, format);
    const august = contribution({ countsUpTo: '2025-08-31', courses: 19 });
    const october = contribution({ countsUpTo: '2025-10-15', courses: 21 });
    expect(sectionText(build([october, august]).snapshot, 'Training')).toContain('tot en met augustus 2025: 71 trainers, 19 trainingen, €5 mln.');
    expect(sectionText(build([october, august], 'steunregister-letter/6').snapshot, 'Training')).toContain('tot en met oktober 2025: 71 trainers, 21 trainingen, €5 mln.');
    // Counted only after 31 August: not known at the date the letter says, which the author is told.
    const onlyOctober = build([october]);
    expect(onlyOctober.problems).toEqual([
      { name: 'training:specialist.courses', why: 'trainingCountedOnlyLater', params: { trainingCountsUpTo: '2025-08-31' } },
      { name: 'training:specialist.courses|training|trainingen', why: 'trainingCountedOnlyLater', params: { trainingCountsUpTo: '2025-08-31' } },
    ]);
    expect(build([october], 'steunregister-letter/6').problems).toEqual([]);
    // A count the text does not name, nor any count of its programme, is given at the reference date, as it would print named alone.
    const unnamed = buildPublicLetter({ ...letterAfter(REPORTED), referenceDate: '2025-10-31', letterDate: '2025-11-10', training: [stc, { key: 'specialist', contributions: [october, august] }], blocks: [{ key: 'training', heading: 'Training', text: '{{trainingCountsUpTo}}' }] });
    expect(unnamed.figures.get('training:specialist.courses')).toBe('21');
  });

  it('of the seed letter\'s training text says the day counted up to where the counts stop before the month\'s end', () => {
    const specialist = contribution({ countsUpTo: '2025-10-15', courses: 19, trainees: 220 });
    const inputs: LetterInputs = { ...letterAfter(REPORTED), referenceDate: '2025-10-31', letterDate: '2025-11-10', training: [{ key: 'specialist', contributions: [specialist] }], blocks: [seedBlock('training')] };
    const text = sectionText(buildPublicLetter(inputs).snapshot, 'Training');
    expect(text).toContain('De genoemde cijfers zijn gebaseerd op de gegeven trainingen tot en met 15 oktober 2025.');
    expect(text).toContain('Tot 16 oktober 2025 hebben er 19 specialistische trainingen plaatsgevonden waarin circa 220 Oekraïners zijn getraind.');
  });

  it('of windfall-profit tranches says one tranche as one', () => {
    const tranche = { id: 'tranche-1', kind: 'windfallProfits', euAmountCents: 1_400 * MILLION } as LetterInputs['epf']['tranches'][number];
    const inputs = letterAfter(REPORTED);
    const { snapshot, figures } = buildPublicLetter({ ...inputs, epf: { ...inputs.epf, tranches: [tranche] }, blocks: [seedBlock('europeanPeaceFacility')] });
    expect(sectionText(snapshot, 'Europese Vredesfaciliteit')).toContain('Het gaat tot op heden om een tranche van in totaal ongeveer €1,4 mld.');
    expect(figures.get('epfWindfallTranches|tranche|tranches')).toBe('tranche');
  });

  it('prints a footnote in its words as a footnote, and markup in either words that is not whole as a fault', () => {
    const tranche = (id: string) => ({ id, kind: 'windfallProfits', euAmountCents: 1_400 * MILLION }) as LetterInputs['epf']['tranches'][number];
    const text = 'Het gaat om {{epfWindfallTranches}} {{epfWindfallTranches|tranche[^Besloten in mei.]|tranches[^Besloten in | mei en juni.]}} van {{epfWindfallTotal}}.';
    const letter = (tranches: number) => {
      const inputs = letterAfter(REPORTED);
      const epf = { ...inputs.epf, tranches: Array.from({ length: tranches }, (_, index) => tranche(`tranche-${index}`)) };
      return buildPublicLetter({ ...inputs, epf, blocks: [{ key: 'epf', heading: 'EPF', text }] });
    };
    const one = letter(1);
    expect(one.problems).toEqual([]);
    expect(one.snapshot.sections[0]!.blocks[0]).toEqual({ kind: 'paragraph', content: ['Het gaat om een tranche', { footnote: 1 }, ' van €1,4 mld.'] });
    expect(one.snapshot.footnotes).toEqual([{ number: 1, text: 'Besloten in mei.' }]);
    const two = letter(2);
    expect(two.snapshot.sections[0]!.blocks[0]).toEqual({ kind: 'paragraph', content: ['Het gaat om twee tranches', { footnote: 1 }, ' van €2,8 mld.'] });
    expect(two.snapshot.footnotes).toEqual([{ number: 1, text: 'Besloten in | mei en juni.' }]);

    const unclosed = buildPublicLetter({ ...letterAfter(REPORTED), epf: { ...letterAfter(REPORTED).epf, tranches: [tranche('a'), tranche('b')] }, blocks: [{ key: 'epf', heading: 'EPF', text: '{{epfWindfallTranches|tranche[^mei|tranches}}' }] });
    expect(unclosed.problems).toEqual([{ block: 0, fault: 'unclosedFootnote', excerpt: '[^mei' }]);
  });

  it('has no words for a name that is no count', () => {
    const { problems } = buildPublicLetter({ ...letterAfter(REPORTED), blocks: [{ key: 'x', heading: 'X', text: '{{stock|a|b}} {{industry.contracts|contract}} {{industry.contracts|contract|contracten}}' }] });
    expect(problems).toEqual([{ name: 'stock|a|b' }, { name: 'industry.contracts|contract' }]);
  });
});

describe('the note on export control', () => {
  const listed = [
    { deliveryId: 'b', title: 'Levering b', shippedOn: '2025-06-01' },
    { deliveryId: 'd', title: 'Levering d', shippedOn: '2025-06-02' },
  ];

  it('counts the deliveries that left without a licence covering them, of those that needed one, and names the first for the staff, never in the letter', () => {
    const { notes, snapshot } = buildPublicLetter(letterInputs({ exportShipments: { needed: 4, uncovered: 2, listed } }));
    expect(notes).toEqual([{ field: 'exportAssessment', code: 'shipmentsWithoutLicence', params: { count: '2', of: '4', referenceDate: '2025-08-31' }, deliveries: listed }]);
    expect(JSON.stringify(snapshot)).not.toContain('Levering b');
  });

  it('gives its counts in digits, as the message groups them for its reader', () => {
    expect(buildPublicLetter(letterInputs({ exportShipments: { needed: 1234, uncovered: 3, listed } })).notes[0]?.params).toEqual({ count: '3', of: '1234', referenceDate: '2025-08-31' });
  });

  it('says nothing where every delivery that needed a licence had one, or none needed one', () => {
    expect(buildPublicLetter(letterInputs({ exportShipments: { needed: 1, uncovered: 0, listed: [] } })).notes).toEqual([]);
    expect(buildPublicLetter(letterInputs()).notes).toEqual([]);
  });

  it('follows the note on readiness', () => {
    const { notes } = buildPublicLetter(letterInputs({ readinessEffects: [null], exportShipments: { needed: 1, uncovered: 1, listed: listed.slice(0, 1) } }));
    expect(notes.map((note) => note.code)).toEqual(['stockDeliveriesNotJudged', 'shipmentsWithoutLicence']);
  });
});

describe('the note on readiness', () => {
  it('gives its counts in digits, which its message groups as its reader does (20.000, 20,000), never grouped already and read as decimals (1,234 or 1.2)', () => {
    const effects = Array.from({ length: 1234 }, (_, index) => (index < 1200 ? null : 'acceptable' as const));
    expect(buildPublicLetter(letterInputs({ readinessEffects: effects })).notes).toEqual([
      { field: 'readiness', code: 'stockDeliveriesNotJudged', params: { count: '1200', of: '1234', referenceDate: '2025-08-31' } },
    ]);
  });
});
