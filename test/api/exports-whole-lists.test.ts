/**
 * The exports of lists that the pages show a page at a time (the deliveries due for review, the export
 * roles' queues): the file holds every row, in the page's order, read in batches across their boundaries.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { vocabulary } from '../../common/vocabulary/index.ts';
import { DUE_REVIEW_COLUMNS, EXPORT_QUEUE_COLUMNS, queuedExports } from '../../src/api/exports/tables.ts';
import type { Column } from '../../src/api/exports/spreadsheet.ts';
import { createApi } from '../../src/api/app.ts';
import type { KeysetPage, PageStart } from '../../src/db/keyset.ts';
import { dueReviewsPage, type DueReview } from '../../src/db/repositories/disclosure.ts';
import { exportQueuePage, type ExportQueueName, type QueueItem } from '../../src/db/repositories/export-control.ts';
import type { Role } from '../../src/domain/access.ts';
import { parseCsv } from '../support/csv.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement } from '../support/deliveries.ts';
import { positiveAssessment } from '../support/export-control.ts';
import { sessionCookieFor } from '../support/sessions.ts';
import { apiClient } from './client.ts';

const nl = vocabulary('nl');
/** More than a batch of an export (1,000 rows), so that the file crosses a batch's boundary. */
const MANY = 1_050;
const REFERENCE_DATE = '2030-12-31';

/** A row as the Dutch CSV writes it (these columns hold no euros and no formula-like text). */
const csvCells = <Row>(columns: readonly Column<Row>[], row: Row) => columns.map((column) => String(column.value(row, nl) ?? ''));

describeEachDatabase('exports of lists that the pages show a page at a time', (database) => {
  beforeAll(async () => {
    const { db } = database();
    // Deliveries that need a licence: many on the same day, some on no day at all (last in the queue's order).
    const deliveries = Array.from({ length: MANY }, (_, number) => ({
      ...procurement,
      id: randomUUID(),
      title: `Munitie ${number}`,
      committedAt: number % 10 === 0 ? null : `2025-0${1 + (number % 9)}-01`,
      description: '',
      sources: '[]',
      isDemonstration: false,
      deletedAt: null,
    }));
    await db.insertInto('delivery').values(deliveries).execute();
    // Each kept confidential, to be looked at again on one of a few days.
    const decidedAt = new Date().toISOString();
    await db
      .insertInto('disclosureDecision')
      .values(deliveries.map((delivery, number) => ({ id: randomUUID(), deliveryId: delivery.id, state: 'confidential', publicTitle: null, publicDetail: null, publicCategory: null, publicQuantity: null, ground: 'operationalSecurity', reviewOn: `2030-0${1 + (number % 3)}-01`, note: '', decidedById: null, decidedByName: 'Test', decidedAt })))
      .execute();
    const assessor = apiClient(db, { role: 'exportControlAssessor' });
    for (const delivery of deliveries.slice(0, 3)) expect((await assessor('POST', `/deliveries/${delivery.id}/export-assessments`, positiveAssessment)).status).toBe(201);
  });

  async function csvOf(role: Role, path: string): Promise<string[][]> {
    const { db } = database();
    const response = await createApi({ db }).request(`${path}&format=csv`, { headers: { Cookie: await sessionCookieFor(db, role, { secondFactor: true }) } });
    expect(response.status).toBe(200);
    return parseCsv((await response.text()).replace(/^\uFEFF/, ''), ';');
  }

  async function xlsxRowCount(role: Role, path: string): Promise<number> {
    const { db } = database();
    const response = await createApi({ db }).request(`${path}&format=xlsx`, { headers: { Cookie: await sessionCookieFor(db, role, { secondFactor: true }) } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    return workbook.worksheets[0]!.actualRowCount;
  }

  /** Every row of a list, page after page of 97. */
  async function walked<Row>(readPage: (start: PageStart, limit: number) => Promise<KeysetPage<Row>>): Promise<Row[]> {
    const rows: Row[] = [];
    for (let start: PageStart = undefined; ; ) {
      const page = await readPage(start, 97);
      rows.push(...page.rows);
      if (!page.next) return rows;
      start = { after: page.next };
    }
  }

  it('reads a queue and the due reviews after any of their rows as from the start', async () => {
    const { db } = database();
    for (const queue of ['awaitingAssessment', 'awaitingLicence'] as const) {
      const whole = (await exportQueuePage(db, queue, todayInAmsterdam(), undefined, 10_000)).rows;
      expect(await walked((start, limit) => exportQueuePage(db, queue, todayInAmsterdam(), start, limit))).toEqual(whole);
    }
    const whole = (await dueReviewsPage(db, REFERENCE_DATE, undefined, 10_000)).rows;
    expect(await walked((start, limit) => dueReviewsPage(db, REFERENCE_DATE, start, limit))).toEqual(whole);
    expect(whole).toHaveLength(MANY);
  });

  it('exports every delivery due for review, where the page shows the first page', async () => {
    const { db } = database();
    const officer = apiClient(db, { role: 'disclosureOfficer' });
    const page = (await officer('GET', `/disclosure-queue?referenceDate=${REFERENCE_DATE}`)).body.dueForReview as DueReview[];
    const all = (await dueReviewsPage(db, REFERENCE_DATE, undefined, 10_000)).rows;
    expect(page).toEqual(all.slice(0, page.length));
    const rows = await csvOf('disclosureOfficer', `/exports/due-reviews?referenceDate=${REFERENCE_DATE}`);
    expect(rows.slice(1)).toEqual(all.map((review) => csvCells(DUE_REVIEW_COLUMNS, review)));
    expect(await xlsxRowCount('disclosureOfficer', `/exports/due-reviews?referenceDate=${REFERENCE_DATE}`)).toBe(MANY + 1);
  });

  it('exports every delivery of both export queues, where the page shows the first page of each', async () => {
    const { db } = database();
    const assessor = apiClient(db, { role: 'exportControlAssessor' });
    const page = (await assessor('GET', '/export-control/queues')).body as Record<ExportQueueName, QueueItem[]>;
    const all = { awaitingAssessment: (await exportQueuePage(db, 'awaitingAssessment', todayInAmsterdam(), undefined, 10_000)).rows, awaitingLicence: (await exportQueuePage(db, 'awaitingLicence', todayInAmsterdam(), undefined, 10_000)).rows };
    expect(all.awaitingAssessment).toHaveLength(MANY - 3);
    expect(all.awaitingLicence).toHaveLength(3);
    expect(page.awaitingAssessment).toEqual(all.awaitingAssessment.slice(0, page.awaitingAssessment.length));
    const rows = await csvOf('exportControlAssessor', '/exports/export-queues?lang=nl');
    expect(rows.slice(1)).toEqual(queuedExports(all).map((item) => csvCells(EXPORT_QUEUE_COLUMNS, item)));
    expect(await xlsxRowCount('exportControlAssessor', '/exports/export-queues?lang=nl')).toBe(MANY + 1);
  });
});
