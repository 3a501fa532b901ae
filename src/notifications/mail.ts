import { createTransport } from 'nodemailer';
import { StartRefusedError } from '../start-refused.ts';
import { siteAddressFromEnvironment } from '../config.ts';

/** Sends a plain-text e-mail to one address. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/**
 * Sends the message to each address in a mail of its own, so that no one told sees who else was (one mail to
 * all of them showed every address in its To:). A mail that fails does not keep the others from being sent;
 * the failures are thrown together afterwards, for the log.
 */
export async function sendToEach(mailer: Mailer, addresses: readonly string[], message: { subject: string; text: string }): Promise<void> {
  const failures: unknown[] = [];
  for (const to of addresses) await mailer.send({ to, ...message }).catch((error: unknown) => void failures.push(error));
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} of ${addresses.length} mails not sent`);
}

/** How the server sends e-mail: the SMTP server, the sender, and the address people reach the site at (for links). */
export interface MailConfig {
  smtpUrl: string;
  from: string;
  siteAddress: string;
}

/**
 * E-mail is sent only when SMTP_URL names an SMTP server (smtp://user:password@host:587, or smtps://… for
 * TLS from the start); MAIL_FROM is then the sender and SITE_ADDRESS the address links point to: a mail
 * is read outside the site, where a link without it leads nowhere.
 */
export function mailConfigFromEnvironment(env: NodeJS.ProcessEnv): MailConfig | undefined {
  if (!env.SMTP_URL) return undefined;
  if (!env.MAIL_FROM) throw new StartRefusedError('MAIL_FROM must be set with SMTP_URL: the address notifications are sent from');
  const siteAddress = siteAddressFromEnvironment(env);
  if (!siteAddress) throw new StartRefusedError("SITE_ADDRESS must be set with SMTP_URL: the site's public address (https://…), which the links in the mail point to");
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, siteAddress };
}

export function smtpMailer({ smtpUrl, from }: MailConfig): Mailer {
  const transport = createTransport(smtpUrl);
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}
