/**
 * E-mail notifications: when a step in a letter's review makes something wait for someone, everyone in
 * that role with an e-mail address is told, through the SMTP server configured (here a local catcher).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { smtpMailer } from '../../src/notifications/mail.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { apiClient, type ApiCall } from './client.ts';

interface CaughtMail {
  to: string[];
  message: string;
}

const SITE = 'https://steunregister.example';
const caught: CaughtMail[] = [];
let catcher: SMTPServer;
let scratch: ScratchDatabase;
let author: ApiCall;
let officer: ApiCall;
let administrator: ApiCall;
let api: ReturnType<typeof createApi>;

beforeAll(async () => {
  catcher = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        caught.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), message: readable(Buffer.concat(chunks).toString('latin1')) });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve));
  const { port } = catcher.server.address() as AddressInfo;
  const mailer = smtpMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'steunregister@example.org', siteAddress: SITE });

  scratch = await openScratchPGlite({ demonstration: true });
  api = createApi({ db: scratch.handle.db, mail: { mailer, siteAddress: SITE }, onError: (error) => { throw error; } });
  author = apiClient(scratch.handle.db, { role: 'letterAuthor', api });
  officer = apiClient(scratch.handle.db, { role: 'disclosureOfficer', api });
  administrator = apiClient(scratch.handle.db, { role: 'administrator', api });
  // Each client's account exists from its first request.
  await Promise.all([author('GET', '/letters'), officer('GET', '/letters')]);
});

afterAll(async () => {
  await new Promise<void>((resolve) => catcher?.close(() => resolve()));
  await scratch?.dispose();
});

/** Gives the first account in the role an e-mail address, through the API. */
async function giveAddress(role: string, email: string): Promise<void> {
  const accounts = (await administrator('GET', '/accounts')).body.items;
  const account = accounts.find((candidate: { role: string }) => candidate.role === role);
  const changed = await administrator('POST', `/accounts/${account.id}/email`, { email });
  expect(changed.status).toBe(200);
  expect(changed.body.email).toBe(email);
}

/** The message as text: quoted-printable undone, folded header lines joined. */
function readable(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '').replace(/\r?\n[ \t]+/g, ' ');
  return Buffer.from(unfolded.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1').toString('utf8');
}

async function mailTo(address: string, subject: string): Promise<CaughtMail> {
  await expect.poll(() => caught.find((mail) => mail.to.includes(address) && mail.message.includes(subject)), { timeout: 10_000 }).toBeDefined();
  return caught.find((mail) => mail.to.includes(address) && mail.message.includes(subject))!;
}

it('refuses an address that is not one, and records a change of address in the audit trail', async () => {
  const accounts = (await administrator('GET', '/accounts')).body.items;
  const refused = await administrator('POST', `/accounts/${accounts[0].id}/email`, { email: 'nr 460 ???' });
  expect(refused.status).toBe(400);
  expect(refused.body.invalidParams.map((param: { name: string }) => param.name)).toEqual(['email']);
  expect((await administrator('GET', '/accounts')).body.items[0].email).toBeNull();

  await giveAddress('disclosureOfficer', 'openbaarmaking@example.org');
  const auditor = apiClient(scratch.handle.db, { role: 'auditor', api });
  const events = (await auditor('GET', '/audit-events?action=account.changeEmail')).body.items;
  expect(events.map((event: { after: { email: string } }) => event.after.email)).toEqual(['openbaarmaking@example.org']);
});

it('refuses an address another account has, whatever its case, at the e-mail field, changing nothing', async () => {
  const accounts = (await administrator('GET', '/accounts')).body.items as { id: string; username: string; role: string; email: string | null }[];
  const holder = accounts.find((account) => account.email === 'openbaarmaking@example.org')!;
  const other = accounts.find((account) => account.id !== holder.id)!;
  const english = { 'Accept-Language': 'en' };
  const reason = `The account "${holder.username}" has this e-mail address already (capitals do not count); an e-mail address belongs to one account.`;
  const changed = await administrator('POST', `/accounts/${other.id}/email`, { email: 'OpenbaarMaking@Example.org' }, english);
  expect(changed.status).toBe(400);
  expect(changed.body.invalidParams).toEqual([{ name: 'email', code: 'emailTaken', reason }]);
  const created = await administrator('POST', '/accounts', { username: 'm.dubbel', role: 'registrar', password: 'een lang genoeg wachtwoord', email: 'OPENBAARMAKING@example.org' }, english);
  expect(created.status).toBe(400);
  expect(created.body.invalidParams).toEqual([{ name: 'email', code: 'emailTaken', reason }]);
  const after = (await administrator('GET', '/accounts')).body.items as { username: string; email: string | null }[];
  expect(after.map(({ username, email }) => [username, email])).toEqual(accounts.map(({ username, email }) => [username, email]));
  // Its own account may write it otherwise.
  expect((await administrator('POST', `/accounts/${holder.id}/email`, { email: 'Openbaarmaking@example.org' })).status).toBe(200);
});

it('tells the disclosure officers that a draft waits for their approval, each in a mail of their own, and the author that it was sent back, with the comment', async () => {
  await giveAddress('letterAuthor', 'auteur@example.org');
  await giveAddress('disclosureOfficer', 'openbaarmaking@example.org');
  const second = await administrator('POST', '/accounts', { username: 'm.tweede', role: 'disclosureOfficer', password: 'een lang genoeg wachtwoord', email: 'tweede@example.org' });
  expect(second.status).toBe(201);
  const draft = (await author('GET', '/letters')).body.items.find((letter: { status: string; referenceDate: string }) => letter.status === 'draft' && letter.referenceDate === '2025-08-31');

  const submitted = await author('POST', `/letters/${draft.id}/submission`, undefined, { 'If-Match': `"${draft.version}"` });
  expect(submitted.status).toBe(200);
  const approval = await mailTo('openbaarmaking@example.org', 'wacht op uw goedkeuring');
  expect(approval.message).toContain('Leveringenbrief met peildatum 31 augustus 2025 wacht op uw goedkeuring');
  expect(approval.message).toContain(`${SITE}/brieven/${draft.id}`);
  expect(approval.to).not.toContain('auteur@example.org');
  // No one told sees who else was: each officer's mail is addressed to that officer alone.
  const other = await mailTo('tweede@example.org', 'wacht op uw goedkeuring');
  for (const [mail, address, hidden] of [[approval, 'openbaarmaking@example.org', 'tweede@example.org'], [other, 'tweede@example.org', 'openbaarmaking@example.org']] as const) {
    expect(mail.to).toEqual([address]);
    expect(mail.message).toMatch(new RegExp(`^To: ${address}\r?$`, 'm'));
    expect(mail.message).not.toContain(hidden);
    expect(mail.message).not.toMatch(/^(Cc|Bcc):/im);
  }

  const saysNothing = await officer('POST', `/letters/${draft.id}/rejection`, { comment: '?!' }, { 'If-Match': submitted.headers.get('ETag')! });
  expect(saysNothing.body.invalidParams).toEqual([expect.objectContaining({ name: 'comment', code: 'noLetterOrDigit' })]);
  // A comment of several lines stays in the body: a line that reads as a header adds no recipient.
  const comment = 'De toelichting bij de tabel ontbreekt.\nBcc: verborgen@example.org';
  const rejected = await officer('POST', `/letters/${draft.id}/rejection`, { comment }, { 'If-Match': submitted.headers.get('ETag')! });
  expect(rejected.status).toBe(200);
  const revise = await mailTo('auteur@example.org', 'is teruggestuurd');
  expect(revise.to).toEqual(['auteur@example.org']);
  const bodyStart = revise.message.search(/\r?\n\r?\n/);
  const [headers, body] = [revise.message.slice(0, bodyStart), revise.message.slice(bodyStart)];
  expect(headers).not.toMatch(/^(Cc|Bcc):/im);
  expect(body).toContain('De toelichting bij de tabel ontbreekt.');
  expect(caught.some((mail) => mail.to.includes('verborgen@example.org'))).toBe(false);
});
