/**
 * A letter's figures include confidential deliveries: the public reads them only as the letter prints them.
 * Were they published to the cent, the difference of two letters' totals would be a confidential delivery's
 * change of value. Here the only change between two letters is the revaluation of one confidential delivery,
 * and no public route gives a figure from which its values follow, for a letter frozen to the cent before
 * (format 1) as for one finalised now.
 */
import { beforeAll, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createApi } from '../../src/api/app.ts';
import { findFrozenFigureLines } from '../../src/db/repositories/letters.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { EXACT_SNAPSHOT_FORMAT } from '../../common/letter-snapshot-format.ts';
import { sealed, type FigureLine, type PublicLetterSnapshot } from '../../src/letters/snapshot.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { registerShipped } from '../support/export-control.ts';
import { frozenSnapshot, ifMatchCurrent, refreeze, submitAndApprove } from '../support/letters.ts';

/** The confidential delivery's value in the first letter (€1.234.567,89) and in the second. */
const VALUE_THEN = 123_456_789;
const VALUE_NOW = 1_111_111_110;
/** The exact difference of the two letters' totals. */
const DIFFERENCE = VALUE_NOW - VALUE_THEN;

/** Every amount in cents a public answer gives (any key ending in "cents"). */
function amountsIn(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap(amountsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (/cents$/i.test(key) && typeof inner === 'number' ? [inner] : amountsIn(inner)));
}

/** An amount as the open data writes it: digits, or euros with a decimal point or comma. */
function spellings(cents: number): string[] {
  const euros = `${Math.trunc(cents / 100)}`;
  const fraction = String(Math.abs(cents) % 100).padStart(2, '0');
  return [String(cents), `${euros}.${fraction}`, `${euros},${fraction}`];
}

describeEachDatabase('the figures of the letters on public routes, only as printed', (database) => {
  let anonymous: ApiCall;
  let author: ApiCall;
  let august: string;
  let december: string;
  /** The figures of both letters to the cent, as their confidential annexes keep them. */
  let exact: FigureLine[];

  beforeAll(async () => {
    const { db } = database();
    expect(await loadDemonstrationData(db)).toBeGreaterThan(0);
    const api = createApi({ db, onError: (error) => { throw error; } });
    author = apiClient(db, { role: 'letterAuthor', api });
    const registrar = apiClient(db, { role: 'registrar', api });
    const disclosure = apiClient(db, { role: 'disclosureOfficer', api });
    anonymous = apiClient(db, { api });
    const finalise = async (id: string, publication: { paperNumber: string; publishedOn: string }) => {
      const draft = (await author('GET', `/letters/${id}`)).body;
      const approved = await submitAndApprove({ author, disclosure }, id, `"${draft.version}"`);
      expect((await author('POST', `/letters/${id}/finalisation`, {}, { 'If-Match': `"${approved.body.version}"` })).status).toBe(200);
      expect((await author('POST', `/letters/${id}/sending`, undefined, await ifMatchCurrent(author, id))).status).toBe(200);
      expect((await author('POST', `/letters/${id}/publication`, publication, await ifMatchCurrent(author, id))).status).toBe(200);
    };
    const created = await registerShipped(registrar, db, {
      title: 'Munitie, intern kenmerk MUN-2025-9',
      category: 'ammunition',
      supportType: 'stock',
      fundingSource: 'ukraineSupportBudget',
      committedAt: '2025-07-01',
      realisedAt: '2025-07-15',
    });
    expect(created.status).toBe(200);
    const value = (amountCents: number, effectiveDate: string) => registrar('POST', `/deliveries/${created.body.id}/valuations`, { amountCents, basis: 'replacementValue', effectiveDate });
    expect((await value(VALUE_THEN, '2025-07-15')).status).toBe(201);
    expect((await disclosure('POST', '/disclosure-decisions', { deliveryIds: [created.body.id], state: 'confidential', ground: 'operationalSecurity' })).status).toBe(201);
    august = (await author('GET', '/letters')).body.items.find((item: any) => item.referenceDate === '2025-08-31').id;
    await finalise(august, { paperNumber: 'Kamerstuk 22 054, nr. 460', publishedOn: '2025-09-10' });
    await asFinalisedBefore(august);

    expect((await value(VALUE_NOW, '2025-10-15')).status).toBe(201);
    const draft = await author('POST', '/letters', { referenceDate: '2025-12-31', letterDate: '2026-01-20' });
    expect(draft.status).toBe(201);
    december = draft.body.id;
    await finalise(december, { paperNumber: 'Kamerstuk 22 054, nr. 470', publishedOn: '2026-01-20' });

    exact = [...((await findFrozenFigureLines(db, august)) ?? []), ...((await findFrozenFigureLines(db, december)) ?? [])];
  });

  /**
   * Makes the August letter one finalised before the public letter held its figures as printed: its frozen
   * public text (format 1) holds them to the cent, as its annex keeps them, under a hash of that text.
   */
  async function asFinalisedBefore(id: string): Promise<void> {
    const snapshot = await frozenSnapshot(database().db, id);
    const lines = (await findFrozenFigureLines(database().db, id))!;
    const total = lines.at(-1)!;
    await refreeze(database().db, id, { ...snapshot, format: EXACT_SNAPSHOT_FORMAT, figures: { ...snapshot.figures, lines, increaseCents: total.currentCents - total.reportedPreviousCents! } });
  }

  it('keeps the figures to the cent only where the public cannot read them: the letters differ by exactly the confidential change', () => {
    const totals = exact.filter((line) => line.key === 'total').map((line) => line.currentCents);
    expect(totals).toHaveLength(2);
    expect(totals[1]! - totals[0]!).toBe(DIFFERENCE);
  });

  it('gives on no public route an exact figure, nor two figures whose difference is a confidential value', async () => {
    const paths = [
      '/public/letters',
      '/public/figures',
      '/public/letter-figures',
      '/public/letter-figures?format=csv',
      '/public/letter-figures?format=csv&dialect=rfc4180',
      `/public/letter-comparison?from=${august}&to=${december}`,
      `/public/letter-comparison?from=${december}&to=${august}`,
      ...[august, december].flatMap((id) => [`/public/letters/${id}`, `/public/letters/${id}/snapshot`, `/public/letters/${id}/figures`, `/public/letters/${id}/figures?format=csv`]),
    ];
    const exactAmounts = exact.flatMap((line) => [line.currentCents, line.reportedPreviousCents, line.restatedPreviousCents]).filter((amount): amount is number => amount !== null && amount % 1_000_000 !== 0);
    // Both letters' stock and total, and the next letter's previous column, as reported and as recomputed.
    expect(exactAmounts).toHaveLength(8);
    const amounts: number[] = [];
    for (const path of paths) {
      const response = await anonymous('GET', path);
      expect(response.status, path).toBe(200);
      const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
      for (const amount of [...exactAmounts, VALUE_THEN, VALUE_NOW, DIFFERENCE]) for (const spelling of spellings(amount)) expect(text, path).not.toContain(spelling);
      // The CSV files hold the rows of /public/letter-figures: their text is searched above.
      if (typeof response.body !== 'string') amounts.push(...amountsIn(response.body));
    }
    expect(amounts.length).toBeGreaterThan(0);
    for (const a of amounts) for (const b of amounts) expect([VALUE_THEN, VALUE_NOW, DIFFERENCE]).not.toContain(Math.abs(a - b));
  });

  it('publishes the totals and the increase as the letter prints them', async () => {
    const figures = (await anonymous('GET', '/public/figures')).body.items;
    const total = (id: string) => figures.find((item: any) => item.letterId === id).lines.find((line: any) => line.key === 'total');
    expect(total(august)).toMatchObject({ cents: 870_000_000_000, printed: '€ 8,7 mld.' });
    expect(total(december)).toMatchObject({ cents: 870_000_000_000, printed: '€ 8,7 mld.' });
    const letter: PublicLetterSnapshot = (await anonymous('GET', `/public/letters/${december}`)).body.letter;
    // The two totals the table prints, € 8,7 mld. beside € 8,70 mld., hide the rise: at the two decimals the
    // next letter prints December's total at, it shows, as the table's last place and no finer. Printed finer
    // (€9,88 mln.), it told the confidential revaluation of €9.876.543,21 to €5.000.
    expect(letter.figures.lines.at(-1)).toMatchObject({ currentCents: 870_000_000_000, reportedPreviousCents: 870_000_000_000 });
    expect(letter.figures).toMatchObject({ increaseCents: 1_000_000_000, increasePercentText: 'minder dan 1 procent' });
    expect(letter.figures.increaseLessThan).toBeUndefined();
    expect(JSON.stringify(letter.sections)).toContain('€8,7 mld. Dit is een toename van €10 mln. of minder dan 1 procent ten opzichte van de vorige leveringenbrief.');
  });

  it('publishes a letter frozen to the cent as it printed it, under the hash of what it publishes; its frozen hash still verifies', async () => {
    const listed = (await anonymous('GET', '/public/letters')).body.items.find((item: any) => item.id === august);
    const served = await anonymous('GET', `/public/letters/${august}/snapshot`);
    const text = typeof served.body === 'string' ? served.body : JSON.stringify(served.body);
    expect(JSON.parse(text).format).toBe('steunregister-letter/2');
    expect(createHash('sha256').update(text).digest('hex')).toBe(listed.sha256);
    expect(sealed((await anonymous('GET', `/public/letters/${august}`)).body.letter).text).toBe(text);
    const frozen = (await author('GET', `/letters/${august}`)).body;
    expect(listed.sha256).not.toBe(frozen.publicSha256);
    expect((await author('GET', `/letters/${august}/verification`)).body).toMatchObject({ ok: true, hashesMatch: true });
  });

  it('verifies a letter finalised in format 4 as it stated the change then, by its columns alone: "evenveel" of € 8,7 mld. beside € 8,70 mld.', async () => {
    const snapshot = await frozenSnapshot(database().db, december);
    const [now, then] = ['Dit is een toename van €10 mln. of minder dan 1 procent ten opzichte van de vorige leveringenbrief.', 'Dit is evenveel als in de vorige leveringenbrief.'];
    expect(snapshot.namedFigures!.headline).toContain(now);
    const asThen = (format: PublicLetterSnapshot['format']): PublicLetterSnapshot => ({
      ...JSON.parse(JSON.stringify(snapshot).replaceAll(now, then)),
      format,
      figures: { ...snapshot.figures, increaseCents: 0, increasePercentText: '0 procent' },
    });
    const verification = async () => (await author('GET', `/letters/${december}/verification`)).body;
    // The same text under the current format states a change that the register shows: the wording is the format's.
    await refreeze(database().db, december, asThen('steunregister-letter/7'));
    expect((await verification()).figureDifferences).toContainEqual(expect.objectContaining({ figure: 'headline', recomputed: expect.stringContaining(now) }));
    await refreeze(database().db, december, asThen('steunregister-letter/4'));
    expect(await verification()).toEqual({ ok: true, hashesMatch: true, differences: [], figureDifferences: [], annexDifferences: [] });
  });
});
