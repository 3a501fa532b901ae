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
 * the failures are thrown together afterwards, for the log, whose message says why (each reason once) without
 * naming whom: an SMTP server's refusal often echoes the recipient's address, of which it keeps the domain.
 */
export async function sendToEach(mailer: Mailer, addresses: readonly string[], message: { subject: string; text: string }): Promise<void> {
  const failures: unknown[] = [];
  for (const to of addresses) await mailer.send({ to, ...message }).catch((error: unknown) => void failures.push(error));
  if (failures.length === 0) return;
  const reasons = new Set(failures.map((error) => withoutMailboxes(error instanceof Error ? error.message : String(error))));
  throw new AggregateError(failures, `${failures.length} of ${addresses.length} mails not sent: ${[...reasons].join('; ')}`);
}

/** The part of an e-mail address before its @, up to what encloses or separates it in a server's answer. */
const MAILBOX = /[^\s<>()[\]\\,;:"@]+@(?=[\p{L}\p{N}[])/gu;

/** The text with each e-mail address in it as `…@` and its domain: a reason that says which domain, not whose mailbox. */
function withoutMailboxes(text: string): string {
  return text.replace(MAILBOX, '…@');
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
  // Options in the address's query overrule nodemailer's others: this one would send the credentials in plain text.
  const requireTLS = URL.parse(env.SMTP_URL)?.searchParams.get('requireTLS');
  if (carriesCredentials(env.SMTP_URL) && requireTLS != null && requireTLS !== 'true') {
    throw new StartRefusedError(`SMTP_URL carries a username and password, which are sent only over TLS: requireTLS=${requireTLS} cannot turn that off`);
  }
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, siteAddress };
}

/**
 * The username and password of SMTP_URL are sent only over TLS: smtps://, or smtp:// to a server that offers
 * STARTTLS; where it offers none, the mail fails, saying so, and the server is told neither (it was told both
 * in plain text). Without them, a mail goes as the server offers (a relay that needs no login).
 */
export function smtpMailer({ smtpUrl, from }: MailConfig): Mailer {
  const requireTLS = carriesCredentials(smtpUrl);
  const transport = createTransport({ url: smtpUrl, requireTLS });
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text }).catch((error: unknown) => {
        if (!requireTLS || (error as { code?: unknown }).code !== 'ETLS') throw error;
        throw new Error(`mail not sent: the username and password in SMTP_URL go only over TLS, which the SMTP server did not give (${(error as Error).message})`, { cause: error });
      });
    },
  };
}

/** Whether the address holds a username or password; one that cannot be read is taken to hold them. */
function carriesCredentials(smtpUrl: string): boolean {
  const url = URL.parse(smtpUrl);
  return url === null || url.username !== '' || url.password !== '';
}
