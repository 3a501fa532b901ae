import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { centsFromText, sumCents, type Cents } from '../../../common/money.ts';
import {
  EPF_CLAIM_STATUSES,
  EPF_DUTCH_ROLES,
  EPF_DELIVERY_FIGURES,
  EPF_TRANCHE_KINDS,
  epfFigures,
  type EpfAssessment,
  type EpfBlockage,
  type EpfClaim,
  type EpfClaimHistory,
  type EpfClaimState,
  type EpfFigures,
  type EpfReceipt,
  type EpfTranche,
} from '../../domain/epf.ts';
import type { EpfFigurePart } from '../../domain/epf-disclosure.ts';
import { withTypedErrors } from '../errors.ts';
import { realisedValueAt, valuedOnAt, valueAt } from './figures.ts';
import { foldedReferenceIs } from './folded-reference.ts';
import { countUpToCap, isPositionOf, keysetColumns, readKeysetPage, type KeysetPage, type KeysetPosition, type PageStart } from '../keyset.ts';
import type { Database, EpfTrancheTable } from '../schema.ts';

type Db = Kysely<Database>;

/** The only unique index of the claims besides their id: one reference per claim, whatever its case and spacing (migration 043). */
export const UNIQUE_CLAIM_REFERENCE = 'epf_claim_reference_folded';

/** Whether a claim has this reference, whatever its case and spacing, as the unique index compares them. */
export async function claimReferenceExists(db: Db, reference: string): Promise<boolean> {
  return (await db.selectFrom('epfClaim').select('id').where(foldedReferenceIs('reference', reference)).limit(1).executeTakeFirst()) !== undefined;
}

function oneOf<const T extends readonly string[]>(codes: T, stored: string): T[number] {
  if (!codes.includes(stored)) throw new Error(`the database holds an unknown EPF code: "${stored}"`);
  return stored as T[number];
}

export async function insertTranche(db: Db, tranche: Omit<EpfTranche, 'isDemonstration'> & { isDemonstration?: boolean }): Promise<EpfTranche> {
  return trancheOf(await db.insertInto('epfTranche').values(tranche).returningAll().executeTakeFirstOrThrow());
}

export async function listTranches(db: Db): Promise<EpfTranche[]> {
  const rows = await db.selectFrom('epfTranche').selectAll().orderBy('decidedOn').orderBy('name').execute();
  return rows.map(trancheOf);
}

export async function findTranche(db: Db, id: string): Promise<EpfTranche | undefined> {
  const row = await db.selectFrom('epfTranche').selectAll().where('id', '=', id).executeTakeFirst();
  return row && trancheOf(row);
}

function trancheOf(row: Selectable<EpfTrancheTable>): EpfTranche {
  return {
    id: row.id,
    kind: oneOf(EPF_TRANCHE_KINDS, row.kind),
    name: row.name,
    euAmountCents: row.euAmountCents,
    decidedOn: row.decidedOn,
    dutchRole: oneOf(EPF_DUTCH_ROLES, row.dutchRole),
    note: row.note,
    isDemonstration: row.isDemonstration,
  };
}

export type NewClaim = Omit<EpfClaim, 'recordedAt'>;

export async function insertClaim(db: Db, claim: NewClaim): Promise<EpfClaim> {
  return withTypedErrors(db.insertInto('epfClaim').values(claim).returningAll().executeTakeFirstOrThrow());
}

export async function insertAssessment(db: Db, assessment: Omit<EpfAssessment, 'recordedAt'>): Promise<EpfAssessment> {
  return db.insertInto('epfAssessment').values(assessment).returningAll().executeTakeFirstOrThrow();
}

export async function insertReceipt(db: Db, receipt: Omit<EpfReceipt, 'recordedAt'>): Promise<EpfReceipt> {
  return db.insertInto('epfReceipt').values(receipt).returningAll().executeTakeFirstOrThrow();
}

export async function insertBlockage(db: Db, blockage: Omit<EpfBlockage, 'recordedAt'>): Promise<EpfBlockage> {
  return db.insertInto('epfBlockage').values(blockage).returningAll().executeTakeFirstOrThrow();
}

/** Locks the claim's row while its history grows, so that two additions are judged one after the other. */
export async function lockClaim(db: Db, id: string): Promise<void> {
  await db.selectFrom('epfClaim').select('id').where('id', '=', id).forUpdate().execute();
}

/** A claim with its history, each part in date order; undefined when there is no such claim. */
export async function claimHistory(db: Db, claimId: string): Promise<EpfClaimHistory | undefined> {
  const [claim, assessments, receipts, blockages] = await Promise.all([
    db.selectFrom('epfClaim').selectAll().where('id', '=', claimId).executeTakeFirst(),
    db.selectFrom('epfAssessment').selectAll().where('claimId', '=', claimId).orderBy('assessedOn').orderBy('recordedAt').orderBy('id').execute(),
    db.selectFrom('epfReceipt').selectAll().where('claimId', '=', claimId).orderBy('receivedOn').orderBy('recordedAt').orderBy('id').execute(),
    db.selectFrom('epfBlockage').selectAll().where('claimId', '=', claimId).orderBy('effectiveOn').orderBy('recordedAt').orderBy('id').execute(),
  ]);
  return claim && { claim, assessments, receipts, blockages };
}

/**
 * The claims `claims` selects (from epf_claim, all declared on or before the date) as they stood at the
 * date, as the table `state`: each with its latest assessment and latest blockage on or before the date,
 * and the money received by then. The rule of claimStateAt (src/domain/epf.ts) in SQL, so that claims
 * and their figures are added up in the database rather than by reading every claim's history;
 * test/figures/epf-sql.test.ts holds the two equal.
 */
function withClaimStatesAt(date: string, claims: RawBuilder<unknown>) {
  return sql`
    with claims as (${claims}),
    assessed as (
      select distinct on (claim_id) claim_id, compensated_cents, remainder_expected_by
      from epf_assessment where assessed_on <= ${date}::date and claim_id in (select id from claims)
      order by claim_id, assessed_on desc, recorded_at desc, id desc
    ), blocked as (
      select distinct on (claim_id) claim_id, blocked, reason
      from epf_blockage where effective_on <= ${date}::date and claim_id in (select id from claims)
      order by claim_id, effective_on desc, recorded_at desc, id desc
    ), received as (
      select claim_id, sum(amount_cents) as paid_cents
      from epf_receipt where received_on <= ${date}::date and claim_id in (select id from claims)
      group by claim_id
    ), state as (
      select claim.*,
        case when blocked.blocked then 'blocked'
             when assessed.claim_id is null then 'open'
             when coalesce(received.paid_cents, 0) >= assessed.compensated_cents and assessed.compensated_cents > 0 then 'paid'
             else 'compensated' end as status,
        coalesce(assessed.compensated_cents, 0) as compensated_cents,
        coalesce(received.paid_cents, 0)::bigint as paid_cents,
        case when blocked.blocked then blocked.reason end as blocked_reason,
        assessed.remainder_expected_by
      from claims claim
      left join assessed on assessed.claim_id = claim.id
      left join blocked on blocked.claim_id = claim.id
      left join received on received.claim_id = claim.id
    )`;
}

const declaredBy = (date: string) => sql<boolean>`declared_on <= ${date}::date`;

/** Claims are listed by the day they were declared, oldest first (index epf_claim_by_declaration). */
const CLAIM_ORDER = keysetColumns.date('declared_on', { nullable: false });

/** A claim as it stood at a date, with the title of the delivery it is for (null for a batch). */
export type ClaimAtDate = EpfClaim & EpfClaimState & { deliveryTitle: string | null };

/** A page of the claims declared on or before the date, each as it stood then: the page's claims read first, then only their history. */
export async function claimsAt(db: Db, date: string, start: PageStart, limit: number): Promise<KeysetPage<ClaimAtDate>> {
  return readKeysetPage(
    CLAIM_ORDER,
    false,
    start,
    limit,
    async ([walk], order, limit) => {
      const pageClaims = sql`select * from epf_claim where ${declaredBy(date)} and ${walk!.condition} order by ${walk!.order} limit ${limit}`;
      const { rows } = await sql<Selectable<Database['epfClaim']> & Omit<EpfClaimState, 'outstandingCents'> & { deliveryTitle: string | null }>`
        ${withClaimStatesAt(date, pageClaims)}
        select state.*, (select title from delivery where delivery.id = state.delivery_id) as delivery_title from state order by ${order}`.execute(db);
      return rows.map((row) => ({ ...row, status: oneOf(EPF_CLAIM_STATUSES, row.status), outstandingCents: Math.max(0, row.compensatedCents - row.paidCents) }));
    },
    (claim) => ({ value: claim.declaredOn, id: claim.id }),
  );
}

/** Whether a cursor's position could be a claim's. */
export const isClaimPosition = (position: KeysetPosition) => isPositionOf(CLAIM_ORDER, position);

/** How many claims were declared on or before the date, counted no further than the lists' cap. */
export async function countClaimsAt(db: Db, date: string): Promise<{ count: number; capped: boolean }> {
  return countUpToCap(db, 'epf_claim', declaredBy(date));
}

/** The Dutch EPF figures at a date, added up in one statement: the rule of epfFiguresAt (src/domain/epf.ts). */
export async function figuresAt(db: Db, date: string): Promise<EpfFigures> {
  // Sums travel as text inside the JSON, exact at any size.
  const { rows } = await sql<{
    statuses: StatusTotals[] | null;
    years: { year: number; cents: string }[] | null;
    declaredUntil: string | null;
    remainderExpectedBy: number | null;
  }>`
    ${withClaimStatesAt(date, sql`select * from epf_claim where ${declaredBy(date)}`)},
    by_status as (
      select status, count(*)::int as count, sum(declared_cents)::text as "declaredCents",
        sum(compensated_cents)::text as "compensatedCents", sum(paid_cents)::text as "paidCents"
      from state group by status
    ), by_year as (
      select extract(year from receipt.received_on)::int as year, sum(receipt.amount_cents)::text as cents
      from epf_receipt receipt join state on state.id = receipt.claim_id
      where receipt.received_on <= ${date}::date
      group by 1
    )
    select (select json_agg(by_status) from by_status) as statuses,
           (select json_agg(by_year order by year) from by_year) as years,
           (select max(declared_on)::text from state) as declared_until,
           (select max(remainder_expected_by) from state where compensated_cents > paid_cents) as remainder_expected_by`.execute(db);
  const { statuses: found, years, declaredUntil, remainderExpectedBy } = rows[0]!;
  const statuses = found ?? [];
  const byStatus = Object.fromEntries(EPF_CLAIM_STATUSES.map((status) => [status, { count: 0, declaredCents: 0 }])) as EpfFigures['byStatus'];
  for (const row of statuses) byStatus[oneOf(EPF_CLAIM_STATUSES, row.status)] = { count: row.count, declaredCents: centsFromText(row.declaredCents) };
  return epfFigures({
    date,
    declaredUntil,
    compensatedCents: sumCents(statuses.map((row) => centsFromText(row.compensatedCents))),
    paidCents: sumCents(statuses.map((row) => centsFromText(row.paidCents))),
    paidByYear: (years ?? []).map((row) => ({ year: row.year, cents: centsFromText(row.cents) })),
    remainderExpectedBy,
    byStatus,
  });
}

/** Every part of the EPF figures at the date but those of zero, each as soleUndisclosedParts (src/domain/epf-disclosure.ts) reads it. */
export async function epfFigurePartsAt(db: Db, date: string): Promise<EpfFigurePart[]> {
  const { rows } = await sql<{ figure: string; year: number | null; partOf: string; deliveryId: string | null; title: string | null; publicValueCents: string | null; cents: string }>`
    ${withClaimStatesAt(date, sql`select * from epf_claim where ${declaredBy(date)}`)},
    claim_figure as (
      select state.id as claim_id, state.delivery_id, figure.name, null::int as year, figure.cents
      from state cross join lateral (values
        ('epfDeclared', state.declared_cents::numeric),
        ('epfCompensated', state.compensated_cents::numeric),
        ('epfOutstanding', (state.compensated_cents - state.paid_cents)::numeric),
        ('epfBlocked', case when state.status = 'blocked' then state.declared_cents else 0 end::numeric)
      ) figure (name, cents)
      union all
      select state.id, state.delivery_id, 'epfPaid', extract(year from receipt.received_on)::int, receipt.amount_cents::numeric
      from epf_receipt receipt join state on state.id = receipt.claim_id
      where receipt.received_on <= ${date}::date
    ), part as (
      select name, year, coalesce(delivery_id, claim_id) as part_of, delivery_id, sum(cents) as cents
      from claim_figure group by name, year, delivery_id, coalesce(delivery_id, claim_id)
      union all
      select 'epfImplementingActor', null, delivery_id, delivery_id, sum(change_cents)
      from implementing_actor_change where change_date <= ${date}::date group by delivery_id
    )
    select part.name as figure, part.year, part.part_of::text, part.delivery_id, delivery.title,
      public_delivery.value_cents::text as public_value_cents, part.cents::text as cents
    from part
    left join delivery on delivery.id = part.delivery_id
    left join public_delivery on public_delivery.public_id = delivery.public_id
    where part.cents <> 0`.execute(db);
  return rows.map((row) => ({
    figure: oneOf(EPF_DELIVERY_FIGURES, row.figure),
    year: row.year,
    partOf: row.partOf,
    delivery: row.deliveryId === null ? null : { id: row.deliveryId, title: row.title!, publicValueCents: row.publicValueCents === null ? null : centsFromText(row.publicValueCents) },
    cents: centsFromText(row.cents),
  }));
}

/** A row of by_status, named as the figures name them. */
interface StatusTotals {
  status: string;
  count: number;
  declaredCents: string;
  compensatedCents: string;
  paidCents: string;
}

/**
 * A delivery as a claim on it needs it: its funding, what it may be claimed for at the date (claimableValueAt), and
 * what was claimed on it before; kept from removal and revaluation until the transaction ends (see deleteDelivery). It
 * is held first and read after: a statement that waited for the hold reads other tables as they stood when it began,
 * without the valuation whose commit it waited for.
 */
export async function deliveryForClaim(db: Db, deliveryId: string, date: string) {
  await db.selectFrom('delivery').select('id').where('id', '=', deliveryId).forShare().execute();
  return db
    .selectFrom('delivery')
    .select((eb) => [
      'delivery.fundingSource',
      claimableValueAt(date).as('valueCents'),
      eb
        .selectFrom('epfClaim')
        .select(sql<Cents>`coalesce(sum(declared_cents), 0)::bigint`.as('claimed'))
        .whereRef('epfClaim.deliveryId', '=', 'delivery.id')
        .as('alreadyClaimedCents'),
    ])
    .where('delivery.id', '=', deliveryId)
    .where('delivery.deletedAt', 'is', null)
    .executeTakeFirst();
}

/**
 * The first date of a claim on the delivery at which what its claims declared up to then is more than it may be
 * claimed for then (claimableValueAt), with both amounts: a revaluation or a withdrawal since lowered it below them.
 * Undefined while its value covers every claim.
 */
export async function claimAboveValue(db: Db, deliveryId: string): Promise<{ declaredOn: string; claimedCents: Cents; valueCents: Cents } | undefined> {
  const { rows } = await sql<{ declaredOn: string; claimedCents: string; valueCents: string }>`
    select claim_date.declared_on, claimed.cents::text as claimed_cents, worth.cents::text as value_cents
    from delivery
    ${CLAIM_DATES}
    cross join lateral (select ${claimableValueAt(CLAIM_DATE)} as cents) worth
    where delivery.id = ${deliveryId} and claimed.cents > worth.cents
    order by claim_date.declared_on
    limit 1`.execute(db);
  const row = rows[0];
  return row && { declaredOn: row.declaredOn, claimedCents: centsFromText(row.claimedCents), valueCents: centsFromText(row.valueCents) };
}

/**
 * What an import's valuation of each of these deliveries is held against (see claimAboveValue): each date of a claim on
 * it, first to last, with what its claims declared up to then, the effective date of the valuation its value then is
 * taken from (valuedOnAt; null: none) and what it counts for in realised support then (realisedValueAt).
 */
export async function claimDatesOf(db: Db, deliveryIds: readonly string[]): Promise<Map<string, ClaimDate[]>> {
  const { rows } = await sql<{ deliveryId: string; declaredOn: string; claimedCents: string; valuedOn: string | null; realisedCents: string }>`
    select delivery.id as delivery_id, claim_date.declared_on, claimed.cents::text as claimed_cents,
      ${valuedOnAt(CLAIM_DATE)} as valued_on, ${realisedValueAt(CLAIM_DATE)}::text as realised_cents
    from delivery
    ${CLAIM_DATES}
    where delivery.id = any(${deliveryIds}::uuid[])
    order by delivery.id, claim_date.declared_on`.execute(db);
  const found = new Map<string, ClaimDate[]>();
  for (const { deliveryId, claimedCents, realisedCents, ...row } of rows) {
    const claimDate = { ...row, claimedCents: centsFromText(claimedCents), realisedCents: centsFromText(realisedCents) };
    found.set(deliveryId, [...(found.get(deliveryId) ?? []), claimDate]);
  }
  return found;
}

/** A date of a claim on a delivery as claimDatesOf gives it. */
export interface ClaimDate {
  declaredOn: string;
  claimedCents: Cents;
  valuedOn: string | null;
  realisedCents: Cents;
}

/** Each date of a claim on the outer query's delivery (the table `delivery`, as `claim_date`) with what its claims declared up to then (`claimed`). */
const CLAIM_DATES = sql`
    cross join lateral (select distinct declared_on from epf_claim where delivery_id = delivery.id) claim_date
    cross join lateral (select coalesce(sum(declared_cents), 0) as cents from epf_claim where delivery_id = delivery.id and declared_on <= claim_date.declared_on) claimed`;
const CLAIM_DATE = sql<string>`claim_date.declared_on`;

/**
 * What the outer query's delivery (the table `delivery`) may be claimed for at a date (or a column of dates): its
 * valuation then, or what it counts for in realised support then where that is more (a purchase paid beyond its
 * contract price, or not valued).
 */
function claimableValueAt(date: string | RawBuilder<string>): RawBuilder<Cents> {
  return sql<Cents>`greatest(coalesce(${valueAt(date)}, 0), ${realisedValueAt(date)})`;
}

/**
 * Work the Netherlands does for the EU as implementing actor (deliveries funded by the EPF): each realised by
 * the date, as realised support decides it, at its latest valuation effective on or before the date and not
 * withdrawn by then; added up from its changes per day (migration 050). It is never part of a Dutch total.
 */
export async function implementingActorCentsAt(db: Db, date: string): Promise<Cents> {
  const row = await db
    .selectFrom('implementingActorDay')
    .select(sql<string>`coalesce(sum(change_cents), 0)::text`.as('cents'))
    .where('changeDate', '<=', date)
    .executeTakeFirstOrThrow();
  return centsFromText(row.cents);
}

/** Loads rows of the demonstration register; a row already there (by its id) is left as it is. Returns whether anything was added. */
export async function insertDemonstrationIfAbsent(
  db: Db,
  data: { tranches: readonly EpfTranche[]; claims: readonly EpfClaimHistory[] },
): Promise<boolean> {
  let added = false;
  const insert = async (query: { executeTakeFirst(): Promise<{ numInsertedOrUpdatedRows?: bigint }> }) => {
    if ((await query.executeTakeFirst()).numInsertedOrUpdatedRows === 1n) added = true;
  };
  for (const tranche of data.tranches) await insert(db.insertInto('epfTranche').values(tranche).onConflict((c) => c.column('id').doNothing()));
  for (const { claim, assessments, receipts, blockages } of data.claims) {
    await insert(db.insertInto('epfClaim').values(claim).onConflict((c) => c.column('id').doNothing()));
    for (const row of assessments) await insert(db.insertInto('epfAssessment').values(row).onConflict((c) => c.column('id').doNothing()));
    for (const row of receipts) await insert(db.insertInto('epfReceipt').values(row).onConflict((c) => c.column('id').doNothing()));
    for (const row of blockages) await insert(db.insertInto('epfBlockage').values(row).onConflict((c) => c.column('id').doNothing()));
  }
  return added;
}
