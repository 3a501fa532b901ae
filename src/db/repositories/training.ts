import { sql, type Kysely } from 'kysely';
import { z } from '@hono/zod-openapi';
import { FUNDING_SOURCES } from '../../domain/delivery.ts';
import { TRAINING_FRAMEWORKS, type Contribution, type TrainingProgrammeInput } from '../../domain/training.ts';
import { withTypedErrors } from '../errors.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

/** A programme as stored, its codes checked when read back; the API's answer is built on it. */
export const StoredProgrammeSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  hostCountry: z.string(),
  framework: z.enum(TRAINING_FRAMEWORKS),
  systemTrainedOn: z.string().nullable(),
  description: z.string(),
  isDemonstration: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredProgramme = z.infer<typeof StoredProgrammeSchema> & { deliveryIds: string[] };

export const StoredContributionSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  periodFrom: z.string(),
  periodTo: z.string().nullable(),
  countsUpTo: z.string(),
  trainers: z.number().int().nullable(),
  trainersIsMaximum: z.boolean(),
  rotations: z.number().int().nullable(),
  soldiersPerRotation: z.number().int().nullable(),
  trainees: z.number().int().nullable(),
  traineesIsApproximate: z.boolean(),
  courses: z.number().int().nullable(),
  costEstimateCents: z.number().int().nullable(),
  fundingSource: z.enum(FUNDING_SOURCES).nullable(),
  note: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});

/** The unique constraint on a programme's short name. */
export const UNIQUE_PROGRAMME_KEY = 'training_programme_key_key';

/** createdAt: the moment of the request that recorded it; the database's own clock where none is given. */
type ProgrammeFields = Omit<TrainingProgrammeInput, 'deliveryIds'> & { isDemonstration: boolean; createdAt?: string };

export async function insertProgramme(db: Db, id: string, { deliveryIds, ...fields }: ProgrammeFields & { deliveryIds: string[] }): Promise<StoredProgramme> {
  await withTypedErrors(db.insertInto('trainingProgramme').values({ id, ...fields }).execute());
  await linkDeliveries(db, id, deliveryIds);
  return (await findProgramme(db, id))!;
}

/** Changes a programme if it is still at the expected version, at the moment of the request; undefined when someone changed it since. */
export async function updateProgramme(db: Db, id: string, expectedVersion: number, { deliveryIds, ...fields }: TrainingProgrammeInput, updatedAt: string): Promise<StoredProgramme | undefined> {
  const updated = await withTypedErrors(
    db
      .updateTable('trainingProgramme')
      .set((eb) => ({ ...fields, version: eb('version', '+', 1), updatedAt }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst(),
  );
  if (updated.numUpdatedRows === 0n) return undefined;
  await db.deleteFrom('trainingProgrammeDelivery').where('programmeId', '=', id).execute();
  await linkDeliveries(db, id, deliveryIds);
  return findProgramme(db, id);
}

async function linkDeliveries(db: Db, programmeId: string, deliveryIds: readonly string[]): Promise<void> {
  if (deliveryIds.length === 0) return;
  await db.insertInto('trainingProgrammeDelivery').values(deliveryIds.map((deliveryId) => ({ programmeId, deliveryId }))).execute();
}

export async function findProgramme(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<StoredProgramme | undefined> {
  let query = db.selectFrom('trainingProgramme').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const links = await db.selectFrom('trainingProgrammeDelivery').select('deliveryId').where('programmeId', '=', id).orderBy('deliveryId').execute();
  return { ...StoredProgrammeSchema.parse(row), deliveryIds: links.map((link) => link.deliveryId) };
}

/** The id of the programme with this short name, if there is one. */
export async function programmeIdOfKey(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('trainingProgramme').select('id').where('key', '=', key).executeTakeFirst())?.id;
}

/** Whether the text of a final letter (or one withdrawn, verified as it was final) names a figure of the programme with this short name (`{{training:KEY.…}}`). */
export async function keyNamedByFinalLetter(db: Db, key: string): Promise<boolean> {
  // A short name has only lowercase letters, digits and hyphens: nothing LIKE reads as a wildcard.
  const named = await db.selectFrom('letter').select('id').where('status', '<>', 'draft').where(sql<string>`blocks::text`, 'like', `%{{training:${key}.%`).limit(1).executeTakeFirst();
  return named !== undefined;
}

/** Every programme, by name; they are few (one per training the Netherlands takes part in). */
export async function listProgrammes(db: Db): Promise<StoredProgramme[]> {
  const [rows, links] = await Promise.all([
    db.selectFrom('trainingProgramme').selectAll().orderBy('name').orderBy('id').execute(),
    db.selectFrom('trainingProgrammeDelivery').selectAll().orderBy('deliveryId').execute(),
  ]);
  return rows.map((row) => ({
    ...StoredProgrammeSchema.parse(row),
    deliveryIds: links.filter((link) => link.programmeId === row.id).map((link) => link.deliveryId),
  }));
}

export async function insertContribution(db: Db, contribution: Contribution): Promise<Contribution> {
  await db.insertInto('trainingContribution').values(contribution).execute();
  return contribution;
}

/** Contributions, of one programme or of all, in the order they were counted. */
export async function listContributions(db: Db, programmeId?: string): Promise<Contribution[]> {
  let query = db.selectFrom('trainingContribution').selectAll().orderBy('countsUpTo').orderBy('recordedAt').orderBy('id');
  if (programmeId !== undefined) query = query.where('programmeId', '=', programmeId);
  return (await query.execute()).map((row) => StoredContributionSchema.parse(row));
}

/** Which of the given deliveries exist (not removed), kept from removal until the transaction ends (see deleteDelivery). */
export async function existingDeliveryIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('delivery').select('id').where('id', 'in', [...ids]).where('deletedAt', 'is', null).forShare().execute();
  return new Set(rows.map((row) => row.id));
}
