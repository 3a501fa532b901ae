import { sql, type Kysely, type Selectable } from 'kysely';
import type { Category, SupportType } from '../../domain/delivery.ts';
import type { Cents } from '../../../common/money.ts';
import type { AnnexRow } from '../../reports/compose.ts';
import type { OverviewItem } from '../../reports/snapshot.ts';
import type { Database, PublicLetterTable, ReportTable } from '../schema.ts';

type Db = Kysely<Database>;

export type StoredReport = Selectable<ReportTable>;

export async function insertReport(db: Db, report: Omit<StoredReport, 'version'>): Promise<StoredReport> {
  return db.insertInto('report').values({ ...report, blocks: JSON.stringify(report.blocks) }).returningAll().executeTakeFirstOrThrow();
}

export async function findReport(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredReport | undefined> {
  const query = db.selectFrom('report').selectAll().where('id', '=', id);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

export type ReportSummary = Omit<StoredReport, 'blocks' | 'publicSnapshot' | 'annexSnapshot'>;

export async function listReports(db: Db): Promise<ReportSummary[]> {
  return db
    .selectFrom('report')
    .select(['id', 'referenceDate', 'letterDate', 'previousReportId', 'status', 'publicSha256', 'annexSha256', 'paperNumber', 'publishedOn',
      'createdByName', 'finalisedByName', 'finalisedAt', 'approvedSha256', 'approvedByName', 'approvedAt', 'isDemonstration', 'version', 'createdAt'])
    .orderBy('referenceDate', 'desc')
    .orderBy('createdAt', 'desc')
    .execute();
}

/** Changes a draft; an approval given to the earlier text no longer holds. */
export async function updateDraft(db: Db, id: string, version: number, change: { blocks?: unknown; letterDate?: string | null }): Promise<StoredReport | undefined> {
  const { blocks, ...rest } = change;
  return db
    .updateTable('report')
    .set({
      ...rest,
      ...(blocks === undefined ? {} : { blocks: JSON.stringify(blocks) }),
      approvedSha256: null,
      approvedByName: null,
      approvedAt: null,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
}

export async function markApproved(
  db: Db,
  id: string,
  version: number,
  approval: Pick<StoredReport, 'approvedSha256' | 'approvedByName' | 'approvedAt'>,
): Promise<StoredReport | undefined> {
  return db
    .updateTable('report')
    .set({ ...approval, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
}

export async function markFinal(
  db: Db,
  id: string,
  version: number,
  final: Pick<StoredReport, 'letterDate' | 'publicSnapshot' | 'publicSha256' | 'annexSnapshot' | 'annexSha256' | 'finalisedByName' | 'finalisedAt' | 'previousReportId'>,
): Promise<StoredReport | undefined> {
  return db
    .updateTable('report')
    .set({ ...final, status: 'final', version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .returningAll()
    .executeTakeFirst();
}

export async function setPublication(db: Db, id: string, publication: { paperNumber: string | null; publishedOn: string | null }): Promise<StoredReport> {
  const report = await db.updateTable('report').set({ ...publication, version: sql`version + 1` }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await db.updateTable('publicLetter').set(publication).where('id', '=', id).execute();
  return report;
}

export async function deleteDraft(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('report').where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return result.numDeletedRows === 1n;
}

/** The latest final letter with a reference date before the given one: the one a new letter follows. */
export async function latestFinalBefore(db: Db, referenceDate: string): Promise<StoredReport | undefined> {
  return db.selectFrom('report').selectAll().where('status', '=', 'final').where('referenceDate', '<', referenceDate).orderBy('referenceDate', 'desc').limit(1).executeTakeFirst();
}

/** Whether a final letter with a later reference date exists: letters are sent in the order of their dates. */
export async function hasFinalAfter(db: Db, referenceDate: string): Promise<boolean> {
  const row = await db.selectFrom('report').select('id').where('status', '=', 'final').where('referenceDate', '>', referenceDate).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The public snapshots of all final letters. */
export async function finalPublicSnapshots(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('report').select('publicSnapshot').where('status', '=', 'final').execute();
  return rows.map((row) => row.publicSnapshot!);
}

/** The public snapshots of the final letters before a reference date (what earlier overviews listed). */
export async function publicSnapshotsBefore(db: Db, referenceDate: string): Promise<string[]> {
  const rows = await db.selectFrom('report').select('publicSnapshot').where('status', '=', 'final').where('referenceDate', '<', referenceDate).execute();
  return rows.map((row) => row.publicSnapshot!).filter(Boolean);
}

export async function insertPublicLetter(db: Db, letter: Selectable<PublicLetterTable>): Promise<void> {
  await db.insertInto('publicLetter').values(letter).execute();
}

/** The public copy of a final letter: the snapshot the public downloads, and the SHA-256 it is published with. */
export async function findPublicLetterCopy(db: Db, id: string): Promise<{ snapshot: string; sha256: string } | undefined> {
  return db.selectFrom('publicLetter').select(['snapshot', 'sha256']).where('id', '=', id).executeTakeFirst();
}

/** The public deliveries realised on or before the date, as the public may read them. */
export async function publicDeliveriesRealisedBy(db: Db, referenceDate: string): Promise<OverviewItem[]> {
  const rows = await db
    .selectFrom('publicDelivery')
    .innerJoin('delivery', 'delivery.publicId', 'publicDelivery.publicId')
    .select(['publicDelivery.publicId', 'publicDelivery.title', 'publicDelivery.detail', 'publicDelivery.category', 'publicDelivery.supportType', 'publicDelivery.quantity'])
    .where('delivery.disclosureState', '=', 'public')
    .where('delivery.deletedAt', 'is', null)
    .where('delivery.realisedAt', '<=', referenceDate)
    .execute();
  return rows.map((row) => ({ ...row, category: row.category as Category, supportType: row.supportType as SupportType }));
}

/** The value of each of these deliveries that is public (its latest valuation, else what it counts for). */
export async function publicDeliveryValues(db: Db, ids: string[]): Promise<Map<string, Cents>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('delivery')
    .select([
      'delivery.id',
      (eb) =>
        eb
          .selectFrom('valuation')
          .select('valuation.amountCents')
          .whereRef('valuation.deliveryId', '=', 'delivery.id')
          .orderBy('valuation.effectiveDate', 'desc')
          .orderBy('valuation.recordedAt', 'desc')
          .limit(1)
          .as('latestValuation'),
      'delivery.currentValueCents',
    ])
    .where('delivery.id', 'in', ids)
    .where('delivery.disclosureState', '=', 'public')
    .where('delivery.deletedAt', 'is', null)
    .execute();
  return new Map(rows.map((row) => [row.id, row.latestValuation ?? row.currentValueCents]));
}

/** Every delivery realised on or before the date, with what it counts for at that date: the annex. */
export async function annexRows(db: Db, referenceDate: string): Promise<AnnexRow[]> {
  const rows = await db
    .selectFrom('delivery')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('realisedSupportChange')
          .select(['deliveryId', sql<Cents>`sum(change_cents)::bigint`.as('valueCents')])
          .where('changeDate', '<=', referenceDate)
          .groupBy('deliveryId')
          .as('realised'),
      (join) => join.onRef('realised.deliveryId', '=', 'delivery.id'),
    )
    .select(['title', 'category', 'supportType', 'fundingSource', 'quantity', 'unit', 'realisedAt', 'disclosureState', 'realised.valueCents'])
    .where('deletedAt', 'is', null)
    .where('realisedAt', '<=', referenceDate)
    .orderBy('realisedAt')
    .orderBy('title')
    .orderBy('delivery.id')
    .execute();
  return rows.map((row) => ({ ...row, supportType: row.supportType as SupportType, realisedAt: row.realisedAt!, valueCents: row.valueCents ?? 0 }));
}
