import { expect, it } from 'vitest';
import { mailConfigFromEnvironment, sendToEach, type Mailer } from './mail.ts';

const SMTP = { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'steunregister@example.org' };

it('sends no mail without SMTP_URL', () => {
  expect(mailConfigFromEnvironment({})).toBeUndefined();
});

it('refuses to send mail whose links would lead nowhere: SITE_ADDRESS goes with SMTP_URL', () => {
  expect(() => mailConfigFromEnvironment(SMTP)).toThrow(/SITE_ADDRESS must be set with SMTP_URL/);
  expect(() => mailConfigFromEnvironment({ ...SMTP, MAIL_FROM: undefined, SITE_ADDRESS: 'https://steunregister.example' })).toThrow(/MAIL_FROM/);
});

it('links the mail to the site address, without its trailing slash', () => {
  expect(mailConfigFromEnvironment({ ...SMTP, SITE_ADDRESS: 'https://steunregister.example/' })).toEqual({ smtpUrl: SMTP.SMTP_URL, from: SMTP.MAIL_FROM, siteAddress: 'https://steunregister.example' });
});

it('sends each address a mail of its own, and the others when one fails, saying afterwards how many failed', async () => {
  const sent: Parameters<Mailer['send']>[0][] = [];
  const mailer: Mailer = { send: async (mail) => (mail.to === 'b@example.org' ? Promise.reject(new Error('refused')) : void sent.push(mail)) };
  const message = { subject: 'Onderwerp', text: 'Tekst' };
  await expect(sendToEach(mailer, ['a@example.org', 'b@example.org', 'c@example.org'], message)).rejects.toThrow('1 of 3 mails not sent');
  expect(sent).toEqual([{ to: 'a@example.org', ...message }, { to: 'c@example.org', ...message }]);
});
