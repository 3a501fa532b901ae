/**
 * The public read path: the only queries behind public surfaces. It is handed the database typed as
 * PublicDatabase, which has nothing but the public projection, and names every column it reads.
 */
import type { Kysely, Selectable } from 'kysely';
import type { PublicDatabase, PublicDeliveryTable } from '../schema.ts';

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

export async function findPublicLetter(db: PublicDb, id: string): Promise<(PublicLetterSummary & { snapshot: string }) | undefined> {
  return db.selectFrom('publicLetter').select([...LETTER_COLUMNS, 'snapshot']).where('id', '=', id).executeTakeFirst();
}

export async function allPublicSnapshots(db: PublicDb): Promise<string[]> {
  return (await db.selectFrom('publicLetter').select('snapshot').execute()).map((row) => row.snapshot);
}

export type PublicDeliveryRow = Selectable<PublicDeliveryTable>;

export async function listPublicDeliveries(db: PublicDb): Promise<PublicDeliveryRow[]> {
  return db
    .selectFrom('publicDelivery')
    .select(['publicId', 'title', 'detail', 'category', 'supportType', 'quantity', 'decidedOn', 'isDemonstration'])
    .orderBy('decidedOn', 'desc')
    .orderBy('title')
    .orderBy('publicId')
    .execute();
}
