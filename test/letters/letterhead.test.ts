/**
 * The house style a letter's author sets on the draft: the wordmark and the signatory. They are validated,
 * shown in the letter as it would be sent, audited when changed, and frozen with the letter at finalisation.
 */
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { pdfPages } from '../../src/letters/render/pdf-text.test-support.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { sessionCookieFor } from '../support/sessions.ts';
import { submitAndApprove } from '../support/letters.ts';

describeEachDatabase('the letterhead and signatory of a draft', (database) => {
  let author: ApiCall;
  let disclosure: ApiCall;
  let pdfOf: (id: string) => Promise<string>;
  let draftId: string;

  beforeAll(async () => {
    const { db } = database();
    expect(await loadDemonstrationData(db)).toBeGreaterThan(0);
    const api = createApi({ db, onError: (error) => { throw error; } });
    author = apiClient(db, { role: 'letterAuthor', api });
    disclosure = apiClient(db, { role: 'disclosureOfficer', api });
    const cookie = await sessionCookieFor(db, 'letterAuthor');
    pdfOf = async (id) => {
      const response = await api.request(`/letters/${id}/renderings/pdf`, { headers: { Cookie: cookie } });
      return (await pdfPages(new Uint8Array(await response.arrayBuffer()))).map((page) => page.text).join(' ');
    };
    const listed = await author('GET', '/letters');
    draftId = listed.body.items.find((item: any) => item.referenceDate === '2025-08-31').id;
  });

  it('takes the signatory of the letter before it, and refuses a blank wordmark or title and control characters', async () => {
    const draft = await author('GET', `/letters/${draftId}`);
    expect(draft.body.letterhead).toEqual({ wordmark: 'Ministerie van Defensie', signatoryTitle: 'DE MINISTER VAN DEFENSIE', signatoryName: 'Ruben Brekelmans' });
    const ifMatch = { 'If-Match': `"${draft.body.version}"` };
    for (const [field, value] of [['wordmark', '  '], ['signatoryTitle', ''], ['signatoryName', 'Naam\u0000'], ['signatoryName', 'x'.repeat(121)]] as const) {
      const refused = await author('PATCH', `/letters/${draftId}`, { [field]: value }, ifMatch);
      expect(refused.status, `${field} ${JSON.stringify(value)}`).toBe(400);
      expect(refused.body.invalidParams.map((param: any) => param.name)).toEqual([field]);
    }
  });

  it('is signed by a name: a blank one is refused at the field, and a draft without one names it among its problems and is not submitted, approved or finalised', async () => {
    const { db } = database();
    const current = await author('GET', `/letters/${draftId}`);
    const blank = await author('PATCH', `/letters/${draftId}`, { signatoryName: '   ' }, { 'If-Match': `"${current.body.version}"` });
    expect(blank.status).toBe(400);
    expect(blank.body.invalidParams).toEqual([{ name: 'signatoryName', code: 'required', reason: 'Vul dit veld in.' }]);
    expect((await author('GET', `/letters/${draftId}`)).body.letterhead.signatoryName).toBe('Ruben Brekelmans');

    // A draft from before the name was required.
    const unsign = () => db.updateTable('letter').set({ signatoryName: '' }).where('id', '=', draftId).execute();
    await unsign();
    const unsigned = await author('GET', `/letters/${draftId}`);
    expect(unsigned.body.problems).toContain('De brief heeft nog geen naam van de ondertekenaar: een brief aan de Kamer ondertekent een minister bij naam. Vul de naam in bij de ondertekening.');
    expect(unsigned.body.problemsByLanguage.en).toContain('The letter has no name of its signatory yet: a letter to parliament is signed by a minister by name. Fill in the name with the signature.');
    const ifMatch = { 'If-Match': `"${unsigned.body.version}"` };
    const submitted = await author('POST', `/letters/${draftId}/submission`, undefined, ifMatch);
    expect(submitted.status).toBe(400);
    expect(submitted.body.invalidParams.map((param: any) => [param.name, param.code])).toEqual([['signatoryName', 'noSignatoryName']]);

    // Signed when submitted, and unsigned before the approval; then approved, and unsigned before finalising.
    await db.updateTable('letter').set({ signatoryName: 'Ruben Brekelmans' }).where('id', '=', draftId).execute();
    const waiting = await author('POST', `/letters/${draftId}/submission`, undefined, ifMatch);
    expect(waiting.status).toBe(200);
    await unsign();
    const approval = await disclosure('POST', `/letters/${draftId}/approval`, undefined, { 'If-Match': waiting.headers.get('ETag')! });
    expect(approval.status).toBe(400);
    expect(approval.body.invalidParams.map((param: any) => [param.name, param.code])).toEqual([['signatoryName', 'noSignatoryName']]);
    await db.updateTable('letter').set({ signatoryName: 'Ruben Brekelmans' }).where('id', '=', draftId).execute();
    const approved = await disclosure('POST', `/letters/${draftId}/approval`, undefined, { 'If-Match': waiting.headers.get('ETag')! });
    expect(approved.status).toBe(200);
    await unsign();
    const final = await author('POST', `/letters/${draftId}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! });
    expect(final.status).toBe(400);
    expect(final.body.invalidParams.map((param: any) => [param.name, param.code])).toEqual([['signatoryName', 'noSignatoryName']]);
    expect((await author('GET', `/letters/${draftId}`)).body.status).toBe('draft');
    await db.updateTable('letter').set({ signatoryName: 'Ruben Brekelmans' }).where('id', '=', draftId).execute();
    expect((await author('DELETE', `/letters/${draftId}/submission`, undefined, { 'If-Match': approved.headers.get('ETag')! })).status).toBe(200);
  });

  it('prints what the author sets, audits the change, and freezes it at finalisation', async () => {
    const { db } = database();
    const current = await author('GET', `/letters/${draftId}`);
    const change = { wordmark: 'Ministerie van Defensie (demonstratie)', signatoryTitle: 'DE STAATSSECRETARIS VAN DEFENSIE', signatoryName: 'G. Tuinman' };
    const edited = await author('PATCH', `/letters/${draftId}`, change, { 'If-Match': `"${current.body.version}"` });
    expect(edited.status).toBe(200);
    expect(edited.body.letterhead).toEqual(change);
    expect(edited.body.letter.letterhead).toEqual(change);
    const text = await pdfOf(draftId);
    for (const expected of Object.values(change)) expect(text).toContain(expected);
    const [event] = await listAuditEvents(db, { objectId: draftId, action: 'letter.update', limit: 1 });
    expect(event?.after).toMatchObject(change);

    const approved = await submitAndApprove({ author, disclosure }, draftId, `"${edited.body.version}"`);
    const final = await author('POST', `/letters/${draftId}/finalisation`, {}, { 'If-Match': `"${approved.body.version}"` });
    expect(final.status).toBe(200);
    expect(final.body.letter.letterhead).toEqual(change);
    const frozen = await author('PATCH', `/letters/${draftId}`, { signatoryName: 'Iemand anders' }, { 'If-Match': `"${final.body.version}"` });
    expect(frozen.status).toBe(400);
    expect((await author('GET', `/letters/${draftId}`)).body.letterhead).toEqual(change);
    // The next letter starts from this one's house style.
    const next = await author('POST', '/letters', { referenceDate: '2025-12-31' });
    expect(next.body.letterhead).toEqual(change);
  });
});
