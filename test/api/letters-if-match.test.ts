/**
 * Every step that changes a final letter (sending it, recording its publication, correcting the
 * publication details) is based on the version its author read, as every change of a draft is: without
 * If-Match it is refused (428), with a stale one too (412), changing nothing; of two at once based on the
 * same version exactly one is done, and the other is told the letter changed. The OpenAPI description says so.
 */
import { beforeAll, expect, it } from 'vitest';
import { loadDemonstrationData } from '../../src/register/demonstration.ts';
import { PREVIOUS_LETTER } from '../../src/db/seed/demonstration-disclosure.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { submitAndApprove } from '../support/letters.ts';
import { apiClient, type ApiCall } from './client.ts';

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

describeEachDatabase('changes of a final letter need the version they are based on', (database) => {
  let author: ApiCall;
  let published: string;
  let august: string;

  beforeAll(async () => {
    const { db } = database();
    await loadDemonstrationData(db);
    author = apiClient(db, { role: 'letterAuthor' });
    const disclosure = apiClient(db, { role: 'disclosureOfficer' });
    const letters = (await author('GET', '/letters')).body.items;
    published = letters.find((letter: { referenceDate: string }) => letter.referenceDate === PREVIOUS_LETTER.referenceDate).id;
    const draft = letters.find((letter: { referenceDate: string }) => letter.referenceDate === '2025-08-31');
    const approved = await submitAndApprove({ author, disclosure }, draft.id, `"${draft.version}"`);
    expect((await author('POST', `/letters/${draft.id}/finalisation`, {}, { 'If-Match': approved.headers.get('ETag')! })).status).toBe(200);
    august = draft.id;
  });

  const read = async (id: string) => (await author('GET', `/letters/${id}`)).body;

  /** Without If-Match 428, with a stale one 412 (naming the current version), and the letter as it was. */
  async function expectRefusedWithoutCurrentVersion(id: string, path: string, body: object | undefined): Promise<void> {
    const before = await read(id);
    const without = await author('POST', path, body);
    expect(without.status).toBe(428);
    expect(without.headers.get('Content-Type')).toContain('application/problem+json');
    const stale = await author('POST', path, body, ifMatch(before.version - 1));
    expect(stale.status).toBe(412);
    expect(stale.headers.get('ETag')).toBe(`"${before.version}"`);
    expect(await read(id)).toEqual(before);
  }

  /** Two requests at once based on the same version: one is done, the other refused as stale. */
  async function race(id: string, path: string, bodies: [object | undefined, object | undefined]) {
    const { version } = await read(id);
    const answers = await Promise.all(bodies.map((body) => author('POST', path, body, ifMatch(version))));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
    return answers.find((answer) => answer.status === 200)!;
  }

  it('sends a letter only at its current version, once', async () => {
    await expectRefusedWithoutCurrentVersion(august, `/letters/${august}/sending`, undefined);
    const sent = await race(august, `/letters/${august}/sending`, [undefined, undefined]);
    expect(sent.body.sentAt).not.toBeNull();
    expect(sent.headers.get('ETag')).toBe(`"${sent.body.version}"`);
  });

  it('records a publication only at the current version, once', async () => {
    const path = `/letters/${august}/publication`;
    await expectRefusedWithoutCurrentVersion(august, path, { paperNumber: 'Kamerstuk 22 054, nr. 460', publishedOn: '2025-09-10' });
    const recorded = await race(august, path, [
      { paperNumber: 'Kamerstuk 22 054, nr. 460', publishedOn: '2025-09-10' },
      { paperNumber: 'Kamerstuk 22 054, nr. 461', publishedOn: '2025-09-10' },
    ]);
    const letter = await read(august);
    expect(letter.paperNumber).toBe(recorded.body.paperNumber);
    expect(letter.publications).toHaveLength(1);
  });

  it('corrects the publication details only at the current version: two corrections of one version do not overwrite each other', async () => {
    const path = `/letters/${published}/publication-corrections`;
    const before = await read(published);
    // Below the number of the letter of August, which came in later.
    await expectRefusedWithoutCurrentVersion(published, path, { paperNumber: 'Kamerstuk 22 054, nr. 451', publishedOn: before.publishedOn, reason: 'Verkeerd nummer overgenomen' });
    const corrected = await race(published, path, [
      { paperNumber: 'Kamerstuk 22 054, nr. 451', publishedOn: before.publishedOn, reason: 'Verkeerd nummer overgenomen' },
      { paperNumber: 'Kamerstuk 22 054, nr. 452', publishedOn: before.publishedOn, reason: 'Nummer uit de Staatscourant' },
    ]);
    const letter = await read(published);
    expect(letter.version).toBe(before.version + 1);
    expect(letter.paperNumber).toBe(corrected.body.paperNumber);
    expect(letter.publications).toHaveLength(before.publications.length + 1);
    // The public copy carries the correction that was done.
    const anonymous = apiClient(database().db);
    expect((await anonymous('GET', `/public/letters/${published}`)).body.paperNumber).toBe(corrected.body.paperNumber);
  });

  it('describes If-Match, 412 and 428 on every step that changes a letter', async () => {
    const document = (await author('GET', '/openapi.json')).body;
    const changes = Object.entries(document.paths as Record<string, Record<string, any>>)
      .filter(([path]) => path.startsWith('/letters/{id}'))
      .flatMap(([path, operations]) => Object.entries(operations).filter(([method]) => method !== 'get').map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })))
      // The preview stores nothing.
      .filter(({ route }) => route !== 'POST /letters/{id}/preview');
    expect(changes.map(({ route }) => route)).toEqual(expect.arrayContaining(['POST /letters/{id}/sending', 'POST /letters/{id}/publication', 'POST /letters/{id}/publication-corrections']));
    for (const { route, operation } of changes) {
      expect(operation.parameters?.some((parameter: { in: string; name: string }) => parameter.in === 'header' && parameter.name === 'if-match'), route).toBe(true);
      expect(Object.keys(operation.responses), route).toEqual(expect.arrayContaining(['412', '428']));
    }
  });
});
