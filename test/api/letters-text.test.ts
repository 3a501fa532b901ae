/**
 * A draft's text through the API: a placeholder or footnote that is not whole, or an amount or percentage typed
 * by hand, is listed among the letter's problems with its block, in the reader's language, and keeps the draft
 * from being submitted, as a figure the letter does not know does; a block's key is a name, and anything else is refused, changing nothing.
 */
import { beforeAll, expect, it } from 'vitest';
import { SEED_LETTER_BLOCKS } from '../../src/db/seed/demonstration-letter.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

describeEachDatabase('the text of a draft', (database) => {
  let author: ApiCall;
  let disclosure: ApiCall;
  let draftId: string;

  beforeAll(async () => {
    const { db } = database();
    await loadDemonstrationData(db);
    author = apiClient(db, { role: 'letterAuthor' });
    disclosure = apiClient(db, { role: 'disclosureOfficer' });
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

  it('lists an amount or percentage typed by hand with its block, not other numbers, and refuses to submit or approve the draft while it stands', async () => {
    const original = (await current()).blocks;
    const finance = original.findIndex((block: { key: string }) => block.key === 'finance');
    const { heading } = original[finance];
    // The demonstration's own text, which names the stock and procurement figures.
    const { text } = SEED_LETTER_BLOCKS.find((block) => block.key === 'finance')!;
    expect(text).toContain('{{stock}}');
    expect(text).toContain('{{procurement}}');
    expect((await withText(text)).body.problems).toEqual([]);
    const typed =
      text.replace('{{stock}}', '€ 9,9 mld.').replace('{{procurement}}', '€ 123 mln.') +
      '\n\nDat is 48 procent meer: 1.234 stuks, dd. 10 september 2025 (Kamerstuk 22 054, nr. 460), F-16, artikel 100, Patriot PAC-3.';
    const edited = await withText(typed, { 'Accept-Language': 'en' });
    expect(edited.status).toBe(200);
    expect(edited.body.problems).toEqual([
      `In text block ${finance + 1} (${heading}), an amount is typed by hand: "€ 9,9 mld.". Every amount in the letter is computed from the register: put the name of its figure in its place, such as {{stock}}, or leave the amount out.`,
      expect.stringContaining('an amount is typed by hand: "€ 123 mln."'),
      expect.stringContaining('a percentage is typed by hand: "48 procent"'),
    ]);
    expect(edited.body.problemsByLanguage.nl).toEqual([
      expect.stringContaining(`In tekstblok ${finance + 1} (${heading}) staat een bedrag dat met de hand is getypt: "€ 9,9 mld."`),
      expect.stringContaining('bedrag dat met de hand is getypt: "€ 123 mln."'),
      expect.stringContaining('percentage dat met de hand is getypt: "48 procent"'),
    ]);
    expect(edited.body.notes).toEqual([]);
    const submitted = await author('POST', `/letters/${draftId}/submission`, undefined, { 'If-Match': edited.headers.get('ETag')! });
    expect(submitted.status).toBe(400);
    const refusedAsTyped = [
      expect.objectContaining({ name: `blocks.${finance}.text`, code: 'typedAmount' }),
      expect.objectContaining({ name: `blocks.${finance}.text`, code: 'typedAmount' }),
      expect.objectContaining({ name: `blocks.${finance}.text`, code: 'typedPercentage' }),
    ];
    expect(submitted.body.invalidParams).toEqual(refusedAsTyped);
    // Typed after the draft was submitted, it keeps a disclosure officer from approving it.
    const restored = await withText(text);
    const resubmitted = await author('POST', `/letters/${draftId}/submission`, undefined, { 'If-Match': restored.headers.get('ETag')! });
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
    const typedAgain = await withText(typed);
    const approval = await disclosure('POST', `/letters/${draftId}/approval`, undefined, { 'If-Match': typedAgain.headers.get('ETag')! });
    expect(approval.status).toBe(400);
    expect(approval.body.invalidParams).toEqual(refusedAsTyped);
    const withdrawn = await author('DELETE', `/letters/${draftId}/submission`, undefined, { 'If-Match': typedAgain.headers.get('ETag')! });
    expect(withdrawn.status).toBe(200);
    expect((await withText(text)).body.problems).toEqual([]);
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
