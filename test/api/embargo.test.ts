/**
 * The embargo: between finalisation and publication, no public route shows anything of the letter or of
 * a delivery that it is the first to list. Every public route of the OpenAPI description is walked, with
 * every letter id and format, before sending, after sending, while the publication is scheduled, and once
 * the scheduled moment has passed and the server's publication timer has published it. Until then every
 * answer is exactly what it was while the letter was a draft, headers and all (ETags, the catalogue's dates).
 * A later letter, which prints the figures of the one it follows, is not published before that one.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayInAmsterdam } from '../../common/dates.ts';
import { createApi } from '../../src/api/app.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { correctPublication, recordPublication } from '../../src/register/letter-publication.ts';
import { startPublicationTimer, type PublicationTimer } from '../../src/register/publication-timer.ts';
import { LETTER_FORMATS } from '../../src/letters/renderings.ts';
import { apiClient, type ApiCall } from './client.ts';
import { sessionCookieFor } from '../support/sessions.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { submitAndApprove, ifMatchCurrent } from '../support/letters.ts';

let scratch: ScratchDatabase;
let api: ReturnType<typeof createApi>;
let author: ApiCall;
let disclosure: ApiCall;
let timer: PublicationTimer;
let offset = 0;
const clock = () => new Date(Date.now() + offset);

let publishedId: string;
let embargoed: { id: string; sha256: string; titles: string[]; publicIds: string[] };
/** Every public answer while the letter was a draft: under embargo, each stays exactly so (dates, counts and ETags too). */
let asDraft: Map<string, string>;

beforeAll(async () => {
  scratch = await openScratchPGlite({ demonstration: true });
  api = createApi({ db: scratch.handle.db, clock, onError: (error) => { throw error; } });
  author = apiClient(scratch.handle.db, { role: 'letterAuthor', api });
  disclosure = apiClient(scratch.handle.db, { role: 'disclosureOfficer', api });
  timer = await startPublicationTimer({ db: scratch.handle.db, intervalMs: 20, clock, onError: (error) => { throw error; } });
  const letters = (await author('GET', '/letters')).body.items;
  publishedId = letters.find((letter: any) => letter.referenceDate === '2025-02-04').id;
  const draft = letters.find((letter: any) => letter.referenceDate === '2025-08-31');
  asDraft = new Map((await walk([publishedId, draft.id])).map((answer) => [answer.path, answer.text]));
  const approved = await submitAndApprove({ author, disclosure }, draft.id, `"${draft.version}"`);
  const final = await author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! });
  expect(final.status).toBe(200);
  const items = final.body.letter.overview.flatMap((group: any) => group.items);
  embargoed = { id: draft.id, sha256: final.body.publicSha256, titles: items.map((item: any) => item.title), publicIds: items.map((item: any) => item.publicId) };
  expect(embargoed.titles.length).toBeGreaterThan(0);
});

afterAll(async () => {
  await timer?.stop();
  await scratch?.dispose();
});

/** Every public path of the description, with every letter id, format and pairing filled in. */
async function publicPaths(ids: string[]): Promise<string[]> {
  const document = (await (await api.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
  return Object.keys(document.paths)
    .filter((path) => path.startsWith('/public/'))
    .flatMap((path) => {
      if (path === '/public/deliveries') return ['/public/deliveries', '/public/deliveries?format=json', '/public/deliveries?format=csv'];
      if (path === '/public/letter-comparison') return ids.flatMap((from) => ids.map((to) => `${path}?from=${from}&to=${to}`));
      const withIds = path.includes('{id}') ? ids.map((id) => path.replace('{id}', id)) : [path];
      return path.includes('{format}') ? withIds.flatMap((withId) => LETTER_FORMATS.map((format) => withId.replace('{format}', format))) : withIds;
    });
}

/** What every public route shows, as text (binary renderings as their bytes in Latin-1), but the request's own id. */
async function walk(ids = [publishedId, embargoed.id]): Promise<{ path: string; status: number; text: string }[]> {
  const answers = [];
  for (const path of await publicPaths(ids)) {
    const response = await api.request(path);
    const bytes = Buffer.from(await response.arrayBuffer());
    const headers = [...response.headers].filter(([name]) => name !== 'x-request-id').map(([name, value]) => `${name}: ${value}`);
    const text = `${headers.join('\n')}\n${bytes.toString('utf8')}\n${bytes.toString('latin1')}`.replaceAll(/"requestId":"[^"]*"/g, '');
    answers.push({ path, status: response.status, text });
  }
  return answers;
}

async function expectNothingOfTheEmbargoedLetter(): Promise<void> {
  const answers = await walk();
  expect(answers.length).toBeGreaterThan(20);
  expect(new Map(answers.map((answer) => [answer.path, answer.text]))).toEqual(asDraft);
  for (const answer of answers) {
    const names = answer.path.includes(embargoed.id);
    if (names) expect(answer.status, answer.path).toBe(404);
    else expect(answer.status, answer.path).toBe(200);
    const shown = answer.text.replaceAll(embargoed.id, '');
    for (const secret of [embargoed.id, embargoed.sha256, ...embargoed.titles, ...embargoed.publicIds]) {
      if (!names || secret !== embargoed.id) expect(shown.includes(secret), `${answer.path} shows ${secret}`).toBe(false);
    }
  }
}

it('shows nothing of a final letter, nor of what it first lists, until it is published', async () => {
  await expectNothingOfTheEmbargoedLetter();
  expect((await author('POST', `/letters/${embargoed.id}/sending`, undefined, await ifMatchCurrent(author, embargoed.id))).status).toBe(200);
  await expectNothingOfTheEmbargoedLetter();
});

it('schedules a publication no further ahead than any plan nor at a moment that has passed, and records only a publication date that has come', async () => {
  const tomorrow = new Date(clock().getTime() + 86_400_000 + 3_600_000);
  const details = { paperNumber: 'Kamerstuk 22 054, nr. 460', publishedOn: '2025-09-10' };
  const distant = await author('POST', `/letters/${embargoed.id}/publication`, { ...details, publishAt: '2099-06-01T09:00:00+02:00' }, await ifMatchCurrent(author, embargoed.id));
  expect(distant.status).toBe(400);
  expect(distant.body.invalidParams).toMatchObject([{ name: 'publishAt', code: 'dateOutOfRange' }]);
  const ahead = await author('POST', `/letters/${embargoed.id}/publication`, { ...details, publishedOn: todayInAmsterdam(tomorrow), publishAt: tomorrow.toISOString() }, await ifMatchCurrent(author, embargoed.id));
  expect(ahead.status).toBe(400);
  expect(ahead.body.invalidParams).toMatchObject([{ name: 'publishedOn', code: 'dateInFuture' }]);
  // A moment that has passed is refused, not published at once; one a few minutes ago is taken as now (a clock behind).
  const passed = await author('POST', `/letters/${embargoed.id}/publication`, { ...details, publishAt: new Date(clock().getTime() - 3_600_000).toISOString() }, await ifMatchCurrent(author, embargoed.id));
  expect(passed.status).toBe(400);
  expect(passed.headers.get('Content-Type')).toContain('application/problem+json');
  expect(passed.body.invalidParams).toMatchObject([{ name: 'publishAt', code: 'momentPassed', reason: expect.stringContaining('Dit moment is al voorbij') }]);
  const justPassed = { ...details, publishedOn: todayInAmsterdam(tomorrow), publishAt: new Date(clock().getTime() - 60_000).toISOString() };
  const clockBehind = await author('POST', `/letters/${embargoed.id}/publication`, justPassed, await ifMatchCurrent(author, embargoed.id));
  expect(clockBehind.body.invalidParams).toMatchObject([{ name: 'publishedOn', code: 'dateInFuture' }]);
  // The register refuses it so too, to whatever calls it.
  const context = { ...systemContext('test'), now: clock };
  await expect(recordPublication(scratch.handle.db, context, embargoed.id, '*', { ...details, publishedOn: todayInAmsterdam(tomorrow), publishAt: tomorrow.toISOString() })).rejects.toMatchObject({
    violations: [{ field: 'publishedOn', code: 'dateInFuture' }],
  });
  const stored = await scratch.handle.db.selectFrom('letter').select(['publishAt', 'paperNumber', 'publishedOn']).where('id', '=', embargoed.id).executeTakeFirstOrThrow();
  expect(stored).toEqual({ publishAt: null, paperNumber: null, publishedOn: null });
});

it('keeps the embargo while the publication is scheduled, and publishes without a person once its moment passes', async () => {
  const publishAt = new Date(clock().getTime() + 3_600_000).toISOString();
  const scheduled = await author('POST', `/letters/${embargoed.id}/publication`, { paperNumber: 'Kamerstuk 22 054, nr. 460', publishedOn: '2025-09-10', publishAt }, await ifMatchCurrent(author, embargoed.id));
  expect(scheduled.status).toBe(200);
  expect(scheduled.body).toMatchObject({ publishAt, publishedAt: null, paperNumber: 'Kamerstuk 22 054, nr. 460' });
  // Corrected while it waits, it is still published on a date that has come.
  const context = { ...systemContext('test'), now: clock };
  const correction = { paperNumber: 'Kamerstuk 22 054, nr. 460', publishedOn: '2099-06-01', reason: 'Datum van publicatie' };
  await expect(correctPublication(scratch.handle.db, context, embargoed.id, scheduled.body.version, correction)).rejects.toMatchObject({ violations: [{ field: 'publishedOn', code: 'dateInFuture' }] });
  await new Promise((resolve) => setTimeout(resolve, 100));
  await expectNothingOfTheEmbargoedLetter();

  offset += 2 * 3_600_000;
  // The sessions have expired meanwhile: the register itself is asked.
  const publishedAt = () => scratch.handle.db.selectFrom('letter').select('publishedAt').where('id', '=', embargoed.id).executeTakeFirstOrThrow();
  await expect.poll(async () => (await publishedAt()).publishedAt, { timeout: 5_000, interval: 20 }).not.toBeNull();
  const listed = (await (await api.request('/public/letters')).json()) as { items: { id: string; paperNumber: string }[] };
  expect(listed.items.find((item) => item.id === embargoed.id)).toMatchObject({ paperNumber: 'Kamerstuk 22 054, nr. 460' });
  const openData = await (await api.request('/public/deliveries')).text();
  for (const title of embargoed.titles) expect(openData).toContain(JSON.stringify(title).slice(1, -1));
  const events = await scratch.handle.db.selectFrom('auditEvent').select(['action', 'actorName']).where('objectId', '=', embargoed.id).execute();
  expect(events).toContainEqual({ action: 'letter.publish', actorName: 'system' });
});

it('publishes a letter no earlier than the letter it follows, whose figures and id it prints', async () => {
  // The sessions of the clients above have expired on the moved clock: new ones, opened at its time.
  const as = (role: 'letterAuthor' | 'disclosureOfficer'): ApiCall => {
    const cookie = sessionCookieFor(scratch.handle.db, role, { now: clock() });
    return async (method, path, body, headers = {}) => {
      const json = body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } };
      const response = await api.request(path, { method, ...json, headers: { ...json.headers, Cookie: await cookie, ...headers } });
      return { status: response.status, headers: response.headers, body: await response.json() };
    };
  };
  const [writer, officer] = [as('letterAuthor'), as('disclosureOfficer')];
  const finalAndSent = async (referenceDate: string, letterDate: string) => {
    const draft = await writer('POST', '/letters', { referenceDate, letterDate });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const approved = await submitAndApprove({ author: writer, disclosure: officer }, draft.body.id, `"${draft.body.version}"`);
    const final = await writer('POST', `/letters/${draft.body.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! });
    expect(final.status, JSON.stringify(final.body)).toBe(200);
    expect((await writer('POST', `/letters/${draft.body.id}/sending`, undefined, await ifMatchCurrent(writer, draft.body.id))).status).toBe(200);
    return { id: draft.body.id as string, sha256: final.body.publicSha256 as string, previousId: final.body.letter.previousLetter?.id };
  };
  const earlier = await finalAndSent('2025-09-30', '2025-10-06');
  const later = await finalAndSent('2025-10-31', '2025-11-04');
  expect(later.previousId).toBe(earlier.id);

  // Published first, the later letter would show the earlier one's id and figures while it is under embargo.
  const early = await writer('POST', `/letters/${later.id}/publication`, { paperNumber: 'Kamerstuk 22 054, nr. 462', publishedOn: '2025-11-04' }, await ifMatchCurrent(writer, later.id));
  expect(early.status).toBe(400);
  expect(early.body.invalidParams).toMatchObject([{ name: 'publishAt', code: 'previousLetterNotPublished', reason: expect.stringContaining('30 september 2025') }]);
  const publicText = async () => (await Promise.all(['/public/letters', '/public/letter-figures', '/public/figures', '/public/catalog'].map(async (path) => (await api.request(path)).text()))).join('\n');
  for (const secret of [earlier.id, earlier.sha256, later.id, later.sha256]) expect(await publicText()).not.toContain(secret);

  // Scheduled: not before the earlier letter's moment; at the same moment the timer publishes both, the earlier first.
  const moment = (hours: number) => new Date(clock().getTime() + hours * 3_600_000).toISOString();
  // A paper number pasted with spaces around it is the paper number.
  const earlierScheduled = await writer('POST', `/letters/${earlier.id}/publication`, { paperNumber: ' Kamerstuk 22 054, nr. 461 ', publishedOn: '2025-10-06', publishAt: moment(2) }, await ifMatchCurrent(writer, earlier.id));
  expect(earlierScheduled.status, JSON.stringify(earlierScheduled.body)).toBe(200);
  expect(earlierScheduled.body.paperNumber).toBe('Kamerstuk 22 054, nr. 461');
  const tooSoon = await writer('POST', `/letters/${later.id}/publication`, { paperNumber: 'Kamerstuk 22 054, nr. 462', publishedOn: '2025-11-04', publishAt: moment(1) }, await ifMatchCurrent(writer, later.id));
  expect(tooSoon.status).toBe(400);
  expect(tooSoon.body.invalidParams).toMatchObject([{ code: 'previousLetterNotPublished' }]);
  expect((await writer('POST', `/letters/${later.id}/publication`, { paperNumber: 'Kamerstuk 22 054, nr. 462', publishedOn: '2025-11-04', publishAt: moment(2) }, await ifMatchCurrent(writer, later.id))).status).toBe(200);
  for (const secret of [earlier.id, later.id]) expect(await publicText()).not.toContain(secret);
  offset += 3 * 3_600_000;
  const listed = async () => ((await (await api.request('/public/letters')).json()) as { items: { id: string }[] }).items.map((item) => item.id);
  await expect.poll(listed, { timeout: 5_000, interval: 20 }).toEqual(expect.arrayContaining([earlier.id, later.id]));
});
