/**
 * The annex names the people behind it as a document for parliament may: who judged a stock delivery's effect
 * on readiness by the role they judged in, its reader by name and role. A login name, half of what signs an
 * account in, is in none of its formats, nor in the annex a letter freezes.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { annexSnapshot } from '../../src/register/annex.ts';
import { pdfPages } from '../../src/letters/render/pdf-text.test-support.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { stockDelivery } from '../support/deliveries.ts';
import { sessionFor } from '../support/sessions.ts';
import { accepted, deliveryRecords, recordingRoles, type RecordingRoles } from '../support/recording-roles.ts';

const MILLION = 100_000_000; // cents
const squeezed = (text: string) => text.replace(/\s+/g, '');

describeEachDatabase('the people the annex names', (database) => {
  let roles: RecordingRoles;
  const { delivery, value } = deliveryRecords(() => roles);
  let letterId: string;
  let usernames: string[];
  /** Opens the annex as a letter author of its own, whose login name it must not print. */
  let open: (format: 'html' | 'pdf') => Promise<Response>;

  beforeAll(async () => {
    roles = recordingRoles(database().db);
    const generators = await delivery(stockDelivery);
    await value(generators, 2 * MILLION, stockDelivery.realisedAt);
    await accepted(roles.registrar('POST', `/deliveries/${generators}/readiness-judgements`, { effect: 'acceptable', reasoning: 'Vervangen uit de lopende aankoop.', judgedOn: '2025-05-01' }));
    letterId = (await accepted(roles.author('POST', '/letters', { referenceDate: '2025-06-30', letterDate: '2025-07-10' }))).body.id;
    const reader = await sessionFor(database().db, 'letterAuthor');
    const api = createApi({ db: database().db, onError: (error) => { throw error; } });
    open = async (format) => api.request(`/letters/${letterId}/annex/${format}`, { headers: { Cookie: reader.cookie } });
    usernames = [(await roles.registrar('GET', '/session')).body.username, reader.username];
  });

  it('names the judge of readiness by role and the reader by name and role, in the HTML and the PDF', async () => {
    const html = await (await open('html')).text();
    expect(html).toContain('acceptabel (1 mei 2025, Registrator)');
    expect(html).toMatch(/Geopend door Test letterAuthor \(Opsteller van de brief\) op/);

    const pdf = await pdfPages(new Uint8Array(await (await open('pdf')).arrayBuffer()));
    const printed = squeezed(pdf.map((page) => page.text).join(' '));
    expect(printed).toContain(squeezed('acceptabel (1 mei 2025, Registrator)'));
    expect(printed).toContain(squeezed('Geopend door Test letterAuthor (Opsteller van de brief)'));
    for (const username of usernames) {
      expect(html).not.toContain(username);
      expect(printed).not.toContain(squeezed(username));
    }
  });

  it('freezes the judge’s role with a letter, not the login name', async () => {
    const annex = await annexSnapshot(database().db, randomUUID(), '2025-06-30', false);
    expect(annex.readinessByDelivery!.map((row) => row.judgement)).toEqual([{ effect: 'acceptable', judgedOn: '2025-05-01', judgedByRole: 'registrar', reasoning: 'Vervangen uit de lopende aankoop.' }]);
    expect(JSON.stringify(annex)).not.toContain(usernames[0]);
  });
});
