/**
 * A draft's text through the API: a placeholder or footnote that is not whole is listed among the letter's
 * problems with its block, in the reader's language, and keeps the draft from being submitted, as a figure
 * the letter does not know does; a block's key is a name, and anything else is refused, changing nothing.
 */
import { beforeAll, expect, it } from 'vitest';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

describeEachDatabase('the text of a draft', (database) => {
  let author: ApiCall;
  let draftId: string;

  beforeAll(async () => {
    const { db } = database();
    await loadDemonstrationData(db);
    author = apiClient(db, { role: 'letterAuthor' });
    draftId = (await author('GET', '/letters')).body.items.find((letter: { referenceDate: string }) => letter.referenceDate === '2025-08-31').id;
  });

  const current = async () => (await author('GET', `/letters/${draftId}`)).body;
  const withText = async (text: string, headers: Record<string, string> = {}) => {
    const draft = await current();
    const blocks = draft.blocks.map((block: { key: string }) => (block.key === 'finance' ? { ...block, text } : block));
    return author('PATCH', `/letters/${draftId}`, { blocks }, { 'If-Match': `"${draft.version}"`, ...headers });
  };

  it('lists a placeholder or footnote that is not whole with its block, and refuses to submit the draft while it stands', async () => {
    const original = (await current()).blocks;
    const finance = original.findIndex((block: { key: string }) => block.key === 'finance');
    const heading = original[finance].heading;
    const cases = [
      { text: 'Totaal {{total', code: 'unclosedPlaceholder', nl: 'wordt "{{" niet gesloten', en: '"{{" is not closed' },
      { text: 'Totaal total}}', code: 'strayPlaceholderEnd', nl: 'zonder "{{" ervoor', en: 'has no "{{" before it' },
      { text: 'Totaal {{}}', code: 'emptyPlaceholder', nl: 'zonder de naam van een cijfer', en: 'names no figure' },
      { text: 'Tekst[^]', code: 'emptyFootnote', nl: 'is een voetnoot leeg', en: 'a footnote is empty' },
      { text: 'Tekst[^Bron', code: 'unclosedFootnote', nl: 'niet gesloten met "]"', en: 'is not closed with "]"' },
    ];
    for (const { text, code, nl, en } of cases) {
      const edited = await withText(text, { 'Accept-Language': 'en' });
      expect(edited.status, text).toBe(200);
      expect(edited.headers.get('Vary')).toContain('Accept-Language');
      expect(edited.body.problems, text).toEqual([expect.stringContaining(en)]);
      expect(edited.body.problems[0]).toContain(`text block ${finance + 1} (${heading})`);
      expect(edited.body.problemsByLanguage).toEqual({ en: edited.body.problems, nl: [expect.stringContaining(nl)] });
      const submitted = await author('POST', `/letters/${draftId}/submission`, undefined, { 'If-Match': edited.headers.get('ETag')! });
      expect(submitted.status, text).toBe(400);
      expect(submitted.body.invalidParams).toEqual([expect.objectContaining({ name: `blocks.${finance}.text`, code, reason: expect.stringContaining(nl) })]);
      expect(submitted.body.reasonsByLanguage.en).toEqual([expect.stringContaining(en)]);
      expect((await current()).submittedAt).toBeNull();
    }
    const repaired = await withText('Totaal {{total}}[^Afgerond.]');
    expect(repaired.body.problems).toEqual([]);
  });

  it('names the block without a heading as the editor does: the opening', async () => {
    const draft = await current();
    const opening = draft.blocks.findIndex((block: { heading: string | null }) => block.heading === null);
    const blocks = draft.blocks.map((block: { text: string }, index: number) => (index === opening ? { ...block, text: `${block.text} {{total` } : block));
    const edited = await author('PATCH', `/letters/${draftId}`, { blocks }, { 'If-Match': `"${draft.version}"` });
    expect(edited.body.problemsByLanguage).toEqual({
      nl: [expect.stringMatching(new RegExp(`^In tekstblok ${opening + 1} \\(opening, zonder kop\\) wordt`))],
      en: [expect.stringMatching(new RegExp(`^In text block ${opening + 1} \\(opening, without heading\\),`))],
    });
    const restored = await author('PATCH', `/letters/${draftId}`, { blocks: draft.blocks }, { 'If-Match': edited.headers.get('ETag')! });
    expect(restored.body.problems).toEqual([]);
  });

  it('refuses a block key that is no name, naming the block, and keeps the text as it was', async () => {
    const before = await current();
    for (const key of ['nr 460 ???', 'Financiën', '-finance', 'finance-']) {
      const refused = await author('PATCH', `/letters/${draftId}`, { blocks: [{ key, heading: 'Kop', text: 'Tekst.' }] }, { 'If-Match': `"${before.version}"`, 'Accept-Language': 'en' });
      expect(refused.status, key).toBe(400);
      expect(refused.body.invalidParams, key).toEqual([{ name: 'blocks.0.key', code: 'blockKeyFormat', reason: expect.stringContaining(`The key "${key}" of text block 1 (Kop) is no key`) }]);
    }
    expect(await current()).toEqual(before);
    // A key of its own form is the author's: the list sent is the letter's text, every block in it.
    const replaced = await author('PATCH', `/letters/${draftId}`, { blocks: [{ key: 'f16-vliegers', heading: 'F-16', text: 'Tekst.' }] }, { 'If-Match': `"${before.version}"` });
    expect(replaced.status).toBe(200);
    expect(replaced.body.blocks).toEqual([{ key: 'f16-vliegers', heading: 'F-16', text: 'Tekst.' }]);
  });
});
