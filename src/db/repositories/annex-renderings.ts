import type { Kysely } from 'kysely';
import { LETTER_STATUSES, type LetterStatus } from '../../domain/letter.ts';
import type { AnnexRenderingTable, Database } from '../schema.ts';
import { z } from 'zod';

type Db = Kysely<Database>;

const StatusSchema = z.enum(LETTER_STATUSES);

/** What opening an annex needs of its letter: no snapshot is read, let alone parsed. */
export async function letterForAnnex(
  db: Db,
  id: string,
): Promise<{ status: LetterStatus; referenceDate: string; isDemonstration: boolean; finalisedAt: string | null; sentAt: string | null } | undefined> {
  const row = await db.selectFrom('letter').select(['status', 'referenceDate', 'isDemonstration', 'finalisedAt', 'sentAt']).where('id', '=', id).executeTakeFirst();
  return row && { ...row, status: StatusSchema.parse(row.status) };
}

/** A kept rendering as the register handles it: the PDF as bytes. */
export type KeptAnnexRow = Omit<AnnexRenderingTable, 'pdfBase64'> & { pdf: Uint8Array };

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

/** Keeps a rendering; a rendering already kept (by a concurrent first opening) stays as it is. */
export async function insertKeptAnnex(db: Db, { pdf, ...row }: KeptAnnexRow): Promise<void> {
  await db
    .insertInto('annexRendering')
    .values({ ...row, pdfBase64: Buffer.from(pdf).toString('base64') })
    .onConflict((conflict) => conflict.column('letterId').doNothing())
    .execute();
}

/** The kept PDF of a final letter's annex, without its stamp. */
export async function findKeptPdf(db: Db, letterId: string): Promise<{ bytes: Uint8Array; slot: number } | undefined> {
  const row = await db.selectFrom('annexRendering').select(['pdfBase64', 'pdfSlot']).where('letterId', '=', letterId).executeTakeFirst();
  return row && { bytes: bytesOf(row.pdfBase64), slot: row.pdfSlot };
}

/** The kept HTML of a final letter's annex, with the slot for the watermark. */
export async function findKeptHtml(db: Db, letterId: string): Promise<string | undefined> {
  const row = await db.selectFrom('annexRendering').select('html').where('letterId', '=', letterId).executeTakeFirst();
  return row?.html;
}

/** A kept rendering's bytes and the hashes stored with them: what verification compares. */
export async function findKeptAnnex(db: Db, letterId: string): Promise<Pick<KeptAnnexRow, 'pdf' | 'pdfSha256' | 'html' | 'htmlSha256'> | undefined> {
  const row = await db.selectFrom('annexRendering').select(['pdfBase64', 'pdfSha256', 'html', 'htmlSha256']).where('letterId', '=', letterId).executeTakeFirst();
  return row && { pdf: bytesOf(row.pdfBase64), pdfSha256: row.pdfSha256, html: row.html, htmlSha256: row.htmlSha256 };
}

export interface AnnexListing {
  letterId: string;
  referenceDate: string;
  letterDate: string | null;
  paperNumber: string | null;
  sentAt: string | null;
  previousReferenceDate: string | null;
  rowCount: number | null;
  newRows: number | null;
  changedRows: number | null;
}

/** The final letters, newest first, with the counts of their kept annex (null until it is rendered). */
export async function listFinalAnnexes(db: Db): Promise<AnnexListing[]> {
  return db
    .selectFrom('letter')
    .leftJoin('annexRendering', 'annexRendering.letterId', 'letter.id')
    .leftJoin('letter as previous', 'previous.id', 'letter.previousLetterId')
    .select([
      'letter.id as letterId',
      'letter.referenceDate',
      'letter.letterDate',
      'letter.paperNumber',
      'letter.sentAt',
      'previous.referenceDate as previousReferenceDate',
      'annexRendering.rowCount',
      'annexRendering.newRows',
      'annexRendering.changedRows',
    ])
    .where('letter.status', '=', 'final')
    .orderBy('letter.referenceDate', 'desc')
    .execute();
}
