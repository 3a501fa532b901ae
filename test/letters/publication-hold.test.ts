/**
 * A final letter never changes, and nothing is public that was not decided public. So when a decision since
 * the letter became final takes a delivery it lists out of public view, presents it otherwise, or makes it
 * public only from a later date, the letter is not published: recording its publication is refused with the
 * reason, and a scheduled publication whose moment comes is taken back and audited. Once the decisions agree
 * with the letter again, it is published as it was final. A delivery it is the first to list is on no public
 * surface before it is published, even once the date a decision made it public from has come. Whoever records
 * publications is told by e-mail that a scheduled one was held back, and why.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { formatLetterDate } from '../../common/letter-format.ts';
import type { RequestContext } from '../../src/audit/trail.ts';
import type { Mailer } from '../../src/notifications/mail.ts';
import { notifyPublicationHeld } from '../../src/notifications/waiting-letters.ts';
import { publishDueLetters } from '../../src/register/letter-publication.ts';
import type { Kysely } from 'kysely';
import { publicDeliveriesVersion } from '../../src/db/repositories/public.ts';
import type { PublicDatabase } from '../../src/db/schema.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { submitAndApprove, ifMatchCurrent } from '../support/letters.ts';

const HOUR = 3_600_000;
const PUBLICATION = { paperNumber: 'Kamerstuk 22 054, nr. 460', publishedOn: '2025-09-10' };

let scratch: ScratchDatabase;
let author: ApiCall;
let officer: ApiCall;
let anonymous: ApiCall;
let letterId: string;
let listed: { publicId: string; title: string; detail: string; category: string; quantity: string | null };
let deliveryId: string;

beforeAll(async () => {
  scratch = await openScratchPGlite({ demonstration: true });
  const { db } = scratch.handle;
  [author, officer, anonymous] = [apiClient(db, { role: 'letterAuthor' }), apiClient(db, { role: 'disclosureOfficer' }), apiClient(db)];
  const draft = (await author('GET', '/letters')).body.items.find((letter: { referenceDate: string }) => letter.referenceDate === '2025-08-31');
  const approved = await submitAndApprove({ author, disclosure: officer }, draft.id, `"${draft.version}"`);
  const final = await author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! });
  expect(final.status).toBe(200);
  expect((await author('POST', `/letters/${draft.id}/sending`, undefined, await ifMatchCurrent(author, draft.id))).status).toBe(200);
  letterId = draft.id;
  listed = final.body.letter.overview[0].items[0];
  deliveryId = (await db.selectFrom('delivery').select('id').where('publicId', '=', listed.publicId).executeTakeFirstOrThrow()).id;
});

afterAll(async () => {
  await scratch?.dispose();
});

const decide = async (decision: Record<string, unknown>) => expect((await officer('POST', '/disclosure-decisions', { deliveryIds: [deliveryId], ...decision })).status).toBe(201);
const asListed = () => ({ state: 'public', publicTitle: listed.title, publicDetail: listed.detail, publicCategory: listed.category, publicQuantity: listed.quantity });
const recordPublication = async (publishAt?: string) => author('POST', `/letters/${letterId}/publication`, { ...PUBLICATION, ...(publishAt ? { publishAt } : {}) }, await ifMatchCurrent(author, letterId));
const codesOf = (body: { invalidParams?: { code: string }[] }) => (body.invalidParams ?? []).map((param) => param.code);
const db = () => scratch.handle.db;
const stored = () => db().selectFrom('letter').select(['publishAt', 'publishedAt']).where('id', '=', letterId).executeTakeFirstOrThrow();
const publicLetterStatus = async () => (await anonymous('GET', `/public/letters/${letterId}`)).status;
/** The server's publication timer, at a moment of the test's choosing. */
const timerAt = (moment: Date) => {
  const context: RequestContext = { actor: { id: null, username: 'system', role: null }, origin: null, requestId: null, now: () => moment };
  return publishDueLetters(db(), context);
};

const awaitingLetters = async () => (await officer('GET', `/deliveries/${deliveryId}/disclosure-decisions`)).body.awaitingLetters.map((letter: { id: string }) => letter.id);
/** What every public surface of the deliveries answers to an anonymous reader: the files, their tags and the catalogue. */
const publicSurfaces = async (call: ApiCall) => {
  const answers = await Promise.all(['/public/deliveries', '/public/deliveries?format=csv', '/public/kiel', '/public/catalog'].map((path) => call('GET', path)));
  return answers.map((answer) => ({ status: answer.status, etag: answer.headers.get('ETag'), body: typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body) }));
};

it('tells the disclosure officer which final letters, not yet published, list the delivery', async () => {
  expect(await awaitingLetters()).toEqual([letterId]);
  // A public delivery this letter neither lists nor names.
  const { publicSnapshot } = await db().selectFrom('letter').select('publicSnapshot').where('id', '=', letterId).executeTakeFirstOrThrow();
  const publicOnes = await db().selectFrom('delivery').select(['id', 'publicId']).where('disclosureState', '=', 'public').execute();
  const other = publicOnes.find((delivery) => !publicSnapshot!.includes(delivery.publicId!))!;
  expect((await officer('GET', `/deliveries/${other.id}/disclosure-decisions`)).body.awaitingLetters).toEqual([]);
});

it('refuses to publish a letter that lists a delivery decided confidential since it was final, naming it', async () => {
  await decide({ state: 'confidential', ground: 'operationalSecurity' });
  const refused = await recordPublication();
  expect(refused.status).toBe(400);
  expect(codesOf(refused.body)).toEqual(['listedNotPublic']);
  expect(JSON.stringify(refused.body)).toContain(listed.title);
  expect(await stored()).toEqual({ publishAt: null, publishedAt: null });
  expect(await publicLetterStatus()).toBe(404);
  expect((await anonymous('GET', '/public/letters')).body.items.map((item: { id: string }) => item.id)).not.toContain(letterId);
});

it('takes back a scheduled publication when a decision before its moment presents a listed delivery otherwise, and audits why', async () => {
  const version = () => publicDeliveriesVersion(db() as unknown as Kysely<PublicDatabase>, new Date());
  const unchanged = await version();
  await decide(asListed());
  const publishAt = new Date(Date.now() + HOUR);
  expect((await recordPublication(publishAt.toISOString())).status).toBe(200);
  await decide({ ...asListed(), publicTitle: 'CANARY-andere-titel' });
  // Nothing of it is shown before the moment, nor does what the public file's ETag is checked by move (its time would tell).
  expect(await version()).toBe(unchanged);

  const held = await timerAt(new Date(publishAt.getTime() + HOUR));
  expect(held.map(({ letterId: id, referenceDate, violations }) => [id, referenceDate, violations.map((violation) => violation.code)])).toEqual([[letterId, '2025-08-31', ['listedPresentedOtherwise']]]);
  expect(await stored()).toEqual({ publishAt: null, publishedAt: null });
  expect(await publicLetterStatus()).toBe(404);

  const mails: Parameters<Mailer['send']>[0][] = [];
  await db().updateTable('account').set({ email: 'auteur@example.org' }).where('role', '=', 'letterAuthor').execute();
  await notifyPublicationHeld(db(), { send: async (mail) => void mails.push(mail) }, held[0]!, 'https://steunregister.example');
  expect(mails.map((mail) => [mail.to, mail.subject])).toEqual([['auteur@example.org', 'Geplande publicatie van de leveringenbrief met peildatum 31 augustus 2025 is tegengehouden']]);
  // The mail is read outside the site: it says what the letter's page says, never which delivery a decision since changed, nor how.
  expect(mails[0]!.text).toContain('noemde de brief een levering die sinds hij definitief werd niet meer, anders of pas later openbaar is');
  for (const told of [listed.title, 'CANARY', 'listedPresentedOtherwise']) expect(mails[0]!.text).not.toContain(told);
  expect(mails[0]!.text).toContain(`https://steunregister.example/brieven/${letterId}`);
  const events = await db().selectFrom('auditEvent').select(['action', 'result', 'canonical']).where('objectId', '=', letterId).where('action', 'like', 'letter.publi%').orderBy('seq').execute();
  expect(events.map((event) => [event.action, event.result])).toEqual([['letter.publication', 'success'], ['letter.publicationHeld', 'denied']]);
  expect(events[1]!.canonical).toContain('listedPresentedOtherwise');
  for (const path of ['/public/deliveries', '/public/deliveries?format=csv', '/public/kiel']) expect(JSON.stringify((await anonymous('GET', path)).body)).not.toContain('CANARY');

  // Recording it again is refused for the same reason, until the delivery is public as the letter lists it.
  expect(codesOf((await recordPublication()).body)).toEqual(['listedPresentedOtherwise']);
});

it('refuses to make a delivery the letter is the first to list public from a date that has come, before the letter', async () => {
  const today = todayInAmsterdam(new Date());
  const refused = await officer('POST', '/disclosure-decisions', { deliveryIds: [deliveryId], ...asListed(), publicFrom: today });
  expect(refused.status).toBe(400);
  expect(codesOf(refused.body)).toEqual(['publicBeforeItsLetter']);
  expect(refused.body.invalidParams[0].reason).toContain('31 augustus 2025');
  for (const path of ['/public/deliveries', '/public/deliveries?format=csv', '/public/kiel']) expect(JSON.stringify((await anonymous('GET', path)).body)).not.toContain(listed.publicId);
  expect(await awaitingLetters()).toEqual([letterId]);
});

it('refuses to make a delivery the letter is the first to list public from a date apart from its item or with other deliveries, which would show it before the letter', async () => {
  const registrar = apiClient(db(), { role: 'registrar' });
  const { body: listedDelivery } = await registrar('GET', `/deliveries/${deliveryId}`);
  // Of the listed delivery's kind, which an item keeps to one of; not yet realised, as one bought is until it is paid.
  const other = await registrar('POST', '/deliveries', { ...stockDelivery, supportType: listedDelivery.supportType, fundingSource: listedDelivery.fundingSource, realisedAt: undefined, title: 'Niet in de brief' });
  expect(other.status).toBe(201);
  const today = todayInAmsterdam(new Date());
  const tomorrow = todayInAmsterdam(new Date(Date.now() + 24 * HOUR));
  for (const [deliveryIds, publicFrom] of [[[deliveryId, other.body.id], today], [[deliveryId, other.body.id], tomorrow], [[deliveryId], '2025-01-01']] as const) {
    const refused = await officer('POST', '/disclosure-decisions', { ...asListed(), deliveryIds, publicTitle: 'Samen openbaar', publicFrom });
    // Alone, the delivery leaves its item only when the letter lists it with others; the date is refused either way.
    expect(refused.status).toBe(400);
    expect(codesOf(refused.body)).toContainEqual(deliveryIds.length > 1 ? 'datedApartBeforeItsLetter' : expect.stringMatching(/BeforeItsLetter$/));
  }
  for (const path of ['/public/deliveries', '/public/deliveries?format=csv', '/public/kiel']) expect(JSON.stringify((await anonymous('GET', path)).body)).not.toContain('Samen openbaar');
  expect(await awaitingLetters()).toEqual([letterId]);
});

let scheduledAt: Date;
let heldSurfaces: Awaited<ReturnType<typeof publicSurfaces>>;

it('publishes no earlier than a listed delivery is public', async () => {
  const tomorrow = todayInAmsterdam(new Date(Date.now() + 24 * HOUR));
  await decide({ ...asListed(), publicFrom: tomorrow });
  const now = await recordPublication();
  expect(codesOf(now.body)).toEqual(['listedPublicFrom']);
  expect(now.body.invalidParams[0].reason).toContain(`vanaf ${formatLetterDate(tomorrow)} openbaar`);
  expect((await anonymous('GET', '/public/deliveries')).body.items.map((item: { publicId: string }) => item.publicId)).not.toContain(listed.publicId);

  scheduledAt = new Date(Date.now() + 48 * HOUR);
  expect((await recordPublication(scheduledAt.toISOString())).status).toBe(200);
});

it('shows a delivery the letter is the first to list on no public surface once its public-from date has come, while the letter is not published', async () => {
  const before = await publicSurfaces(anonymous);
  // After the decided date, before the letter's moment: nothing public has changed, not even a tag or a date.
  const held = apiClient(db(), { clock: () => new Date(scheduledAt.getTime() - HOUR) });
  heldSurfaces = await publicSurfaces(held);
  for (const surface of heldSurfaces) expect(surface.body).not.toContain(listed.publicId);
  expect(heldSurfaces).toEqual(before);
});

it('publishes the letter at its moment as it was final, and the delivery it first lists with it', async () => {
  expect(await timerAt(new Date(scheduledAt.getTime() + HOUR))).toEqual([]);
  expect((await stored()).publishedAt).not.toBeNull();
  const published = await anonymous('GET', `/public/letters/${letterId}`);
  expect(published.status).toBe(200);
  expect(JSON.stringify(published.body)).toContain(listed.title);
  expect(await awaitingLetters()).toEqual([]);

  const after = apiClient(db(), { clock: () => new Date(scheduledAt.getTime() + 2 * HOUR) });
  const deliveries = (await after('GET', '/public/deliveries')).body.items;
  expect(deliveries.find((item: { publicId: string }) => item.publicId === listed.publicId)?.firstLetter?.id).toBe(letterId);
  const surfaces = await publicSurfaces(after);
  for (const [index, surface] of surfaces.slice(0, 3).entries()) {
    expect(surface.body).toContain(listed.title);
    expect(surface.etag).not.toBe(heldSurfaces[index]!.etag);
  }
  // A reader holding the tag of before the publication gets the new file, not "not modified".
  expect((await after('GET', '/public/deliveries', undefined, { 'If-None-Match': heldSurfaces[0]!.etag! })).status).toBe(200);
});
