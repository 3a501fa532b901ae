/**
 * The public read path: the only queries behind public surfaces. It is handed the database typed as
 * PublicDatabase, which has nothing but the public projection, and names every column it reads.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { OverviewItemSchema, PublicLetterSnapshotSchema, type PublicLetterSnapshot } from '../../letters/snapshot.ts';
import type { PublicDatabase } from '../schema.ts';
import { parseStoredJson } from '../stored-json.ts';

type PublicDb = Kysely<PublicDatabase>;

export interface PublicLetterSummary {
  id: string;
  referenceDate: string;
  letterDate: string;
  paperNumber: string | null;
  publishedOn: string | null;
  sha256: string;
  isDemonstration: boolean;
}

const LETTER_COLUMNS = ['id', 'referenceDate', 'letterDate', 'paperNumber', 'publishedOn', 'sha256', 'isDemonstration'] as const;

export async function listPublicLetters(db: PublicDb): Promise<PublicLetterSummary[]> {
  return db.selectFrom('publicLetter').select(LETTER_COLUMNS).orderBy('referenceDate', 'desc').execute();
}

/** A published letter with its public letter as sent, checked. */
export async function findPublicLetter(db: PublicDb, id: string): Promise<(PublicLetterSummary & { letter: PublicLetterSnapshot }) | undefined> {
  const row = await db.selectFrom('publicLetter').select([...LETTER_COLUMNS, 'snapshot']).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const { snapshot, ...summary } = row;
  return { ...summary, letter: parseStoredJson(PublicLetterSnapshotSchema, snapshot) };
}

/** A published letter's snapshot exactly as hashed: the text anyone can check against its SHA-256. */
export async function findPublicSnapshotText(db: PublicDb, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('publicLetter').select('snapshot').where('id', '=', id).executeTakeFirst();
  return row?.snapshot;
}

export async function allPublicSnapshots(db: PublicDb): Promise<PublicLetterSnapshot[]> {
  const rows = await db.selectFrom('publicLetter').select('snapshot').execute();
  return rows.map((row) => parseStoredJson(PublicLetterSnapshotSchema, row.snapshot));
}

/** A delivery decided public, as the public may read it. */
export const PublicDeliverySchema = OverviewItemSchema.extend({
  decidedOn: z.iso.date(),
  isDemonstration: z.boolean(),
});
export type PublicDelivery = z.infer<typeof PublicDeliverySchema>;

/** The deliveries public at this moment: not those waiting for the publication of the letter that first lists them. */
export async function listPublicDeliveries(db: PublicDb, now: Date): Promise<PublicDelivery[]> {
  const rows = await db
    .selectFrom('publicDelivery')
    .select(['publicId', 'title', 'detail', 'category', 'supportType', 'quantity', 'decidedOn', 'isDemonstration'])
    .where('visibleFrom', '<=', now.toISOString())
    .orderBy('decidedOn', 'desc')
    .orderBy('title')
    .orderBy('publicId')
    .execute();
  return rows.map((row) => PublicDeliverySchema.parse(row));
}

/** A company a disclosure officer decided public: the approved name and the country, nothing else. */
export interface PublicCompany {
  publicId: string;
  name: string;
  country: string;
  decidedOn: string;
  isDemonstration: boolean;
}

export async function listPublicCompanies(db: PublicDb): Promise<PublicCompany[]> {
  return db.selectFrom('publicCompany').select(['publicId', 'name', 'country', 'decidedOn', 'isDemonstration']).orderBy('name').orderBy('publicId').execute();
}
