/**
 * The live preview of a draft renders the text and date as they would be saved: what saving them refuses,
 * the preview refuses the same way, so that it never shows a letter that cannot be.
 */
import { beforeAll, expect, it } from 'vitest';
import { systemContext } from '../../src/audit/trail.ts';
import { submitAndApprove } from '../../src/register/letter-review.ts';
import { createDraft, finalise } from '../../src/register/letters.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { SIGNED } from '../support/letters.ts';

const opening = (text: string) => ({ key: 'opening', heading: null, text });

describeEachDatabase('the preview of a draft', (database) => {
  let author: ApiCall;
  let draft: { id: string; version: number };

  beforeAll(async () => {
    const { db } = database();
    const context = systemContext('test');
    // The letter before the draft, dated 1 March 2025.
    const previous = await createDraft(db, context, { ...SIGNED, referenceDate: '2025-01-31', letterDate: '2025-03-01' });
    const approved = await submitAndApprove(db, context, previous.id, previous.version);
    await finalise(db, context, previous.id, approved.version);
    draft = await createDraft(db, context, { ...SIGNED, referenceDate: '2025-02-28', letterDate: '2025-03-10' });
    author = apiClient(db, { role: 'letterAuthor' });
  });

  it.each([
    { what: 'a letter date beyond the plausible', change: { blocks: [opening('Test {{letterDate}}')], letterDate: '2099-12-31' }, code: 'dateOutOfRange' },
    { what: 'a letter date before the reference date', change: { blocks: [opening('Tekst.')], letterDate: '2025-02-27' }, code: 'letterBeforeReferenceDate' },
    { what: 'a letter date before that of the letter before it', change: { blocks: [opening('Tekst.')], letterDate: '2025-02-28' }, code: 'letterBeforePreviousLetter' },
    { what: 'no blocks', change: { blocks: [] }, code: 'noBlocks' },
    { what: 'two blocks with one key', change: { blocks: [opening('Tekst.'), opening('Meer tekst.')] }, code: 'duplicateBlockKey' },
    { what: 'a text of only spaces and blank lines', change: { blocks: [opening('  \n\n  ')] }, code: 'blankText' },
  ])('refuses $what as saving does', async ({ change, code }) => {
    const saved = await author('PATCH', `/letters/${draft.id}`, change, { 'If-Match': `"${draft.version}"`, 'Accept-Language': 'en' });
    const previewed = await author('POST', `/letters/${draft.id}/preview`, change, { 'Accept-Language': 'en' });
    expect(saved.status).toBe(400);
    expect(saved.body.invalidParams).toEqual([expect.objectContaining({ code })]);
    expect(previewed.status).toBe(400);
    expect(previewed.body.invalidParams).toEqual(saved.body.invalidParams);
  });

  it('renders what saving takes, with the date as the letter prints it', async () => {
    const previewed = await author('POST', `/letters/${draft.id}/preview`, { blocks: [opening('Test {{letterDate}}')], letterDate: '2025-03-20' });
    expect(previewed.status).toBe(200);
    // The date is kept on one line by no-break spaces.
    expect(previewed.body).toContain('Test 20\u00a0maart\u00a02025');
    expect((await author('GET', `/letters/${draft.id}`)).body.version).toBe(draft.version);
  });
});
