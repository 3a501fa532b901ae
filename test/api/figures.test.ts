import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { MAX_ENTRY_CENTS } from '../../common/money.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { registerShipped } from '../support/export-control.ts';
import { apiClient, type ApiCall } from './client.ts';

const LETTER_QUERY = '/figures?referenceDate=2025-08-31&compareDate=2025-02-04';

function texts(body: any) {
  return Object.fromEntries(
    [...body.rows, { supportType: 'total', ...body.total }].map((line: any) => [
      line.supportType,
      [line.compare.text, line.reference.text, line.difference.text, line.increasePercentText],
    ]),
  );
}

describeEachDatabase('figures API', (database) => {
  let call: ApiCall;
  let pay: ApiCall;
  beforeAll(async () => {
    expect(await loadDemonstrationData(database().db)).toBeGreaterThan(0);
    expect(await loadDemonstrationData(database().db)).toBe(0);
    call = apiClient(database().db, { role: 'registrar' });
    pay = apiClient(database().db, { role: 'finance' });
  });

  it("reproduces the letter's table from the demonstration register", async () => {
    const response = await call('GET', LETTER_QUERY);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ referenceDate: '2025-08-31', compareDate: '2025-02-04', isDemonstration: true });
    expect((await call('GET', '/deliveries?pageSize=1')).body.isDemonstration).toBe(true);
    const table = texts(response.body);
    expect(table.stock?.slice(0, 2)).toEqual(['€ 2,05 mld.', '€ 2,4 mld.']);
    expect(table.procurement?.slice(0, 2)).toEqual(['€ 3,73 mld.', '€ 6,1 mld.']);
    expect(table.natoFund?.slice(0, 2)).toEqual(['€ 0,1 mld.', '€ 0,18 mld.']);
    expect(table.total).toEqual(['€ 5,88 mld.', '€ 8,7 mld.', '€ 2,82 mld.', '48 procent']);
    expect(response.body.total.reference.cents).toBe(
      response.body.rows.reduce((sum: number, row: any) => sum + row.reference.cents, 0),
    );
    expect(response.body.total.increasePercent).toBeCloseTo(47.96, 2);
    expect(response.body.headline).toBe(
      'De totale waarde van de gerealiseerde militaire steun aan Oekraïne bedroeg op 31 augustus 2025 €8,7 mld. ' +
        'Dit is een toename van €2,82 mld. of 48 procent ten opzichte van de vorige leveringenbrief.',
    );
  });

  it('changes by exactly the cents that are registered, valued and paid', async () => {
    const before = (await call('GET', LETTER_QUERY)).body;
    const cents = (body: any, type: string) => body.rows.find((row: any) => row.supportType === type).reference.cents;

    const stock = (await registerShipped(call, database().db, {
      title: 'Testlevering uit voorraad',
      category: 'vehicles',
      supportType: 'stock',
      fundingSource: 'ukraineSupportBudget',
      realisedAt: '2025-06-01',
    })).body;
    await call('POST', `/deliveries/${stock.id}/valuations`, { amountCents: 12_345_67, basis: 'replacementValue', effectiveDate: '2025-06-01' });
    const valued = (await call('GET', LETTER_QUERY)).body;
    expect(cents(valued, 'stock') - cents(before, 'stock')).toBe(12_345_67);

    await call('POST', `/deliveries/${stock.id}/valuations`, { amountCents: 12_000_00, basis: 'replacementValue', effectiveDate: '2025-07-01' });
    const revalued = (await call('GET', LETTER_QUERY)).body;
    expect(cents(revalued, 'stock') - cents(before, 'stock')).toBe(12_000_00);

    const purchase = (await call('POST', '/deliveries', {
      title: 'Testaankoop',
      category: 'ammunition',
      supportType: 'procurement',
      fundingSource: 'ukraineSupportBudget',
      committedAt: '2025-01-15',
    })).body;
    // Before the reference date of the demonstration's letter sent (4 February 2025): confirmed as such.
    await pay('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 1_01, paidOn: '2025-01-20', confirm: ['datedInSentLetterPeriod'] });
    await pay('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 7_77, paidOn: '2025-08-31' });
    await pay('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 9_99, paidOn: '2025-09-01' });
    const paid = (await call('GET', LETTER_QUERY)).body;
    expect(cents(paid, 'procurement') - cents(before, 'procurement')).toBe(8_78);
    expect(paid.rows.find((row: any) => row.supportType === 'procurement').compare.cents - before.rows.find((row: any) => row.supportType === 'procurement').compare.cents).toBe(1_01);
    expect(paid.total.reference.cents - before.total.reference.cents).toBe(12_000_00 + 8_78);

    const epf = (await call('POST', '/deliveries', {
      title: 'Drones als EPF-uitvoerder',
      category: 'drones',
      supportType: 'procurement',
      fundingSource: 'epf',
      committedAt: '2025-03-01',
    })).body;
    await pay('POST', `/deliveries/${epf.id}/payments`, { amountCents: 5_000_000_00, paidOn: '2025-05-01' });
    expect((await call('GET', LETTER_QUERY)).body.total.reference.cents).toBe(paid.total.reference.cents);

    await call('DELETE', `/deliveries/${stock.id}`, undefined, { 'If-Match': `"${(await call('GET', `/deliveries/${stock.id}`)).body.version}"` });
    const removed = (await call('GET', LETTER_QUERY)).body;
    expect(cents(removed, 'stock')).toBe(cents(before, 'stock'));
  });

  it('refuses missing or impossible dates', async () => {
    const missing = await call('GET', '/figures?referenceDate=2025-08-31', undefined, { 'Accept-Language': 'en' });
    expect(missing.status).toBe(400);
    expect(missing.body.invalidParams).toEqual([{ name: 'compareDate', code: 'required', reason: 'Fill in this field.' }]);
    const impossible = await call('GET', '/figures?referenceDate=2025-02-29&compareDate=2025-02-04');
    expect(impossible.status).toBe(400);
    expect(impossible.body.invalidParams[0]).toMatchObject({ name: 'referenceDate', code: 'invalidDate' });
  });

  it('gives realised support per month for the chart', async () => {
    const response = await call('GET', '/figures/series?from=2025-01-01&to=2025-08-31');
    expect(response.status).toBe(200);
    expect(response.body.points.map((point: any) => point.date)).toEqual([
      '2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30', '2025-07-31', '2025-08-31',
    ]);
    const last = response.body.points.at(-1);
    const table = (await call('GET', LETTER_QUERY)).body;
    expect(last.total).toBe(table.total.reference.cents);
    expect(last.stock + last.procurement + last.natoFund).toBe(last.total);
  });

  it("offers for the letter the increase the letter prints: the difference of the two totals its table prints", async () => {
    const author = apiClient(database().db, { role: 'letterAuthor' });
    const purchase = (await call('POST', '/deliveries', {
      title: 'Aankoop die het totaal onrond maakt',
      category: 'ammunition',
      supportType: 'procurement',
      fundingSource: 'ukraineSupportBudget',
      committedAt: '2025-07-01',
    })).body;
    await pay('POST', `/deliveries/${purchase.id}/payments`, { amountCents: 40_000_000_00, paidOn: '2025-08-01' });
    const figures = (await call('GET', LETTER_QUERY)).body;
    expect([figures.total.compare.text, figures.total.reference.text]).toEqual(['€ 5,88 mld.', '€ 8,7 mld.']);
    const draft = (await author('GET', '/letters')).body.items.find((letter: any) => letter.referenceDate === '2025-08-31');
    const letterHeadline = (await author('GET', `/letters/${draft.id}`)).body.figures.find((figure: any) => figure.name === 'headline').value;
    expect(letterHeadline).toContain('toename van €2,82 mld. of 48 procent');
    expect(figures.headline).toBe(letterHeadline);
  });

  it('gives as the dates the next letter compares the latest draft’s reference date and the last final letter’s', async () => {
    expect((await call('GET', '/figures/next-letter-dates')).body).toEqual({ referenceDate: '2025-08-31', compareDate: '2025-02-04' });
    const author = apiClient(database().db, { role: 'letterAuthor' });
    expect((await author('POST', '/letters', { referenceDate: '2025-10-31' })).status).toBe(201);
    expect((await pay('GET', '/figures/next-letter-dates')).body).toEqual({ referenceDate: '2025-10-31', compareDate: '2025-02-04' });
  });
});

describeEachDatabase('figures beyond 2^53 cents', (database) => {
  const VALUED = 1_000;
  const expectedTotal = BigInt(VALUED) * BigInt(MAX_ENTRY_CENTS) + 1n;
  let call: ApiCall;
  beforeAll(async () => {
    call = apiClient(database().db, { role: 'registrar' });
    // A thousand stock deliveries, each valued at the ceiling of one entry, and one of a single cent.
    await sql`
      with delivered as (
        insert into delivery (id, title, category, support_type, funding_source, realised_at)
        select gen_random_uuid(), 'Levering ' || n, 'vehicles', 'stock', 'defenceBudget', date '2025-05-01'
        from generate_series(1, ${VALUED + 1}) n
        returning id, title
      )
      insert into valuation (id, delivery_id, amount_cents, basis, effective_date)
      select gen_random_uuid(), id, case when title = 'Levering 1' then 1 else ${MAX_ENTRY_CENTS}::bigint end, 'replacementValue', date '2025-05-01'
      from delivered`.execute(database().db);
  });

  it('gives today as the next letter’s reference date where no letter is being written, and nothing to compare with before a first', async () => {
    expect((await call('GET', '/figures/next-letter-dates')).body).toEqual({ referenceDate: todayInAmsterdam(), compareDate: null });
  });

  it('adds up every cent in the table and the series', async () => {
    const figures = await call('GET', '/figures?referenceDate=2025-08-31&compareDate=2025-02-04');
    expect(figures.status).toBe(200);
    expect(figures.body.total.reference.cents).toBe(expectedTotal);
    expect(figures.body.rows.find((row: any) => row.supportType === 'stock').difference.cents).toBe(expectedTotal);
    expect(figures.body.total.reference.text).toBe('€ 100.000 mld.');
    const series = await call('GET', '/figures/series?from=2025-04-01&to=2025-05-31');
    expect(series.status).toBe(200);
    expect(series.body.points).toEqual([
      { date: '2025-04-30', stock: 0, procurement: 0, natoFund: 0, total: 0 },
      { date: '2025-05-31', stock: expectedTotal, procurement: 0, natoFund: 0, total: expectedTotal },
    ]);
  });
});
