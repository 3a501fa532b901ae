import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { expect, it } from 'vitest';
import { mailConfigFromEnvironment, sendToEach, smtpMailer, type Mailer } from './mail.ts';

const SMTP = { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'steunregister@example.org' };

it('sends no mail without SMTP_URL', () => {
  expect(mailConfigFromEnvironment({})).toBeUndefined();
});

it('refuses to send mail whose links would lead nowhere: SITE_ADDRESS goes with SMTP_URL', () => {
  expect(() => mailConfigFromEnvironment(SMTP)).toThrow(/SITE_ADDRESS must be set with SMTP_URL/);
  expect(() => mailConfigFromEnvironment({ ...SMTP, MAIL_FROM: undefined, SITE_ADDRESS: 'https://steunregister.example' })).toThrow(/MAIL_FROM/);
});

it('refuses an smtp:// address whose query would send its username and password without TLS', () => {
  const site = { SITE_ADDRESS: 'https://steunregister.example' };
  expect(() => mailConfigFromEnvironment({ ...SMTP, ...site, SMTP_URL: 'smtp://notifications:geheim@mail.example:587/?requireTLS=false' })).toThrow(
    'SMTP_URL carries a username and password, which are sent only over TLS: requireTLS=false cannot turn that off',
  );
  expect(mailConfigFromEnvironment({ ...SMTP, ...site, SMTP_URL: 'smtp://relay.example:25/?requireTLS=false' })?.smtpUrl).toBe('smtp://relay.example:25/?requireTLS=false');
});

it('links the mail to the site address, without its trailing slash', () => {
  expect(mailConfigFromEnvironment({ ...SMTP, SITE_ADDRESS: 'https://steunregister.example/' })).toEqual({ smtpUrl: SMTP.SMTP_URL, from: SMTP.MAIL_FROM, siteAddress: 'https://steunregister.example' });
});

it('sends each address a mail of its own, and the others when one fails, saying afterwards how many failed and why', async () => {
  const sent: Parameters<Mailer['send']>[0][] = [];
  const mailer: Mailer = { send: async (mail) => (mail.to === 'b@example.org' ? Promise.reject(new Error('refused')) : void sent.push(mail)) };
  const message = { subject: 'Onderwerp', text: 'Tekst' };
  await expect(sendToEach(mailer, ['a@example.org', 'b@example.org', 'c@example.org'], message)).rejects.toThrow(/^1 of 3 mails not sent: refused$/);
  expect(sent).toEqual([{ to: 'a@example.org', ...message }, { to: 'c@example.org', ...message }]);
});

it('names no recipient in the reasons it gives for the log, which SMTP servers echo: each address keeps only its domain', async () => {
  const mailer: Mailer = { send: async ({ to }) => Promise.reject(new Error(`Can't send mail - all recipients were rejected: 550 5.1.1 <${to}>: Recipient address rejected`)) };
  const failed = sendToEach(mailer, ['j.de.vries@mindef.example', "o'brien+kamer@mindef.example", 'auditor@audit.example'], { subject: 'Onderwerp', text: 'Tekst' });
  await expect(failed).rejects.toThrow(
    /^3 of 3 mails not sent: Can't send mail - all recipients were rejected: 550 5\.1\.1 <…@mindef\.example>: Recipient address rejected; Can't send mail - all recipients were rejected: 550 5\.1\.1 <…@audit\.example>: Recipient address rejected$/,
  );
  const logged = await failed.then(() => undefined, (error: Error) => error);
  expect(logged?.stack).not.toMatch(/vries|brien|auditor@/);
});

it('sends the username and password of an smtp:// address only over TLS: a server that offers no STARTTLS gets neither, nor the mail', async () => {
  const logins: string[] = [];
  const received: string[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, done) {
      logins.push(`${auth.username}:${auth.password}`);
      done(null, { user: auth.username });
    },
    onData(stream, session, done) {
      stream.resume().on('end', () => {
        received.push(...session.envelope.rcptTo.map((recipient) => recipient.address));
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.server.address() as AddressInfo;
    const mailer = smtpMailer({ smtpUrl: `smtp://notifications:geheim-wachtwoord@127.0.0.1:${port}`, from: 'steunregister@example.org', siteAddress: 'https://steunregister.example' });
    await expect(mailer.send({ to: 'a@example.org', subject: 'Onderwerp', text: 'Tekst' })).rejects.toThrow('mail not sent: the username and password in SMTP_URL go only over TLS, which the SMTP server did not give (Error upgrading connection with STARTTLS: 500 Error: command not recognized)');
    expect(logins).toEqual([]);
    expect(received).toEqual([]);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
