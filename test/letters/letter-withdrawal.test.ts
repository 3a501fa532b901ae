/**
 * A final letter never sent to parliament can be withdrawn, with the reason. A letter finalised before dates far
 * ahead were refused, dated 2035 for 2025, cannot be sent until then, nor can any letter after it be dated before
 * it: withdrawn, it keeps its texts and hashes, but it is never sent or published, a new letter for its reference
 * date follows the letter before it, and what it listed is new again. A letter sent is never withdrawn.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
import { sealed } from '../../src/letters/snapshot.ts';
import type { PublicLetterSnapshot } from '../../src/letters/snapshot.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { ifMatchCurrent, SIGNED, submitAndApprove } from '../support/letters.ts';
import { accepted, deliveryRecords, recordingRoles, type RecordingRoles } from '../support/recording-roles.ts';

/** Today, 10 September 2025. */
const clock = () => new Date('2025-09-10T08:30:00Z');
const SLIP = '2035-09-10';
const REASON = 'Gedateerd op 2035 in plaats van 2025; de brief gaat opnieuw, goed gedateerd.';

describeEachDatabase('withdrawing a final letter not sent', (database) => {
  let roles: RecordingRoles;
  let anonymous: ApiCall;
  let juneId: string;
  let augustId: string;
  let augustFinal: { version: number; publicSha256: string; annexSha256: string };

  const db = () => database().db;
  const codesOf = (answer: { body: any }) => (answer.body.invalidParams ?? []).map((param: { name: string; code: string }) => `${param.name}: ${param.code}`);
  const withdraw = async (id: string, reason: unknown, call: ApiCall = roles.author) => call('POST', `/letters/${id}/withdrawal`, { reason }, await ifMatchCurrent(roles.author, id));
  const titlesListed = (letter: { letter: PublicLetterSnapshot }) => letter.letter.overview.flatMap((group) => group.items.map((item) => item.title)).sort();
  const withdrawals = async (id: string) => (await listAuditEvents(db(), { objectId: id, action: 'letter.withdrawFinal', limit: 10 }));

  /** A letter drafted, approved and finalised through the API. */
  async function finalLetter(referenceDate: string, letterDate: string): Promise<{ id: string; version: number; publicSha256: string; annexSha256: string; letter: PublicLetterSnapshot }> {
    const draft = await accepted(roles.author('POST', '/letters', { ...SIGNED, referenceDate, letterDate }));
    const approved = await accepted(submitAndApprove({ author: roles.author, disclosure: roles.disclosure }, draft.body.id, draft.headers.get('ETag')!), 200);
    return (await accepted(roles.author('POST', `/letters/${draft.body.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200)).body;
  }

  async function decidedPublic(title: string, realisedAt: string, publicFrom: string | null = null): Promise<string> {
    const { delivery, value } = deliveryRecords(() => roles);
    const id = await delivery({ ...stockDelivery, title: `${title} (intern)`, committedAt: '2025-03-01', realisedAt });
    await value(id, 50_000_000, realisedAt);
    await accepted(roles.disclosure('POST', '/disclosure-decisions', { deliveryIds: [id], state: 'public', publicTitle: title, publicCategory: 'other', publicFrom, publicValue: true }));
    return id;
  }

  /**
   * Dates the final letter as a letter finalised before the rule could be: its date, in the record and in its
   * frozen public text, sealed again as it would have been sealed then.
   */
  async function dateDirectly(id: string, letterDate: string): Promise<void> {
    const { publicSnapshot } = await db().selectFrom('letter').select('publicSnapshot').where('id', '=', id).executeTakeFirstOrThrow();
    const seal = sealed({ ...(JSON.parse(publicSnapshot!) as PublicLetterSnapshot), letterDate });
    await sql`alter table letter disable trigger letter_final_is_frozen`.execute(db());
    try {
      await db().updateTable('letter').set({ letterDate, publicSnapshot: seal.text, publicSha256: seal.sha256, approvedSha256: seal.sha256 }).where('id', '=', id).execute();
    } finally {
      await sql`alter table letter enable trigger letter_final_is_frozen`.execute(db());
    }
  }

  beforeAll(async () => {
    roles = recordingRoles(db(), clock);
    anonymous = apiClient(db(), { clock });
    await decidedPublic('Generatoren', '2025-04-15');
    const june = await finalLetter('2025-06-30', '2025-07-07');
    juneId = june.id;
    const sent = await accepted(roles.author('POST', `/letters/${juneId}/sending`, undefined, { 'If-Match': `"${june.version}"` }), 200);
    await accepted(roles.author('POST', `/letters/${juneId}/publication`, { paperNumber: 'Kamerstuk 22 054, nr. 455', publishedOn: '2025-07-08' }, { 'If-Match': sent.headers.get('ETag')! }), 200);
    await decidedPublic('Aggregaten', '2025-08-01');
    const pumps = await decidedPublic('Pompen', '2025-08-15');
    const august = await finalLetter('2025-08-31', '2025-09-10');
    augustId = august.id;
    expect(titlesListed(august)).toEqual(['Aggregaten', 'Pompen']);
    // Decided again since, public from a later date: it waits for the letter that lists it.
    await accepted(roles.disclosure('POST', '/disclosure-decisions', { deliveryIds: [pumps], state: 'public', publicTitle: 'Pompen', publicCategory: 'other', publicFrom: '2025-09-20', publicValue: true }));
    await dateDirectly(augustId, SLIP);
    augustFinal = (await roles.author('GET', `/letters/${augustId}`)).body;
  });

  it('is what a letter dated far ahead needs: it cannot be sent, nor can a letter after it be dated', async () => {
    expect(augustFinal).toMatchObject({ status: 'final', letterDate: SLIP, sentAt: null, withdrawal: null });
    expect(codesOf(await roles.author('POST', `/letters/${augustId}/sending`, undefined, await ifMatchCurrent(roles.author, augustId)))).toEqual(['letterDate: letterDateNotReached']);
    expect(codesOf(await roles.author('POST', '/letters', { ...SIGNED, referenceDate: '2025-09-30', letterDate: '2025-10-06' }))).toEqual(['letterDate: letterBeforePreviousLetter']);
    expect(codesOf(await roles.author('POST', '/letters', { ...SIGNED, referenceDate: '2025-08-31', letterDate: '2025-09-10' }))).toEqual(['referenceDate: finalLetterExists']);
  });

  it('refuses a draft, a letter sent, a stale or missing version, a missing reason and anyone but a letter author, and changes nothing', async () => {
    const draft = await accepted(roles.author('POST', '/letters', { ...SIGNED, referenceDate: '2025-09-30' }));
    expect(codesOf(await withdraw(draft.body.id, REASON))).toEqual(['status: notFinal']);
    await accepted(roles.author('DELETE', `/letters/${draft.body.id}`, undefined, await ifMatchCurrent(roles.author, draft.body.id)), 204);

    const sent = await withdraw(juneId, REASON);
    expect(sent.status).toBe(400);
    expect(sent.body.invalidParams).toEqual([{ name: 'status', code: 'sentLetterNotWithdrawn', reason: 'Deze brief is al aan de Kamer verzonden en wordt niet ingetrokken: de Kamer heeft hem.' }]);

    const path = `/letters/${augustId}/withdrawal`;
    expect((await roles.author('POST', path, { reason: REASON })).status).toBe(428);
    expect((await roles.author('POST', path, { reason: REASON }, { 'If-Match': `"${augustFinal.version - 1}"` })).status).toBe(412);
    expect(codesOf(await withdraw(augustId, ''))).toEqual(['reason: required']);
    expect(codesOf(await withdraw(augustId, ' \n '))).toEqual(['reason: required']);
    expect((await withdraw(augustId, undefined)).status).toBe(400);
    expect((await withdraw(augustId, REASON, roles.disclosure)).status).toBe(403);

    expect((await roles.author('GET', `/letters/${augustId}`)).body).toEqual(augustFinal);
    expect(await withdrawals(augustId)).toEqual([]);
    expect(await withdrawals(juneId)).toEqual([]);
  });

  it('withdraws the letter with its reason, once, in one audit event; its texts and hashes stay, and it is never sent', async () => {
    const withdrawn = await accepted(withdraw(augustId, REASON), 200);
    expect(withdrawn.headers.get('ETag')).toBe(`"${augustFinal.version + 1}"`);
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      letterDate: SLIP,
      publicSha256: augustFinal.publicSha256,
      annexSha256: augustFinal.annexSha256,
      sentAt: null,
      publishAt: null,
      withdrawal: { reason: REASON, at: clock().toISOString(), byName: expect.any(String) },
    });
    const events = await withdrawals(augustId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ result: 'success', before: { status: 'final' }, after: { status: 'withdrawn', reason: REASON }, actor: { username: withdrawn.body.withdrawal.byName } });

    const listed = (await roles.author('GET', '/letters')).body.items.find((letter: { id: string }) => letter.id === augustId);
    expect(listed).toMatchObject({ status: 'withdrawn', withdrawalReason: REASON, withdrawnAt: clock().toISOString(), withdrawnByName: withdrawn.body.withdrawal.byName });
    expect((await roles.author('GET', `/letters/${augustId}/verification`)).body).toMatchObject({ hashesMatch: true });

    expect(codesOf(await withdraw(augustId, REASON))).toEqual(['status: letterIsWithdrawn']);
    expect(codesOf(await roles.author('POST', `/letters/${augustId}/sending`, undefined, await ifMatchCurrent(roles.author, augustId)))).toEqual(['status: letterIsWithdrawn']);
    expect(codesOf(await roles.author('PATCH', `/letters/${augustId}`, { letterDate: '2025-09-10' }, await ifMatchCurrent(roles.author, augustId)))).toEqual(['status: letterIsWithdrawn']);
    expect(await withdrawals(augustId)).toHaveLength(1);
  });

  it('is offered nowhere as the latest letter, and nothing of it is public', async () => {
    expect((await roles.author('GET', '/letters/waiting-for-me')).body.items.map((item: { letterId: string }) => item.letterId)).not.toContain(augustId);
    expect((await roles.author('GET', '/figures/next-letter-dates')).body.compareDate).toBe('2025-06-30');
    expect((await roles.author('GET', '/annexes')).body.items.map((item: { letterId: string }) => item.letterId)).toEqual([juneId]);
    expect((await anonymous('GET', '/public/letters')).body.items.map((item: { id: string }) => item.id)).toEqual([juneId]);
    expect((await anonymous('GET', `/public/letters/${augustId}`)).status).toBe(404);
    expect((await anonymous('GET', `/public/letters/${augustId}/snapshot`)).status).toBe(404);
  });

  it('shows from its date a delivery it listed whose decision since names one, as if it had never listed it', async () => {
    const publicTitles = async (moment: string) => (await apiClient(db(), { clock: () => new Date(moment) })('GET', '/public/deliveries')).body.items.map((item: { title: string }) => item.title);
    expect(await publicTitles('2025-09-19T21:59:00Z')).not.toContain('Pompen');
    expect(await publicTitles('2025-09-19T22:00:00Z')).toContain('Pompen');
  });

  it('lets a new letter for its reference date follow the letter before it, list what it listed again, be sent and published', async () => {
    const draft = await accepted(roles.author('POST', '/letters', { ...SIGNED, referenceDate: '2025-08-31', letterDate: '2025-09-10' }));
    expect(draft.body.letter.previousLetter).toMatchObject({ id: juneId, referenceDate: '2025-06-30' });
    // Pompen is public only from after the reference date now: a letter at it does not list it.
    expect(titlesListed(draft.body)).toEqual(['Aggregaten']);
    const approved = await accepted(submitAndApprove({ author: roles.author, disclosure: roles.disclosure }, draft.body.id, draft.headers.get('ETag')!), 200);
    const final = await accepted(roles.author('POST', `/letters/${draft.body.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }), 200);
    const summary = (await roles.author('GET', '/letters')).body.items.find((letter: { id: string }) => letter.id === draft.body.id);
    expect(summary).toMatchObject({ status: 'final', previousLetterId: juneId });

    // A later final letter follows it: withdrawing it now would leave that one following a letter never sent.
    const later = await finalLetter('2025-09-05', '2025-09-10');
    expect(codesOf(await withdraw(draft.body.id, REASON))).toEqual(['status: followedByFinalLetter']);
    expect(later.letter.previousLetter?.id).toBe(draft.body.id);

    const sent = await accepted(roles.author('POST', `/letters/${draft.body.id}/sending`, undefined, { 'If-Match': final.headers.get('ETag')! }), 200);
    await accepted(roles.author('POST', `/letters/${draft.body.id}/publication`, { paperNumber: 'Kamerstuk 22 054, nr. 460', publishedOn: '2025-09-10' }, { 'If-Match': sent.headers.get('ETag')! }), 200);
    expect((await anonymous('GET', '/public/letters')).body.items.map((item: { id: string }) => item.id).sort()).toEqual([juneId, draft.body.id].sort());
    expect((await anonymous('GET', '/public/deliveries')).body.items.map((item: { title: string }) => item.title)).toContain('Aggregaten');
  });

  it('never leaves a letter following one withdrawn at the same moment as it was finalised (on PostgreSQL at the same time)', async () => {
    for (const [earlier, later] of [['2025-09-06', '2025-09-07'], ['2025-09-08', '2025-09-09']] as const) {
      const followed = await finalLetter(earlier, '2025-09-10');
      const draft = await accepted(roles.author('POST', '/letters', { ...SIGNED, referenceDate: later, letterDate: '2025-09-10' }));
      const approved = await accepted(submitAndApprove({ author: roles.author, disclosure: roles.disclosure }, draft.body.id, draft.headers.get('ETag')!), 200);
      const [withdrawal, finalisation] = await Promise.all([
        roles.author('POST', `/letters/${followed.id}/withdrawal`, { reason: REASON }, { 'If-Match': `"${followed.version}"` }),
        roles.author('POST', `/letters/${draft.body.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! }),
      ]);
      if (withdrawal.status === 200) {
        // Withdrawn first: the draft no longer reads as approved (its previous letter is another), or follows that other one.
        if (finalisation.status === 200) expect(finalisation.body.letter.previousLetter.id).not.toBe(followed.id);
        else expect(codesOf(finalisation)).toEqual(['approval: changedSinceApproval']);
      } else {
        expect(codesOf(withdrawal)).toEqual(['status: followedByFinalLetter']);
        expect(finalisation.body).toMatchObject({ status: 'final', letter: { previousLetter: { id: followed.id } } });
      }
    }
  });

  it('is kept so by the database: a withdrawn letter never changes, and a letter sent is never withdrawn', async () => {
    await expect(db().updateTable('letter').set({ letterDate: '2025-09-10' }).where('id', '=', augustId).execute()).rejects.toThrow(/withdrawn letter cannot be changed/);
    await expect(db().updateTable('letter').set({ status: 'final', withdrawnAt: null, withdrawnByName: null, withdrawalReason: null }).where('id', '=', augustId).execute()).rejects.toThrow();
    await expect(db().deleteFrom('letter').where('id', '=', augustId).execute()).rejects.toThrow(/cannot be removed/);
    await expect(
      db().updateTable('letter').set({ status: 'withdrawn', withdrawnAt: clock().toISOString(), withdrawnByName: 'iemand', withdrawalReason: REASON }).where('id', '=', juneId).execute(),
    ).rejects.toThrow();
    expect((await roles.author('GET', `/letters/${juneId}`)).body).toMatchObject({ status: 'final', withdrawal: null });
  });
});
