/**
 * The real server for end-to-end tests: in-memory PGlite (a copy of the run's migrated template with the
 * demonstration register loaded) with the demonstration accounts, serving the built browser application
 * (npm run build:web), one per test file.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/access.ts';
import type { DemonstrationAccount } from '../../src/auth/demonstration-accounts.ts';
import { totpCode } from '../../src/auth/totp.ts';
import type { Role } from '../../src/domain/access.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { pgliteDemonstrationTemplate } from '../support/scratch-database.ts';
import { LICENCE_THROUGHOUT, licenceFor, positiveAssessment, splitShipment } from '../support/export-control.ts';
import type { Category, SupportType } from '../../common/vocabulary/codes.ts';
import { common as english } from '../../web/src/i18n/en/common.ts';
import { common as dutch } from '../../web/src/i18n/nl/common.ts';

const BUILT_PAGE = new URL('../../dist/web/index.html', import.meta.url);
const TOTP_STEP_MS = 30_000;
/** The longest a one-time code may take from freshCode to the server's check: a login through the form on a busy machine. */
const CODE_DELIVERY_MS = 10_000;

export type Language = 'nl' | 'en';

/** Starts the server before the suite's tests and stops it after them. */
export function useServer(): () => RunningServer {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    if (!existsSync(BUILT_PAGE)) throw new Error('the browser application is not built: run `npm run build:web` first');
    server = await startServer({ port: 0, database: { template: await pgliteDemonstrationTemplate() }, demonstrationData: true });
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('the server runs only while the tests and hooks run');
    return server;
  };
}

export function demonstrationAccount(server: RunningServer, role: Role): DemonstrationAccount {
  const account = server.demonstrationAccounts.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`the server has no demonstration account for ${role}`);
  return account;
}

const lastSteps = new WeakMap<RunningServer, Map<string, number>>();

/**
 * A one-time code the server has not seen yet for the account. It accepts the 30-second steps next to
 * the current one too (clock drift), each once and in order: three logins within a step need no wait,
 * the first with the step before, unless the server no longer accepts that one when the code arrives;
 * only a login after those waits for the clock.
 */
export async function freshCode(server: RunningServer, account: DemonstrationAccount): Promise<string> {
  if (!account.totpSecret) throw new Error(`${account.username} has no second factor`);
  const used = lastSteps.get(server) ?? new Map<string, number>();
  lastSteps.set(server, used);
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / TOTP_STEP_MS);
    const stillAcceptedOnArrival = Math.floor((now + CODE_DELIVERY_MS) / TOTP_STEP_MS) - 1;
    const step = Math.max(stillAcceptedOnArrival, (used.get(account.username) ?? -1) + 1);
    if (step <= current + 1) {
      used.set(account.username, step);
      return totpCode(account.totpSecret, new Date(step * TOTP_STEP_MS));
    }
    await new Promise((resolve) => setTimeout(resolve, (current + 1) * TOTP_STEP_MS - now + 100));
  }
}

const sessions = new WeakMap<RunningServer, Map<Role, Promise<string>>>();

/** The session token of the role's demonstration account, logged in through the API once per server. */
function sessionToken(server: RunningServer, role: Role): Promise<string> {
  const byRole = sessions.get(server) ?? new Map<Role, Promise<string>>();
  sessions.set(server, byRole);
  let token = byRole.get(role);
  if (!token) {
    token = openSession(server, role);
    byRole.set(role, token);
    // A refused login is the failure of the test that asked; the next one logs in anew.
    token.catch(() => byRole.delete(role));
  }
  return token;
}

async function openSession(server: RunningServer, role: Role): Promise<string> {
  const account = demonstrationAccount(server, role);
  const totp = account.totpSecret ? await freshCode(server, account) : undefined;
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password, totp }),
  });
  if (!response.ok) {
    const refusals = await loginRefusals(server, account.username);
    throw new Error(`logging in as ${account.username}: ${response.status} ${await response.text()}; refusals recorded: ${refusals.join(', ')}`);
  }
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith(`${SESSION_COOKIE}=`));
  const token = cookie?.slice(SESSION_COOKIE.length + 1).split(';')[0];
  if (!token) throw new Error('the login set no session cookie');
  return token;
}

/** Why the server refused the username's logins, oldest first, as its audit trail records. */
async function loginRefusals(server: RunningServer, username: string): Promise<string[]> {
  const rows = await server.database.db
    .selectFrom('auditEvent')
    .select(['canonical', 'occurredAt'])
    .where('action', '=', 'session.login')
    .where('objectId', '=', username)
    .where('result', '!=', 'success')
    .orderBy('seq')
    .execute();
  return rows.map((row) => `${(JSON.parse(row.canonical) as { detail?: { reason?: string } }).detail?.reason ?? 'unknown'} at ${row.occurredAt}`);
}

type ApiInit = RequestInit & {
  /** The role whose demonstration account makes the call; the registrar's when not given. */
  as?: Role;
};

/** Calls the API directly as one of the demonstration accounts, and returns the response as it is. */
export async function apiResponse(server: RunningServer, path: string, { as = 'registrar', ...init }: ApiInit = {}): Promise<Response> {
  const token = await sessionToken(server, as);
  return fetch(`${server.url}/api/v1${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Cookie: `${SESSION_COOKIE}=${token}`, ...init.headers },
  });
}

/** Calls the API directly, to set up or check what the browser did; fails unless the call succeeds. */
export async function api<T>(server: RunningServer, path: string, init: ApiInit = {}): Promise<T> {
  const response = await apiResponse(server, path, init);
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** The letter author submits the draft at its ETag and a disclosure officer approves it; the approval's response (its ETag for finalising). */
export async function submitAndApprove(server: RunningServer, letterId: string, etag: string | null): Promise<Response> {
  const submitted = await apiResponse(server, `/letters/${letterId}/submission`, { as: 'letterAuthor', method: 'POST', headers: { 'If-Match': etag ?? '' } });
  return apiResponse(server, `/letters/${letterId}/approval`, { as: 'disclosureOfficer', method: 'POST', headers: { 'If-Match': submitted.headers.get('ETag') ?? '' } });
}

/** The letter author sends the final letter at its ETag and records its publication at the ETag the sending left. */
export async function sendAndPublish(server: RunningServer, letterId: string, etag: string, publication: { paperNumber: string; publishedOn: string }): Promise<void> {
  const sent = await apiResponse(server, `/letters/${letterId}/sending`, { as: 'letterAuthor', method: 'POST', headers: { 'If-Match': etag } });
  if (!sent.ok) throw new Error(`POST /letters/${letterId}/sending: ${sent.status} ${await sent.text()}`);
  await api(server, `/letters/${letterId}/publication`, { as: 'letterAuthor', method: 'POST', headers: { 'If-Match': sent.headers.get('ETag') ?? '' }, body: JSON.stringify(publication) });
}

/** The demonstration's draft of 31 August 2025 (the seed letter's text) approved, finalised, sent and published, through the API. */
export async function publishLetterOf31August(server: RunningServer): Promise<void> {
  const { items } = await api<{ items: { id: string; referenceDate: string }[] }>(server, '/letters', { as: 'letterAuthor' });
  const id = items.find((letter) => letter.referenceDate === '2025-08-31')!.id;
  const draft = await apiResponse(server, `/letters/${id}`, { as: 'letterAuthor' });
  const approved = await submitAndApprove(server, id, draft.headers.get('ETag'));
  const final = await api<{ version: number }>(server, `/letters/${id}/finalisation`, { as: 'letterAuthor', method: 'POST', headers: { 'If-Match': approved.headers.get('ETag') ?? '' }, body: '{}' });
  await sendAndPublish(server, id, `"${final.version}"`, { paperNumber: 'Kamerstuk 22 054, nr. 460', publishedOn: '2025-09-10' });
}

/**
 * Registers a delivery that has already left, as the shipment gate has it done: registered without its
 * shipment dates, assessed and licensed for its goods (for 2024 to 2028) by the export roles, then handed over or delivered,
 * in the period of the letter sent to parliament too (its warning confirmed).
 */
export async function registerShipped(server: RunningServer, delivery: { category: string; supportType: SupportType; realisedAt?: string | null; deliveredAt?: string | null } & Record<string, unknown>): Promise<string> {
  const { registered, shipment } = splitShipment(delivery);
  const { id } = await api<{ id: string }>(server, '/deliveries', { method: 'POST', body: JSON.stringify(registered) });
  if (Object.keys(shipment).length === 0) return id;
  const assessment = await api<{ id: string }>(server, `/deliveries/${id}/export-assessments`, { as: 'exportControlAssessor', method: 'POST', body: JSON.stringify({ ...positiveAssessment, assessedOn: LICENCE_THROUGHOUT.issuedOn }) });
  await api(server, `/deliveries/${id}/export-licences`, { as: 'licensingOfficer', method: 'POST', body: JSON.stringify({ ...licenceFor(assessment.id, delivery.category as Category), ...LICENCE_THROUGHOUT }) });
  await api(server, `/deliveries/${id}`, { method: 'PATCH', headers: { 'If-Match': '"1"' }, body: JSON.stringify({ ...shipment, confirm: ['datedInSentLetterPeriod'] }) });
  return id;
}

export async function deliveryCount(server: RunningServer): Promise<number> {
  return (await api<{ total: number }>(server, '/deliveries?pageSize=1')).total;
}

export async function findDeliveryId(server: RunningServer, q: string): Promise<string> {
  const { items } = await api<{ items: { id: string }[] }>(server, `/deliveries?q=${encodeURIComponent(q)}`);
  if (!items[0]) throw new Error(`no delivery matches ${q}`);
  return items[0].id;
}

/** A page whose application starts in the given language, as if the user had chosen it before; not logged in. */
export async function openPageIn(browser: Browser, language: Language): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript((chosen) => {
    if (!localStorage.getItem('steunregister.language')) localStorage.setItem('steunregister.language', chosen);
  }, language);
  return context.newPage();
}

/** Puts the role's session in the browser context, in place of one it had, as if its demonstration account had logged in there. */
export async function useSessionOf(context: BrowserContext, server: RunningServer, role: Role): Promise<void> {
  const token = await sessionToken(server, role);
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.url, httpOnly: true, secure: true, sameSite: 'Strict' }]);
}

/** A page logged in as the role's demonstration account (for tests that are not about logging in). */
export async function openPageAs(browser: Browser, server: RunningServer, role: Role, language: Language = 'nl'): Promise<Page> {
  const page = await openPageIn(browser, language);
  await useSessionOf(page.context(), server, role);
  return page;
}

/**
 * Logs in as the role's demonstration account through the login form, with a one-time code where the
 * account has a second factor, and waits for the page the login leads to.
 */
export async function logIn(page: Page, server: RunningServer, role: Role): Promise<void> {
  const account = demonstrationAccount(server, role);
  if (!new URL(page.url()).pathname.startsWith('/inloggen')) await visit(page, server, '/inloggen');
  await page.locator('input[name="username"]').fill(account.username);
  await page.locator('input[name="password"]').fill(account.password);
  if (account.totpSecret) await page.locator('input[name="totp"]').fill(await freshCode(server, account));
  await page.locator('form.login-form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  await page.locator('main h1').waitFor();
}

/**
 * Opens a path and waits until the page shows what it asked the API for: its heading is there, no
 * loading note (of the session, the page's code or its data) nor a table being loaded anew is left, and
 * every request made meanwhile has ended (the session on a public page, the demonstration banner and
 * the menu's count of waiting work show no loading note).
 *
 * A request ends when the page says it finished or failed. Waiting on its response's finished() instead
 * hangs when the request fails after its answer began, as a fetch aborted mid-body does: Playwright
 * resolves finished() only for requests that finish.
 */
export async function visit(page: Page, server: RunningServer, path: string): Promise<void> {
  const ends = new Map<Request, PromiseWithResolvers<void>>();
  const begin = (request: Request) => ends.set(request, Promise.withResolvers());
  const end = (request: Request) => ends.get(request)?.resolve();
  page.on('request', begin);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  try {
    try {
      await page.goto(server.url + path);
      const main = page.locator('main');
      await main.locator('h1').waitFor();
      const loading = main.getByText(dutch.loading, { exact: true }).or(main.getByText(english.loading, { exact: true })).or(main.locator('[aria-busy="true"]'));
      await loading.first().waitFor({ state: 'detached' });
    } finally {
      page.off('request', begin);
    }
    await Promise.all([...ends.values()].map(({ promise }) => promise));
  } finally {
    page.off('requestfinished', end);
    page.off('requestfailed', end);
  }
}

/** Each body row of a table as text: its header cell, then its data cells. */
export async function tableRows(table: Locator): Promise<string[][]> {
  const rows = await table.locator(':scope > tbody > tr').all();
  return Promise.all(rows.map(async (row) => (await row.locator(':scope > th, :scope > td').allInnerTexts()).map((text) => text.trim())));
}

/**
 * The error shown at a field, found the way assistive technology finds it: through aria-describedby.
 * Waits for the field to be marked invalid, since a form that sends what the browser refuses shows its
 * errors only once the API has answered.
 */
export async function fieldError(page: Page, label: string): Promise<string> {
  const field = page.getByLabel(label, { exact: true });
  await field.and(page.locator('[aria-invalid="true"]')).waitFor();
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  if (!errorId) throw new Error(`${label} has no error message tied to it`);
  return page.locator(`#${errorId}`).innerText();
}
