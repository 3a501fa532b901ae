/**
 * The confidential annex: rendered once per final letter and kept, each opening stamped with its reader and
 * recorded; the list of annexes a reader may open. Who may open which annex is `may`: the annex of a draft
 * only for those who may read the draft; anyone else is told there is no such letter.
 */
import type { Kysely } from 'kysely';
import { sha256Hex, type AuditObject } from '../audit/event.ts';
import type { AuditReason } from '../audit/reasons.ts';
import { recordAuditEvent, type RequestContext } from '../audit/trail.ts';
import { isRole, may, type Role } from '../domain/access.ts';
import * as kept from '../db/repositories/annex-renderings.ts';
import * as repository from '../db/repositories/letters.ts';
import type { Database } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { annexChanges, annexDocument, leftSincePrevious, markSincePrevious, readerStamp, type AnnexRow, type AnnexSnapshot } from '../letters/compose.ts';
import { newOpeningMark } from '../letters/opening-mark.ts';
import { renderAnnexForKeeping, stampAnnex, type AnnexFormat, type KeptAnnex, type KeptFormat, type Rendering } from '../letters/renderings.ts';
import { sumCents } from '../../common/money.ts';
import { industryAnnexRows } from './industry.ts';
import { readinessAnnexRows } from './readiness.ts';
import { trainingAnnexRows } from './training.ts';
import { NotFoundError } from './errors.ts';
import { isUuid } from '../../common/ids.ts';
import { compareTitles } from '../../common/title-order.ts';

type Db = Kysely<Database>;

const auditObject = (id: string): AuditObject => ({ type: 'letter', id });

/**
 * What the annex lists at a reference date, from the register as it is now: the deliveries and the sections
 * per domain, without the comparison with the previous letter's annex. `letter verify` recomputes this.
 */
export async function annexContentAt(db: Db, referenceDate: string): Promise<Pick<AnnexSnapshot, 'rows' | 'totalCents' | 'contractsByCompany' | 'trainingByProgramme' | 'readinessByDelivery'>> {
  const [rows, contractsByCompany, trainingByProgramme, readinessByDelivery] = await Promise.all([
    repository.annexRows(db, referenceDate),
    industryAnnexRows(db, referenceDate),
    trainingAnnexRows(db, referenceDate),
    readinessAnnexRows(db, referenceDate),
  ]);
  return {
    rows: rows.toSorted(byDateAndTitle),
    totalCents: sumCents(rows.map((row) => row.valueCents)),
    contractsByCompany: contractsByCompany.toSorted((a, b) => compareTitles(a.company, b.company)),
    trainingByProgramme: trainingByProgramme.toSorted((a, b) => compareTitles(a.programme, b.programme)),
    readinessByDelivery: readinessByDelivery.toSorted((a, b) => compareTitles(a.delivery, b.delivery)),
  };
}

/**
 * The annex's deliveries by the day they were realised, then by title as people read them ("nr. 11" before
 * "nr. 101"); the register's order (its id) decides between the same title. Only titles of one day are collated.
 */
function byDateAndTitle(a: AnnexRow, b: AnnexRow): number {
  const [dayA, dayB] = [a.realisedAt ?? '', b.realisedAt ?? ''];
  return dayA < dayB ? -1 : dayA > dayB ? 1 : compareTitles(a.title, b.title);
}

/** The annex at a reference date from the register as it is now: frozen with a letter at its finalisation. */
export async function annexSnapshot(db: Db, letterId: string, referenceDate: string, isDemonstration: boolean): Promise<AnnexSnapshot> {
  const previous = await repository.latestFinalBefore(db, referenceDate);
  const [content, previousAnnex] = await Promise.all([annexContentAt(db, referenceDate), previous ? repository.findFrozenAnnex(db, previous.id) : Promise.resolve(null)]);
  const { rows } = content;
  return {
    format: 'steunregister-annex/1',
    letterId,
    referenceDate,
    isDemonstration,
    ...content,
    // The first letter has nothing to compare with: nothing in it is marked.
    rows: previousAnnex ? markSincePrevious(rows, previousAnnex.rows) : rows,
    previousLetter: previous ? { id: previous.id, referenceDate: previous.referenceDate } : null,
    noLongerListed: previousAnnex ? leftSincePrevious(rows, previousAnnex.rows) : [],
  };
}

/** Renders a final letter's annex and keeps it, rendered at the moment given; returns the hashes of what is kept. */
export async function keepAnnex(db: Db, letterId: string, annex: AnnexSnapshot, finalisedAt: string, renderedAt: Date): Promise<{ pdfSha256: string; htmlSha256: string }> {
  const rendered = await renderAnnexForKeeping(annexDocument(annex), { createdAt: new Date(finalisedAt) });
  const hashes = { pdfSha256: sha256Hex(rendered.pdf.bytes), htmlSha256: sha256Hex(rendered.html) };
  const changes = annexChanges(annex);
  await kept.insertKeptAnnex(db, {
    letterId,
    pdf: rendered.pdf.bytes,
    pdfSlot: rendered.pdf.slot,
    html: rendered.html,
    rowCount: changes.inTotal,
    newRows: changes.newRows,
    changedRows: changes.changedRows,
    renderedAt: renderedAt.toISOString(),
    ...hashes,
  });
  return hashes;
}

/**
 * Opens the annex for its reader: a final letter's kept rendering (rendered now if it was finalised before
 * renderings were kept), a draft's rendered from the register now; either stamped with the reader, the time
 * and a mark of this opening, which its audit event keeps. Every opening, and every refusal, is an audit event.
 */
export async function openAnnex(
  db: Db,
  context: RequestContext,
  id: string,
  format: AnnexFormat,
  reader: { name: string; role: Role },
): Promise<{ referenceDate: string; rendering: Rendering }> {
  const letter = isUuid(id) ? await kept.letterForAnnex(db, id) : undefined;
  if (!letter) throw new NotFoundError('letter', id);
  const role = context.actor?.role;
  if (!(role && isRole(role) && may({ role }, 'annex.read', { type: 'letter', status: letter.status, sent: letter.sentAt !== null }))) {
    const reason: AuditReason = letter.status === 'draft' ? 'draft' : letter.sentAt === null ? 'notSent' : 'notPermitted';
    await recordAuditEvent(db, context, { action: 'annex.read', object: auditObject(id), result: 'denied', detail: { reason } });
    throw new NotFoundError('letter', id);
  }
  const opening = { at: context.now(), mark: newOpeningMark() };
  const watermark = readerStamp(reader, opening);
  return inTransaction(db, async (trx) => {
    const { annex, rendered } = letter.status !== 'draft' ? await keptRendering(trx, id, format, letter.finalisedAt!, context.now()) : { annex: await draftAnnex(trx, id, format, letter, context.now()), rendered: false };
    await recordAuditEvent(trx, context, { action: 'annex.read', object: auditObject(id), result: 'success', detail: { status: letter.status, format, openingMark: opening.mark, ...(rendered ? { rendered } : {}) } });
    return { referenceDate: letter.referenceDate, rendering: await stampAnnex(annex, watermark) };
  });
}

async function keptRendering(db: Db, id: string, format: AnnexFormat, finalisedAt: string, now: Date): Promise<{ annex: KeptFormat; rendered: boolean }> {
  const existing = await keptFormat(db, id, format);
  if (existing) return { annex: existing, rendered: false };
  const frozen = await repository.findFrozenAnnex(db, id);
  if (!frozen) throw new NotFoundError('letter', id);
  await keepAnnex(db, id, frozen, finalisedAt, now);
  return { annex: (await keptFormat(db, id, format))!, rendered: true };
}

async function keptFormat(db: Db, id: string, format: AnnexFormat): Promise<KeptFormat | undefined> {
  if (format === 'pdf') {
    const pdf = await kept.findKeptPdf(db, id);
    return pdf && { format, pdf };
  }
  const html = await kept.findKeptHtml(db, id);
  return html === undefined ? undefined : { format, html };
}

async function draftAnnex(db: Db, id: string, format: AnnexFormat, letter: { referenceDate: string; isDemonstration: boolean }, now: Date): Promise<KeptFormat> {
  const rendered: KeptAnnex = await renderAnnexForKeeping(annexDocument(await annexSnapshot(db, id, letter.referenceDate, letter.isDemonstration)), { createdAt: now });
  return format === 'pdf' ? { format, pdf: rendered.pdf } : { format, html: rendered.html };
}

/** Whether a final letter's kept annex still hashes to what was stored with it (true while none is kept yet). */
export async function keptAnnexIntact(db: Db, id: string): Promise<boolean> {
  const row = await kept.findKeptAnnex(db, id);
  return row === undefined || (sha256Hex(row.pdf) === row.pdfSha256 && sha256Hex(row.html) === row.htmlSha256);
}

/**
 * The annexes the reader may open: those of the final letters, for parliament only those sent to it (a draft's
 * annex is opened from the draft). The list tells which letters have an annex and how much changed in it, so
 * its reading is recorded too, as listing them (annex.list), apart from opening one.
 */
export async function listAnnexes(db: Db, context: RequestContext, role: Role): Promise<kept.AnnexListing[]> {
  if (!may({ role }, 'annex.read')) return [];
  const listed = (await kept.listFinalAnnexes(db)).filter((item) => may({ role }, 'annex.read', { type: 'letter', status: 'final', sent: item.sentAt !== null }));
  await recordAuditEvent(db, context, { action: 'annex.list', object: { type: 'annexes', id: '*' }, result: 'success', detail: { list: listed.map((item) => item.letterId) } });
  return listed;
}

