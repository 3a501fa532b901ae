/**
 * A figure that ends in an abbreviation's full stop ("€179 mln.") also ends the sentence it closes: the text
 * prints one full stop, in the snapshot that is frozen and verified and so in every rendering of it. A letter
 * finalised in format steunregister-letter/3 printed two, and is kept and verified as it was sent.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { pdfPages } from '../../src/letters/render/pdf-text.test-support.ts';
import type { PublicLetterSnapshot } from '../../src/letters/snapshot.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { sessionCookieFor } from '../support/sessions.ts';
import { frozenSnapshot, refreeze, submitAndApprove } from '../support/letters.ts';

const SENTENCE = 'Aan het NAVO-fonds heeft Nederland tot op heden {{natoFund}} bijgedragen, in totaal {{natoFund}}.';
const PRINTED = 'Aan het NAVO-fonds heeft Nederland tot op heden €179 mln. bijgedragen, in totaal €179 mln.';
/** An abbreviation's full stop and a sentence's, one after the other; an ellipsis is no such pair. */
const TWO_FULL_STOPS = /(mln|mld)\.\.(?!\.)/;

describeEachDatabase('the full stop of a sentence that ends in a figure', (database) => {
  let author: ApiCall;
  let disclosure: ApiCall;
  let rendering: (id: string, format: string) => Promise<Uint8Array>;
  let augustId: string;
  let februaryId: string;

  beforeAll(async () => {
    const { db } = database();
    await loadDemonstrationData(db);
    const api = createApi({ db, onError: (error) => { throw error; } });
    author = apiClient(db, { role: 'letterAuthor', api });
    disclosure = apiClient(db, { role: 'disclosureOfficer', api });
    const cookie = await sessionCookieFor(db, 'letterAuthor');
    rendering = async (id, format) => new Uint8Array(await (await api.request(`/letters/${id}/renderings/${format}`, { headers: { Cookie: cookie } })).arrayBuffer());
    const letters = (await author('GET', '/letters')).body.items;
    augustId = letters.find((item: any) => item.referenceDate === '2025-08-31').id;
    februaryId = letters.find((item: any) => item.referenceDate === '2025-02-04').id;
  });

  const navoSection = (letter: PublicLetterSnapshot) => letter.sections.find((section) => section.heading === 'NAVO-fonds')?.blocks;

  /** The text of each rendering of a letter, its white space taken out (the PDF breaks lines where it likes). */
  async function renderedTexts(id: string): Promise<Record<string, string>> {
    const squeezed = (text: string) => text.replace(/\s+/g, '');
    const docx = strFromU8(unzipSync(await rendering(id, 'docx'))['word/document.xml']!).replace(/<[^>]+>/g, '');
    const pdf = (await pdfPages(await rendering(id, 'pdf'))).map((page) => page.text).join(' ');
    return {
      html: squeezed(strFromU8(await rendering(id, 'html')).replace(/<[^>]+>/g, '')),
      markdown: squeezed(strFromU8(await rendering(id, 'markdown'))),
      docx: squeezed(docx),
      pdf: squeezed(pdf),
    };
  }

  it('prints one full stop where the figure ends the sentence, in the draft, the frozen letter, every rendering and its verification', async () => {
    const draft = (await author('GET', `/letters/${augustId}`)).body;
    const blocks = [...draft.blocks, { key: 'navo', heading: 'NAVO-fonds', text: SENTENCE }];
    const changed = await author('PATCH', `/letters/${augustId}`, { blocks }, { 'If-Match': `"${draft.version}"` });
    expect(changed.status).toBe(200);
    expect(navoSection(changed.body.letter)).toEqual([{ kind: 'paragraph', content: [PRINTED] }]);

    const approved = await submitAndApprove({ author, disclosure }, augustId, changed.headers.get('ETag')!);
    const final = await author('POST', `/letters/${augustId}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! });
    expect(final.status).toBe(200);
    const frozen: PublicLetterSnapshot = final.body.letter;
    expect(frozen.format).toBe('steunregister-letter/7');
    expect(navoSection(frozen)).toEqual([{ kind: 'paragraph', content: [PRINTED] }]);
    for (const [format, text] of Object.entries(await renderedTexts(augustId))) {
      expect(text, format).toContain(PRINTED.replace(/\s+/g, ''));
      expect(text, format).not.toMatch(TWO_FULL_STOPS);
    }
    expect((await author('GET', `/letters/${augustId}/verification`)).body).toEqual({ ok: true, hashesMatch: true, differences: [], figureDifferences: [], annexDifferences: [] });
  });

  it('keeps a letter finalised in format 3 as it was sent, two full stops and all, and verifies it', async () => {
    const snapshot = await frozenSnapshot(database().db, februaryId);
    const asThen = JSON.parse(JSON.stringify(snapshot.sections).replace('in totaal €2,1 mld.', 'in totaal €2,1 mld..'));
    await refreeze(database().db, februaryId, { ...snapshot, format: 'steunregister-letter/3', sections: asThen });
    expect((await author('GET', `/letters/${februaryId}/verification`)).body).toEqual({ ok: true, hashesMatch: true, differences: [], figureDifferences: [], annexDifferences: [] });
    expect((await renderedTexts(februaryId)).html).toContain('intotaal€2,1mld..');
  });
});
