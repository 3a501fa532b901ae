import { describe, expect, it } from 'vitest';
import type { ReadinessAnnexRow } from './annex-domain-sections.ts';
import { annexDocument, readerStamp, type AnnexRow, type AnnexSnapshot } from './compose.ts';

const MILLION = 100_000_000; // cents

const row = (title: string, valueCents: number, overrides: Partial<AnnexRow> = {}): AnnexRow => ({
  deliveryId: title,
  title,
  category: 'other',
  supportType: 'stock',
  fundingSource: 'ukraineSupportBudget',
  quantity: null,
  unit: null,
  realisedAt: '2025-05-01',
  valueCents,
  disclosureState: 'confidential',
  since: null,
  previousValueCents: null,
  ...overrides,
});

const snapshot = (rows: AnnexRow[], overrides: Partial<AnnexSnapshot> = {}): AnnexSnapshot => ({
  format: 'steunregister-annex/1',
  letterId: 'letter',
  referenceDate: '2025-08-31',
  isDemonstration: false,
  rows,
  totalCents: rows.reduce((sum, each) => sum + each.valueCents, 0),
  previousLetter: null,
  noLongerListed: [],
  ...overrides,
});

/** The text with the spaces that keep an amount on one line as plain ones. */
const spaced = (text: string) => text.replaceAll('\u00a0', ' ');

describe('annexDocument', () => {
  it('counts in its total what the total is the sum of, and names the work for the EU apart', () => {
    const annex = snapshot([
      row('Generatoren', 2 * MILLION),
      row('Munitie', 3 * MILLION, { supportType: 'procurement' }),
      row('Drones voor de EU', 0, { supportType: 'procurement', fundingSource: 'epf', implementingActorCents: 40 * MILLION }),
    ]);
    expect(spaced(annexDocument(annex).subtitle)).toBe(
      'Totaaloverzicht tot en met 31 augustus 2025: 2 leveringen, samen € 5 mln.; daarnaast 1 levering als uitvoerder voor de Europese Vredesfaciliteit, buiten dit totaal',
    );
    expect(spaced(annexDocument(snapshot(annex.rows.slice(0, 1))).subtitle)).toBe('Totaaloverzicht tot en met 31 augustus 2025: 1 levering, samen € 2 mln.');
  });

  it('prints each delivery and subtotal to the cent, the earlier value of a changed one alike, and beneath a subtotal how the letter rounds it', () => {
    const document = annexDocument(
      snapshot([
        row('Generatoren', 123_456_789),
        row('Munitie', 999_999_999_999),
        row('Tanks', 210_000_000_000, { since: 'changed', previousValueCents: 205_000_000_000 }),
      ]),
    );
    const lines = document.sections[0]!.rows.flatMap((line) => ('cells' in line && line.kind !== 'group' ? [spaced(line.cells.filter((cell) => cell !== '').join(' | '))] : []));
    expect(lines.slice(0, 5)).toEqual([
      'Generatoren | Overig | Steunfonds Oekraïne | 1 mei 2025 | € 1.234.567,89 | Vertrouwelijk',
      'Munitie | Overig | Steunfonds Oekraïne | 1 mei 2025 | € 9.999.999.999,99 | Vertrouwelijk',
      'Tanks | Overig | Steunfonds Oekraïne | 1 mei 2025 | € 2.100.000.000,00 | Vertrouwelijk | was € 2.050.000.000,00',
      'Subtotaal Directe levering (vervangingswaarde) | € 12.101.234.567,88',
      'In de tabel van de brief: € 12,1 mld.',
    ]);
  });

  it('says what is new or at another value since the previous letter, in the singular for one, and that nothing is when nothing is', () => {
    const since = (rows: AnnexRow[]) => annexDocument(snapshot(rows, { previousLetter: { id: 'previous', referenceDate: '2025-02-04' } })).summary[0];
    expect(since([row('Generatoren', MILLION)])).toBe('Sinds de vorige brief (peildatum 4 februari 2025) zijn er geen nieuwe leveringen en geen leveringen met een andere waarde.');
    expect(since([row('Generatoren', MILLION, { since: 'new' })])).toBe('Sinds de vorige brief (peildatum 4 februari 2025): 1 levering nieuw. Deze is gemarkeerd in de kolom “Sinds vorige brief”.');
    expect(since([row('Generatoren', MILLION, { since: 'changed', previousValueCents: 2 * MILLION })])).toBe(
      'Sinds de vorige brief (peildatum 4 februari 2025): 1 levering met een andere waarde. Deze is gemarkeerd in de kolom “Sinds vorige brief”.',
    );
    expect(since([row('Generatoren', MILLION, { since: 'new' }), row('Munitie', MILLION, { since: 'new' }), row('Tanks', MILLION, { since: 'changed', previousValueCents: 0 })])).toBe(
      'Sinds de vorige brief (peildatum 4 februari 2025): 2 leveringen nieuw en 1 levering met een andere waarde. Deze zijn gemarkeerd in de kolom “Sinds vorige brief”.',
    );
  });

  it('writes every date in one form, the month in full, in its tables as in its text', () => {
    const document = annexDocument(
      snapshot([row('Generatoren', MILLION, { realisedAt: '2022-04-14' })], {
        contractsByCompany: [
          { company: 'Damen', country: 'NL', disclosureState: 'confidential', reference: 'C-1', subject: 'Boten', signedOn: '2025-09-03', amountCents: MILLION, milestones: 1, milestonesCompleted: 0 },
        ],
        readinessByDelivery: [
          { delivery: 'Generatoren', realisedAt: '2022-04-14', judgement: { effect: 'acceptable', judgedOn: '2022-10-01', judgedByRole: 'registrar', reasoning: 'Vervangen' }, replacements: [], nonReplacements: [] },
        ],
      }),
    );
    const text = [document.subtitle, ...document.summary, ...document.sections.flatMap((section) => section.rows.flatMap((line) => ('cells' in line ? line.cells : line)))].join('\n');
    expect(text).toContain('14 april 2022');
    expect(text).toContain('3 september 2025');
    expect(text).not.toMatch(/\d{1,2} [a-z]+\. \d{4}/);
  });

  it('keeps every amount on one line: no space a line may break at between "€" and its number or within "1 mld."', () => {
    const document = annexDocument(
      snapshot([row('Generatoren', 123_456_789, { since: 'changed', previousValueCents: 100 * MILLION })], {
        readinessByDelivery: [{ delivery: 'Generatoren', realisedAt: '2025-05-01', judgement: null, replacements: [{ project: 'Vervangende aggregaten', stage: 'approved', replacedValueCents: 1_000 * MILLION }], nonReplacements: [] }],
      }),
    );
    const [, line] = document.sections[0]!.rows as { cells: string[] }[];
    expect(line!.cells[5]).toBe('€\u00a01.234.567,89');
    expect(line!.cells[7]).toBe('was €\u00a0100.000.000,00');
    expect(document.subtitle).toContain('samen €\u00a01,2\u00a0mln.');
    const readiness = document.sections.find((section) => section.heading.startsWith('Effecten krijgsmacht'))!;
    expect((readiness.rows[0] as string[])[4]).toBe('Vervangende aggregaten (Goedgekeurd): €\u00a01.000.000.000,00');
  });

  it('names who judged readiness by the role they judged in, or as the system, never by a login name', () => {
    const judged = (judgement: Partial<NonNullable<ReadinessAnnexRow['judgement']>>) =>
      annexDocument(
        snapshot([row('Generatoren', MILLION)], {
          readinessByDelivery: [{ delivery: 'Generatoren', realisedAt: '2025-05-01', judgement: { effect: 'acceptable', judgedOn: '2025-08-31', reasoning: 'Vervangen', ...judgement }, replacements: [], nonReplacements: [] }],
        }),
      ).sections.find((section) => section.heading.startsWith('Effecten krijgsmacht'))!.rows[0] as string[];
    expect(judged({ judgedByRole: 'registrar' })[2]).toBe('acceptabel (31 augustus 2025, Registrator)');
    expect(judged({ judgedByRole: null })[2]).toBe('acceptabel (31 augustus 2025, het systeem)');
    // Annexes frozen before named the account: the system's in words, a person's not at all.
    expect(judged({ judgedBy: 'system' })[2]).toBe('acceptabel (31 augustus 2025, het systeem)');
    expect(judged({ judgedBy: 'j.devries' })[2]).toBe('acceptabel (31 augustus 2025)');
  });

  it('stamps its reader by name and role, or by role alone for an account without a name, never by login name, and the opening by its mark', () => {
    const openedAt = new Date('2026-11-30T15:55:00Z');
    expect(readerStamp({ name: 'J. de Vries', role: 'parliamentReader' }, { at: openedAt, mark: '7KQ2-M9PX' })).toBe('Geopend door J. de Vries (Kamerlid) op 30 november 2026 om 16:55, kenmerk 7KQ2-M9PX');
    expect(readerStamp({ name: ' ', role: 'letterAuthor' }, { at: openedAt, mark: 'C4VN-8RZD' })).toBe('Geopend door Opsteller van de brief op 30 november 2026 om 16:55, kenmerk C4VN-8RZD');
  });

  it('names the country of a company and where a programme trains in Dutch, not by its code', () => {
    const document = annexDocument(
      snapshot([row('Generatoren', MILLION)], {
        contractsByCompany: [
          { company: 'Damen', country: 'NL', disclosureState: 'confidential', reference: 'C-1', subject: 'Boten', signedOn: '2025-09-03', amountCents: MILLION, milestones: 1, milestonesCompleted: 0 },
        ],
        trainingByProgramme: [
          { programme: 'Interflex', hostCountry: 'GB', framework: 'coalition', trainers: null, trainees: { value: 60_000, qualifier: 'approximate' }, courses: null, countsUpTo: '2025-08-31' },
        ],
      }),
    );
    const cells = (heading: string) => document.sections.find((section) => section.heading.startsWith(heading))!.rows[0] as string[];
    expect(cells('Industrie')[1]).toBe('Nederland');
    expect(cells('Training')[1]).toBe('Verenigd Koninkrijk');
  });

  it('prints the amount of a contract and of a replacement to the cent, as it prints the deliveries, not in the letter’s rounding', () => {
    const document = annexDocument(
      snapshot([row('Generatoren', 123_456_789_12)], {
        contractsByCompany: [
          { company: 'Damen', country: 'NL', disclosureState: 'confidential', reference: 'C-1', subject: 'Boten', signedOn: '2025-09-03', amountCents: 123_456_789_12, milestones: 1, milestonesCompleted: 0 },
        ],
        readinessByDelivery: [{ delivery: 'Generatoren', realisedAt: '2025-05-01', judgement: null, replacements: [{ project: 'Nieuwe aggregaten', stage: 'approved', replacedValueCents: 4_560_000_00 }], nonReplacements: [] }],
      }),
    );
    const cells = (heading: string) => {
      const line = document.sections.find((section) => section.heading.startsWith(heading))!.rows.find((each) => Array.isArray(each) || each.kind === undefined)!;
      return (Array.isArray(line) ? line : line.cells).map(spaced);
    };
    expect(cells('Leveringen')[5]).toBe('€ 123.456.789,12');
    expect(cells('Industrie')[6]).toBe('€ 123.456.789,12');
    expect(cells('Effecten krijgsmacht')[4]).toBe('Nieuwe aggregaten (Goedgekeurd): € 4.560.000,00');
  });
});
