/**
 * An import refused for the faults of its file is recorded, as a refused request is: who tried it, the file by its
 * name and SHA-256, the mode and how many faults; nothing of its rows.
 */
import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/audit/verify.ts';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { apiClient, type ApiCall } from './client.ts';

/** Two deliveries with a category the register does not know and one without fault, under a column the template does not have. */
const csvFile = [
  'Eigen kenmerk;Titel;Soort steun;Categorie;Financieringsbron;Opmerking intern',
  'WEIGER-1;Generatoren geheim;Directe levering uit voorraad;Geen categorie;Defensiebegroting;zie map',
  'WEIGER-2;Tenten geheim;Directe levering uit voorraad;Geen categorie;Defensiebegroting;zie map',
  'WEIGER-3;Helmen geheim;Directe levering uit voorraad;Niet-letale goederen;Defensiebegroting;zie map',
].join('\r\n');
const bytes = Buffer.from(`${csvFile}\r\n`);
const upload = { fileName: 'leveringen.csv', content: bytes.toString('base64') };
const sha256 = createHash('sha256').update(bytes).digest('hex');

describeEachDatabase('a refused import', (database) => {
  let registrar: ApiCall;
  beforeAll(() => {
    registrar = apiClient(database().db, { role: 'registrar' });
  });
  const refusals = () => listAuditEvents(database().db, { action: 'import.refused', limit: 10 });

  it('is recorded with who, the file, the mode and how many faults, and nothing of its rows', async () => {
    expect((await registrar('POST', '/imports/dry-run', upload)).status).toBe(200);
    expect(await refusals()).toEqual([]);

    const refused = await registrar('POST', '/imports', { ...upload, mode: 'allOrNothing' });
    expect(refused.body).toMatchObject({ committed: false, counts: { create: 1, invalid: 2 } });
    const [event, ...more] = await refusals();
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      action: 'import.refused',
      result: 'failure',
      actor: { role: 'registrar' },
      object: { type: 'importFile', id: sha256 },
      detail: { fileName: 'leveringen.csv', sha256, mode: 'allOrNothing', rowsWithFaults: 2, headerFaults: 1, faults: 3 },
    });
    expect(JSON.stringify(event)).not.toMatch(/geheim|WEIGER|zie map/);
    expect((await verifyAuditTrail(database().db)).ok).toBe(true);
  });

  it('is not where only the valid rows are asked for: those with a fault are left out as asked, which the import counts', async () => {
    const before = await refusals();
    const allFaulty = Buffer.from(`${csvFile.split('\r\n').slice(0, 3).join('\r\n')}\r\n`);
    const nothingValid = await registrar('POST', '/imports', { fileName: 'fout.csv', content: allFaulty.toString('base64'), mode: 'onlyValid' });
    expect(nothingValid.body).toMatchObject({ committed: false, counts: { create: 0, invalid: 2 } });
    const committed = await registrar('POST', '/imports', { ...upload, mode: 'onlyValid' });
    expect(committed.body).toMatchObject({ committed: true });
    expect(await refusals()).toEqual(before);
    expect((await listAuditEvents(database().db, { action: 'import.commit', limit: 1 }))[0]).toMatchObject({ object: { id: committed.body.importId }, detail: { skippedRows: 2 } });
  });
});
