/**
 * A published letter names the figures its text places without the register's own ids: a budget decision,
 * shift or commitment and an EPF tranche, which have no public id, by their place among those of their kind
 * the text names; `letter verify` recomputes them, and still recomputes a letter finalised when these were
 * printed under their ids.
 */
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../../src/api/app.ts';
import { SEED_LETTER_BLOCKS } from '../../src/db/seed/demonstration-letter.ts';
import { figureNames } from '../../src/letters/narrative.ts';
import type { PublicLetterSnapshot } from '../../src/letters/snapshot.ts';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { verifyLetter } from '../../src/register/letters.ts';
import { apiClient, type ApiCall } from '../api/client.ts';
import { readableText, squeezed } from '../disclosure/canary-model.ts';
import { describeEachDatabase, type CurrentDatabase } from '../support/databases.ts';
import { frozenSnapshot, ifMatchCurrent, refreeze, submitAndApprove } from '../support/letters.ts';

const REFERENCE_DATE = '2025-08-31';

/** The demonstration letter of 31 August 2025 finalised as its draft reads; its id, the author's session and the figures the draft offered by the names the text may use. */
async function finalDemonstrationLetter(database: CurrentDatabase) {
  const { db } = database();
  expect(await loadDemonstrationData(db)).toBeGreaterThan(0);
  const api = createApi({ db, onError: (error) => { throw error; } });
  const author = apiClient(db, { role: 'letterAuthor', api });
  const disclosure = apiClient(db, { role: 'disclosureOfficer', api });
  const draft = (await author('GET', '/letters')).body.items.find((item: any) => item.referenceDate === REFERENCE_DATE);
  const approved = await submitAndApprove({ author, disclosure }, draft.id, `"${draft.version}"`);
  expect((await author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': `"${approved.body.version}"` })).status).toBe(200);
  const figures = new Map<string, string>(approved.body.figures.map(({ name, value }: { name: string; value: string }) => [name, value]));
  return { api, author, id: draft.id as string, figures };
}

describeEachDatabase('the budget and EPF records a published letter names', (database) => {
  let api: ReturnType<typeof createApi>;
  let letterId: string;
  let previousId: string;
  /** Every id of a budget decision, shift, commitment, EPF tranche and delivery in the register. */
  let internalIds: string[];

  beforeAll(async () => {
    const { db } = database();
    let author: ApiCall;
    ({ api, author, id: letterId } = await finalDemonstrationLetter(database));
    expect((await author('POST', `/letters/${letterId}/sending`, undefined, await ifMatchCurrent(author, letterId))).status).toBe(200);
    const publication = { paperNumber: 'Kamerstuk 22 054, nr. 460', publishedOn: '2025-09-10' };
    expect((await author('POST', `/letters/${letterId}/publication`, publication, await ifMatchCurrent(author, letterId))).status).toBe(200);
    previousId = (await author('GET', `/letters/${letterId}`)).body.letter.previousLetter.id;
    const ids = await Promise.all(
      (['budgetDecision', 'budgetShift', 'budgetCommitment', 'epfTranche', 'delivery'] as const).map((table) => db.selectFrom(table).select('id').execute()),
    );
    internalIds = ids.flat().map((row) => row.id);
  });

  const read = async (path: string) => {
    const response = await api.request(path);
    expect(response.status, path).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { path, status: response.status, contentType: response.headers.get('content-type') ?? '', headers: '', bytes, text: new TextDecoder().decode(bytes) };
  };

  it('names each by its place among those of its kind in the text, as the text names the figures', async () => {
    const snapshot = JSON.parse((await read(`/public/letters/${letterId}/snapshot`)).text) as PublicLetterSnapshot;
    const names = Object.keys(snapshot.namedFigures!).filter((name) => /^(budgetDecision|budgetShift|budgetCommitment|epfTranche):/.test(name));
    expect(names.sort()).toEqual([
      'budgetCommitment:1',
      'budgetCommitment:1.year',
      'budgetDecision:1',
      'budgetDecision:1.period',
      'budgetShift:1',
      'budgetShift:1.fromYear',
      'budgetShift:1.toYear',
      'epfTranche:1',
      'epfTranche:2',
    ]);
    // Two tranches, in the order the text names them: the first of € 1,4 mld., then the second of € 1,9 mld.
    expect([snapshot.namedFigures!['epfTranche:1'], snapshot.namedFigures!['epfTranche:2']]).toEqual(['€1,4 mld.', '€1,9 mld.']);
  });

  it('shows none of their ids on any public surface of the letter', async () => {
    const surfaces = [
      '/public/letters',
      `/public/letters/${letterId}`,
      `/public/letters/${letterId}/snapshot`,
      `/public/letters/${letterId}/figures?format=json`,
      `/public/letters/${letterId}/figures?format=csv`,
      '/public/letter-figures?format=json',
      '/public/letter-figures?format=csv',
      '/public/figures',
      `/public/letter-comparison?from=${previousId}&to=${letterId}`,
      '/public/catalog',
    ];
    const texts = [
      ...(await Promise.all(surfaces.map(async (path) => ({ path, text: (await read(path)).text })))),
      ...(await Promise.all(
        (['html', 'markdown', 'docx', 'pdf'] as const).map(async (format) => {
          const path = `/public/letters/${letterId}/renderings/${format}`;
          return { path, text: squeezed(await readableText(format, await read(path))) };
        }),
      )),
    ];
    for (const { path, text } of texts) {
      expect(internalIds.filter((id) => text.includes(id)), path).toEqual([]);
    }
  });

  it('verifies, as the letter before it does', async () => {
    const { db } = database();
    for (const id of [letterId, previousId]) {
      expect(await verifyLetter(db, id)).toEqual({ ok: true, hashesMatch: true, differences: [], figureDifferences: [], annexDifferences: [] });
    }
  });
});

describeEachDatabase('a letter finalised when its budget and EPF records were named by their ids', (database) => {
  let letterId: string;
  let figures: Map<string, string>;
  const ofBudgetOrEpf = (name: string) => /^(budgetDecision|budgetShift|budgetCommitment|epfTranche):/.test(name);

  /**
   * Freezes the letter's public text as a letter finalised before printed it, with its budget and EPF
   * figures under the names the text uses (`figure` changes a printed value), approved as such; the database
   * refuses to change a final letter, so the rule that keeps it is set aside for this.
   */
  const frozenWithTheTextsNames = async (figure: (name: string, printed: string) => string = (_, printed) => printed) => {
    const snapshot = await frozenSnapshot(database().db, letterId);
    const namedFigures = Object.fromEntries([
      ...Object.entries(snapshot.namedFigures!).filter(([name]) => !ofBudgetOrEpf(name)),
      ...figureNames(SEED_LETTER_BLOCKS).filter(ofBudgetOrEpf).map((name) => [name, figure(name, figures.get(name)!)]),
    ]);
    await refreeze(database().db, letterId, { ...snapshot, namedFigures });
    return namedFigures;
  };

  beforeAll(async () => {
    ({ id: letterId, figures } = await finalDemonstrationLetter(database));
  });

  it('verifies', async () => {
    const named = Object.keys(await frozenWithTheTextsNames());
    expect(named).toEqual(expect.arrayContaining(['budgetCommitment:43f6ab79-f987-46cf-93da-9deb316d76ff', 'epfTranche:bf962a47-f833-496c-8f23-f1cfba36650f']));
    expect(await verifyLetter(database().db, letterId)).toEqual({ ok: true, hashesMatch: true, differences: [], figureDifferences: [], annexDifferences: [] });
  });

  it('names a figure recomputed otherwise than it printed by the name it printed', async () => {
    const commitment = 'budgetCommitment:43f6ab79-f987-46cf-93da-9deb316d76ff';
    const named = await frozenWithTheTextsNames((name, printed) => (name === commitment ? '€1 mln.' : printed));
    const verification = await verifyLetter(database().db, letterId);
    expect(verification).toMatchObject({ ok: false, hashesMatch: true });
    expect(verification.figureDifferences).toEqual([{ figure: commitment, published: '€1 mln.', recomputed: expect.stringMatching(/^€/) }]);
    expect(named[commitment]).toBe('€1 mln.');
  });
});
