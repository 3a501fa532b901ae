import { sql, type Kysely, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { LICENCE_FREE_CATEGORIES, LICENCE_FREE_SUPPORT_TYPES } from '../../../common/delivery-rules.ts';
import {
  ASSESSMENT_OUTCOMES,
  categoriesCoveringGoods,
  CRITERION_FINDINGS,
  EXPORT_CRITERIA,
  MILITARY_LIST_CATEGORIES,
  UN_REGISTER_CATEGORIES,
  unRegisterCategoryOfGoods,
  WITHHELD_GROUNDS,
} from '../../domain/export-control.ts';
import { CATEGORIES, SUPPORT_TYPES } from '../../domain/delivery.ts';
import { countFoundUpToCap, isPositionOf, keysetColumns, readKeysetPage, type KeysetPage, type KeysetPosition, type KeysetWalk, type PageStart } from '../keyset.ts';
import type { Database } from '../schema.ts';
import { withTypedErrors } from '../errors.ts';
import { foldedReferenceIs } from './folded-reference.ts';
import { moneyValueAt } from './figures.ts';
import type { LetterShipments } from '../../letters/snapshot.ts';

type Db = Kysely<Database>;

const StoredRequirementSchema = z.object({
  id: z.string(),
  deliveryId: z.string(),
  required: z.boolean(),
  reason: z.string(),
  effectiveOn: z.string(),
  decidedById: z.string().nullable(),
  decidedByName: z.string(),
  decidedAt: z.string(),
});
export type StoredRequirement = z.infer<typeof StoredRequirementSchema>;

const StoredCriterionSchema = z.object({ criterion: z.union(EXPORT_CRITERIA.map((criterion) => z.literal(criterion))), finding: z.enum(CRITERION_FINDINGS), reasoning: z.string() });

const StoredGrantSchema = z.object({ id: z.string(), assessmentId: z.string(), note: z.string(), grantedById: z.string().nullable(), grantedByName: z.string(), grantedAt: z.string() });
export type StoredInspectionGrant = z.infer<typeof StoredGrantSchema>;

const AssessmentRowSchema = z.object({
  id: z.string(),
  deliveryId: z.string(),
  outcome: z.enum(ASSESSMENT_OUTCOMES),
  conditions: z.string(),
  expedited: z.boolean(),
  endUser: z.string(),
  endUseStatement: z.string(),
  assessedOn: z.string(),
  assessedById: z.string().nullable(),
  assessedByName: z.string(),
  recordedAt: z.string(),
  isDemonstration: z.boolean(),
});
type AssessmentRow = z.infer<typeof AssessmentRowSchema>;

export interface StoredAssessment extends AssessmentRow {
  criteria: z.infer<typeof StoredCriterionSchema>[];
  inspectionGrants: StoredInspectionGrant[];
}

const StoredLicenceSchema = z.object({
  id: z.string(),
  deliveryId: z.string(),
  assessmentId: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
  conditions: z.string(),
  militaryListCategory: z.enum(MILITARY_LIST_CATEGORIES),
  unRegisterCategory: z.enum(UN_REGISTER_CATEGORIES).nullable(),
  quantityAuthorised: z.number().int().nullable(),
  valueAuthorisedCents: z.number().int(),
  importingState: z.string(),
  withheldGround: z.enum(WITHHELD_GROUNDS).nullable(),
  issuedById: z.string().nullable(),
  issuedByName: z.string(),
  recordedAt: z.string(),
  isDemonstration: z.boolean(),
});
export type StoredLicence = z.infer<typeof StoredLicenceSchema>;

export async function insertRequirement(db: Db, row: StoredRequirement): Promise<void> {
  await db.insertInto('exportRequirement').values(row).execute();
}

/** The overrides of the rule for a delivery, the latest effective first, of one day the latest decided first (requirementOn). */
export async function listRequirements(db: Db, deliveryId: string): Promise<StoredRequirement[]> {
  const rows = await db
    .selectFrom('exportRequirement')
    .selectAll()
    .where('deliveryId', '=', deliveryId)
    .orderBy('effectiveOn', 'desc')
    .orderBy('decidedAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => StoredRequirementSchema.parse(row));
}

export async function insertAssessment(db: Db, { criteria, inspectionGrants: _none, ...row }: StoredAssessment): Promise<void> {
  await db.insertInto('exportAssessment').values(row).execute();
  await db.insertInto('exportAssessmentCriterion').values(criteria.map((entry) => ({ assessmentId: row.id, ...entry }))).execute();
}

async function withDetails(db: Db, rows: unknown[]): Promise<StoredAssessment[]> {
  const assessments = rows.map((row) => AssessmentRowSchema.parse(row));
  if (assessments.length === 0) return [];
  const ids = assessments.map((assessment) => assessment.id);
  const [criteria, grants] = await Promise.all([
    db.selectFrom('exportAssessmentCriterion').selectAll().where('assessmentId', 'in', ids).orderBy('criterion').execute(),
    db.selectFrom('exportInspectionGrant').selectAll().where('assessmentId', 'in', ids).orderBy('grantedAt').execute(),
  ]);
  return assessments.map((assessment) => ({
    ...assessment,
    criteria: criteria.filter((entry) => entry.assessmentId === assessment.id).map(({ assessmentId: _id, ...entry }) => StoredCriterionSchema.parse(entry)),
    inspectionGrants: grants.filter((grant) => grant.assessmentId === assessment.id).map((grant) => StoredGrantSchema.parse(grant)),
  }));
}

/** The assessments of a delivery, latest first: the first is the one that stands. */
export async function listAssessments(db: Db, deliveryId: string): Promise<StoredAssessment[]> {
  const rows = await db.selectFrom('exportAssessment').selectAll().where('deliveryId', '=', deliveryId).orderBy('assessedOn', 'desc').orderBy('recordedAt', 'desc').execute();
  return withDetails(db, rows);
}

/** The days a delivery was assessed on, as records that follow its pledge. */
export async function assessmentDaysOf(db: Db, deliveryId: string): Promise<string[]> {
  const rows = await db.selectFrom('exportAssessment').select('assessedOn').where('deliveryId', '=', deliveryId).execute();
  return rows.map((row) => row.assessedOn);
}

export async function findAssessment(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredAssessment | undefined> {
  const query = db.selectFrom('exportAssessment').selectAll().where('id', '=', id);
  const rows = await (options.forUpdate ? query.forUpdate() : query).execute();
  return (await withDetails(db, rows))[0];
}

export async function insertInspectionGrant(db: Db, grant: StoredInspectionGrant): Promise<void> {
  await db.insertInto('exportInspectionGrant').values(grant).execute();
}

export interface InspectableAssessment {
  assessmentId: string;
  deliveryTitle: string;
  outcome: AssessmentRow['outcome'];
  assessedOn: string;
  grantedAt: string;
}

/** The assessments parliament may open: those with an inspection granted, latest grant first. */
export async function listInspectable(db: Db): Promise<InspectableAssessment[]> {
  const rows = await db
    .selectFrom('exportInspectionGrant as grant')
    .innerJoin('exportAssessment as assessment', 'assessment.id', 'grant.assessmentId')
    .innerJoin('delivery', 'delivery.id', 'assessment.deliveryId')
    .where('delivery.deletedAt', 'is', null)
    .select(['assessment.id as assessmentId', 'delivery.title as deliveryTitle', 'assessment.outcome', 'assessment.assessedOn'])
    .select((eb) => eb.fn.max('grant.grantedAt').as('grantedAt'))
    .groupBy(['assessment.id', 'delivery.title', 'assessment.outcome', 'assessment.assessedOn'])
    .orderBy('grantedAt', 'desc')
    .execute();
  return rows.map((row) => z.object({ assessmentId: z.string(), deliveryTitle: z.string(), outcome: z.enum(ASSESSMENT_OUTCOMES), assessedOn: z.string(), grantedAt: z.string() }).parse(row));
}

/** The unique index that gives each licence its own number, whatever its case and spacing (migration 043). */
export const UNIQUE_LICENCE_NUMBER = 'export_licence_number_folded';

/** Whether a licence has this number, whatever its case and spacing, as the unique index compares them. */
export async function licenceNumberExists(db: Db, number: string): Promise<boolean> {
  const found = await db.selectFrom('exportLicence').select('id').where(foldedReferenceIs('number', number)).limit(1).executeTakeFirst();
  return found !== undefined;
}

export async function insertLicence(db: Db, licence: StoredLicence): Promise<void> {
  await withTypedErrors(db.insertInto('exportLicence').values(licence).execute());
}

/** The licences of a delivery, latest issued first. */
export async function listLicences(db: Db, deliveryId: string): Promise<StoredLicence[]> {
  const rows = await db.selectFrom('exportLicence').selectAll().where('deliveryId', '=', deliveryId).orderBy('issuedOn', 'desc').orderBy('recordedAt', 'desc').execute();
  return rows.map((row) => StoredLicenceSchema.parse(row));
}

/**
 * Whether a delivery needs a licence on a date: the override that held then (requirementOn in src/domain/export-control.ts),
 * else the rule from its category and support type.
 */
const requiredOn = (date: RawBuilder<unknown>) => sql<boolean>`coalesce(
  (select r.required from export_requirement r where r.delivery_id = delivery.id and r.effective_on <= ${date}
    order by r.effective_on desc, r.decided_at desc, r.id desc limit 1),
  (delivery.support_type not in (${sql.join(LICENCE_FREE_SUPPORT_TYPES)}) and delivery.category not in (${sql.join(LICENCE_FREE_CATEGORIES)})))`;

/** The day the goods of the delivery left (departureOf in src/domain/export-control.ts): the hand-over of stock, else the delivery; null while they have not. */
const departure = sql<string | null>`(case when delivery.support_type = 'stock' then coalesce(delivery.realised_at, delivery.delivered_at) else delivery.delivered_at end)`;

/** The pairs of a delivery category and a category of one of its classifications for which `fits` holds. */
const pairsOf = <Code extends string>(fits: (category: (typeof CATEGORIES)[number]) => readonly Code[]) =>
  sql.join(CATEGORIES.flatMap((category) => fits(category).map((code) => sql`(${sql.lit(category)}, ${sql.lit(code)})`)));

/**
 * Whether the licence `l` covers the goods of `delivery` themselves (licenceCoversGoods in src/domain/export-control.ts),
 * from the same tables: a licence issued for them stops covering them when the delivery's category is corrected.
 */
const licenceCoversGoods = sql<boolean>`(
  (delivery.category = 'other' or (delivery.category, l.military_list_category) in (values ${pairsOf((category) => categoriesCoveringGoods(category) ?? [])}))
  and (l.un_register_category is null
    or (delivery.category, l.un_register_category) in (values ${pairsOf((category) => { const own = unRegisterCategoryOfGoods(category); return own === undefined ? UN_REGISTER_CATEGORIES : [own]; })})))`;

/**
 * The assessment the delivery is licensed on, judged on a date (assessmentStandingOn in src/domain/export-control.ts): the
 * latest made on or before it, else the latest; as a lateral subquery's columns.
 */
const assessmentStandingOn = (date: RawBuilder<unknown>) => sql`(select a.id, a.outcome, a.assessed_on from export_assessment a
  where a.delivery_id = delivery.id order by a.assessed_on <= ${date} desc, a.assessed_on desc, a.recorded_at desc limit 1)`;

const QueueItemSchema = z.object({
  deliveryId: z.string(),
  title: z.string(),
  category: z.enum(CATEGORIES),
  supportType: z.enum(SUPPORT_TYPES),
  quantity: z.number().int().nullable(),
  realisedAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  assessmentId: z.string().nullable(),
  outcome: z.enum(ASSESSMENT_OUTCOMES).nullable(),
  assessedOn: z.string().nullable(),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

/**
 * A queue's order: the earliest of the realised, committed and pledged dates (undated last), then the id;
 * a column of the queue's rows (queuedRows), the expression of the index delivery_export_queue (migration 038).
 */
const QUEUE_ORDER = keysetColumns.date('queue_date', { nullable: true });

export type ExportQueueName = 'awaitingAssessment' | 'awaitingLicence';

/** How a queue's rows are read: a page walks the queue's order until it is full, a count reads them all. */
type Reading = 'page' | 'count';

const QUEUE_CONDITIONS: Record<ExportQueueName, (reading: Reading) => ReturnType<typeof sql>> = {
  // For a page asked of each delivery in turn ("offset 0" keeps PostgreSQL from making it an anti-join),
  // so that the page walks the index until it is full however many are assessed: as an anti-join
  // PostgreSQL hashed every assessment and read every delivery once almost all were assessed (317 against
  // 44 ms at 100,000, 97% assessed). A count reads every delivery anyway, and the anti-join does so faster.
  awaitingAssessment: (reading) => sql`not exists (select from export_assessment a where a.delivery_id = delivery.id${reading === 'page' ? sql` offset 0` : sql``})`,
  // The exists is implied by the rest (the standing assessment is one that is positive without a licence covering its goods), but
  // PostgreSQL can find the few deliveries it holds for from the assessments and licences alone.
  awaitingLicence: () => sql`exists (select from export_assessment a where a.delivery_id = delivery.id and a.outcome <> 'negative'
        and not exists (select from export_licence l where l.assessment_id = a.id and ${licenceCoversGoods}))
      and standing.outcome <> 'negative' and not exists (select from export_licence l where l.assessment_id = standing.id and ${licenceCoversGoods})`,
};

/**
 * The deliveries of one export role's queue, each judged on the day its goods left, else today (`today`), as its page judges
 * it: those that need a licence then and have no assessment (the assessor's), or those whose assessment standing then
 * (assessmentStandingOn) is positive but has no licence covering their goods (the licensing officer's). A reassessment
 * after the goods left does not bring them back. PostgreSQL merges this subquery into the statement that reads from it, so
 * that a page of the assessor's queue walks the index delivery_export_queue until it is full; the licensing officer's
 * starts from the positive assessments without a licence, instead of asking every delivery for its standing assessment.
 */
const queuedRows = (queue: ExportQueueName, reading: Reading, today: string) => {
  const judgedOn = sql`coalesce(${departure}, ${today}::date)`;
  return sql`(
  select delivery.id, delivery.title, delivery.category, delivery.support_type, delivery.quantity,
      delivery.realised_at, delivery.delivered_at, standing.id as assessment_id, standing.outcome, standing.assessed_on,
      coalesce(delivery.realised_at, delivery.committed_at, delivery.pledged_at) as queue_date
    from delivery left join lateral ${assessmentStandingOn(judgedOn)} standing on true
    where delivery.deleted_at is null and ${requiredOn(judgedOn)} and ${QUEUE_CONDITIONS[queue](reading)})`;
};

/** A page of one export role's queue (queuedRows) as it stands on `today`, the earliest first. */
export async function exportQueuePage(db: Db, queue: ExportQueueName, today: string, start: PageStart, limit: number): Promise<KeysetPage<QueueItem>> {
  const page = await readKeysetPage(
    QUEUE_ORDER,
    false,
    start,
    limit,
    async (walks, order, limit) => {
      const walk = ({ condition, order: walkOrder }: KeysetWalk, index: number) =>
        sql`(select queued.*, ${QUEUE_ORDER.positionText} as position, ${sql.lit(index)} as walk
          from ${queuedRows(queue, 'page', today)} queued where ${condition} order by ${walkOrder} limit ${limit})`;
      const { rows } = await sql<Record<string, unknown> & { id: string; position: string | null }>`
        select * from (${sql.join(walks.map(walk), sql` union all `)}) page order by walk, ${order} limit ${limit}`.execute(db);
      return rows;
    },
    (row) => ({ value: row.position, id: row.id }),
  );
  return { ...page, rows: page.rows.map((row) => QueueItemSchema.parse({ ...row, deliveryId: row.id })) };
}

/** Whether a cursor's position could be one of a queue's deliveries. */
export const isQueuePosition = (position: KeysetPosition) => isPositionOf(QUEUE_ORDER, position);

/** How many deliveries wait in the queue on `today`, counted no further than the lists' cap. */
export async function countQueue(db: Db, queue: ExportQueueName, today: string): Promise<{ count: number; capped: boolean }> {
  return countFoundUpToCap(db, sql`select 1 from ${queuedRows(queue, 'count', today)} queued`);
}

const ShipmentSchema = z.object({
  deliveryId: z.string(),
  /** What the public register calls it, where it shows it; null where it does not (yet). */
  publicTitle: z.string().nullable(),
  category: z.enum(CATEGORIES),
  supportType: z.enum(SUPPORT_TYPES),
  quantity: z.number().int().nullable(),
  valueCents: z.number().int(),
  shippedOn: z.string(),
  licenceNumber: z.string().nullable(),
  militaryListCategory: z.enum(MILITARY_LIST_CATEGORIES).nullable(),
  unRegisterCategory: z.enum(UN_REGISTER_CATEGORIES).nullable(),
  importingState: z.string().nullable(),
  withheldGround: z.enum(WITHHELD_GROUNDS).nullable(),
});
export type Shipment = z.infer<typeof ShipmentSchema>;

/** Whether the licence `l` let the goods of `delivery` leave on `shipped.shipped_on`, as the shipment gate judges it: for the goods themselves, valid then, for their quantity. */
const licenceCoveredShipment = sql<boolean>`(${licenceCoversGoods} and l.valid_until >= shipped.shipped_on
  and (delivery.quantity is null or l.quantity_authorised is null or delivery.quantity <= l.quantity_authorised))`;

/**
 * The deliveries, each with the day it left (`departure`; null for one that has not) and, as `licence`, the licence it
 * left under: the latest issued by then that covered it, else the latest issued by then (a licence for equipment that
 * goes with the goods, issued after theirs, is not it), with whether it covered the shipment (`covered`).
 */
const shipmentsFrom = sql`delivery
    cross join lateral (select ${departure} as shipped_on) shipped
    left join lateral (select l.*, ${licenceCoveredShipment} as covered from export_licence l where l.delivery_id = delivery.id and l.issued_on <= shipped.shipped_on
      order by covered desc, l.issued_on desc, l.recorded_at desc limit 1) licence on true`;

/**
 * The actual exports of a year: deliveries that needed a licence on the day they left in it (requiredOn: an override
 * decided later, or held from later, is another day's), each at its value at the end of
 * the year (a later revaluation or payment is another year's) and with the licence it left under (shipmentsFrom).
 * Each is named only by what the public register shows of it at `now` (its public item's title), never by its
 * internal title: the reports go outside the ministry.
 */
export async function shipmentsIn(db: Db, year: number, now: Date): Promise<Shipment[]> {
  const yearEnd = `${year}-12-31`;
  const { rows } = await sql`
    select delivery.id as delivery_id, shown.title as public_title, delivery.category, delivery.support_type, delivery.quantity,
      ${moneyValueAt(yearEnd)} as value_cents, shipped.shipped_on, licence.number as licence_number,
      licence.military_list_category, licence.un_register_category, licence.importing_state, licence.withheld_ground
    from ${shipmentsFrom}
      left join public_delivery shown on shown.public_id = delivery.public_id and delivery.disclosure_state = 'public'
        and shown.visible_from <= ${now.toISOString()}::timestamptz
    where delivery.deleted_at is null and ${requiredOn(sql`shipped.shipped_on`)}
      and shipped.shipped_on >= ${`${year}-01-01`}::date and shipped.shipped_on <= ${yearEnd}::date
    order by shipped.shipped_on, delivery.id`.execute(db);
  return rows.map((row) => ShipmentSchema.parse(row));
}

/** The licences issued in a year, but those of a removed delivery, which took them with it as it takes its denials. */
export async function licencesIssuedIn(db: Db, year: number): Promise<StoredLicence[]> {
  const rows = await db
    .selectFrom('exportLicence')
    .innerJoin('delivery', 'delivery.id', 'exportLicence.deliveryId')
    .where('delivery.deletedAt', 'is', null)
    .where('issuedOn', '>=', `${year}-01-01`)
    .where('issuedOn', '<=', `${year}-12-31`)
    .selectAll('exportLicence')
    .orderBy('issuedOn')
    .orderBy('number')
    .execute();
  return rows.map((row) => StoredLicenceSchema.parse(row));
}

/**
 * The negative assessments of a year (denials), with the criteria they invoked: those of goods that had not left, since
 * a negative reassessment of goods that left under a licence denied no export (assessmentStandingOn).
 */
export async function denialsIn(db: Db, year: number): Promise<StoredAssessment[]> {
  const rows = await db
    .selectFrom('exportAssessment')
    .innerJoin('delivery', 'delivery.id', 'exportAssessment.deliveryId')
    .where('delivery.deletedAt', 'is', null)
    .where('outcome', '=', 'negative')
    .where(sql<boolean>`(${departure} is null or export_assessment.assessed_on <= ${departure})`)
    .where('assessedOn', '>=', `${year}-01-01`)
    .where('assessedOn', '<=', `${year}-12-31`)
    .selectAll('exportAssessment')
    .orderBy('assessedOn')
    .execute();
  return withDetails(db, rows);
}

const ShipmentCountsSchema = z.object({
  needed: z.coerce.number(),
  uncovered: z.coerce.number(),
  listed: z.array(z.object({ deliveryId: z.string(), title: z.string(), shippedOn: z.string() })),
});
/**
 * How many deliveries left on or before the date needing a licence on the day they left (`needed`), how many of them had no licence
 * covering them when they left (`uncovered`, as shipmentsFrom judges it), and the first `listed` of those, earliest first.
 */
export async function shipmentCountsBy(db: Db, date: string, listed: number): Promise<LetterShipments> {
  const { rows } = await sql`
    with shipment as (
      select delivery.id, delivery.title, shipped.shipped_on, licence.covered is true as covered
      from ${shipmentsFrom}
      where delivery.deleted_at is null and ${requiredOn(sql`shipped.shipped_on`)} and shipped.shipped_on <= ${date}::date)
    select count(*) as needed, count(*) filter (where not covered) as uncovered,
      coalesce((select json_agg(json_build_object('deliveryId', first.id, 'title', first.title, 'shippedOn', first.shipped_on) order by first.shipped_on, first.id)
        from (select * from shipment where not covered order by shipped_on, id limit ${listed}) first), '[]') as listed
    from shipment`.execute(db);
  return ShipmentCountsSchema.parse(rows[0]);
}
