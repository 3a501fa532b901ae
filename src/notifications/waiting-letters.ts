import type { Kysely } from 'kysely';
import { formatLetterDate } from '../../common/letter-format.ts';
import { isAllowed, ROLES } from '../domain/access.ts';
import { emailsOfRole } from '../db/repositories/accounts.ts';
import type { Database } from '../db/schema.ts';
import type { HeldPublication } from '../register/letter-publication.ts';
import { waitingFor, type WaitingItem } from '../register/letter-review.ts';
import { sendToEach, type Mailer } from './mail.ts';

const SUBJECTS: Record<WaitingItem['kind'], string> = {
  approveLetter: 'wacht op uw goedkeuring',
  reviseLetter: 'is teruggestuurd en wacht op uw aanpassing',
  finaliseLetter: 'is goedgekeurd en kan definitief worden gemaakt',
  sendLetter: 'is definitief en kan naar de Kamer worden verzonden',
  recordPublication: 'is verzonden; de publicatie kan worden vastgelegd',
};

/**
 * Tells everyone in a role, by e-mail, what about a letter newly waits for them since a moment (the step
 * just taken): the same items their "waiting for you" list shows. Accounts without an address are not told.
 */
export async function notifyWhatWaits(db: Kysely<Database>, mailer: Mailer, letterId: string, since: Date, siteAddress: string): Promise<void> {
  for (const role of ROLES) {
    // Who could be told first: most roles have no address, and what waits is the costlier question.
    const to = await emailsOfRole(db, role);
    if (to.length === 0) continue;
    const items = (await waitingFor(db, role)).filter((item) => item.letterId === letterId && Date.parse(item.since) >= since.getTime());
    for (const item of items) await sendToEach(mailer, to, message(item, siteAddress));
  }
}

/**
 * Tells those who record publications that the server held back a scheduled publication when its moment came:
 * the letter waits for them again, and nothing of it is public until they record it anew. The mail is read
 * outside the site, so it says why as the letter's page does, never which delivery a disclosure decision since
 * changed nor how (confidential material, read in a session with the second factor): recording the
 * publication again names them.
 */
export async function notifyPublicationHeld(db: Kysely<Database>, mailer: Mailer, held: HeldPublication, siteAddress: string): Promise<void> {
  const to = (await Promise.all(ROLES.filter((role) => isAllowed(role, 'letter.write')).map((role) => emailsOfRole(db, role)))).flat();
  if (to.length === 0) return;
  const subject = `Geplande publicatie van de leveringenbrief met peildatum ${formatLetterDate(held.referenceDate)} is tegengehouden`;
  const text = [
    `${subject}: op het moment van publiceren noemde de brief een levering die sinds hij definitief werd niet meer, anders of pas later openbaar is, of was de vorige brief niet gepubliceerd.`,
    '',
    'Er is niets van de brief openbaar. Leg de publicatie opnieuw vast om te zien wat het is; de brief wordt gepubliceerd zodra alles weer klopt met wat hij noemt.',
    '',
    letterLink(held.letterId, siteAddress),
  ];
  await sendToEach(mailer, to, { subject, text: text.join('\n') });
}

function message(item: WaitingItem, siteAddress: string): { subject: string; text: string } {
  const subject = `Leveringenbrief met peildatum ${formatLetterDate(item.referenceDate)} ${SUBJECTS[item.kind]}`;
  const lines = [`${subject}.`];
  if (item.comment) lines.push('', `Toelichting: ${item.comment}`);
  lines.push('', letterLink(item.letterId, siteAddress));
  return { subject, text: lines.join('\n') };
}

const letterLink = (letterId: string, siteAddress: string) => `Open de brief in Steunregister: ${siteAddress}/brieven/${letterId}`;
