/**
 * An entry added to an object's history (a commitment's stage, an EPF claim's assessment, receipt or blockage,
 * a milestone's progress, a co-production project's stage, a delivery's disclosure decision, valuation or
 * payment or the withdrawal of one, a stock delivery's readiness judgement or decision not to replace it, its
 * export-control override, assessment or licence, a company's disclosure decision, a training programme's
 * contribution) may send If-Match
 * with the version of the history the caller read: when someone added to it since, it gets 412 with the
 * current ETag and nothing is added. Without If-Match the entry is added as before.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { licenceFor, positiveAssessment } from '../support/export-control.ts';
import { apiClient, type ApiCall } from './client.ts';

const day = (n: number) => `2025-07-${String(n + 1).padStart(2, '0')}`;

interface History {
  name: string;
  /** Makes a new object; answers where to add to its history, the version it reads now, and the n-th entry to add. */
  prepare: () => Promise<{ add: (entry: number, headers?: Record<string, string>) => Promise<any>; read: () => Promise<{ etag: string | null; version: number }> }>;
}

describeEachDatabase('If-Match on entries added to a history', (database) => {
  let finance: ApiCall;
  let registrar: ApiCall;
  let officer: ApiCall;
  let assessor: ApiCall;
  let licensing: ApiCall;
  beforeAll(() => {
    assessor = apiClient(database().db, { role: 'exportControlAssessor' });
    licensing = apiClient(database().db, { role: 'licensingOfficer' });
    finance = apiClient(database().db, { role: 'finance' });
    registrar = apiClient(database().db, { role: 'registrar' });
    officer = apiClient(database().db, { role: 'disclosureOfficer' });
  });

  const created = async (call: ApiCall, path: string, body: object) => {
    const response = await call('POST', path, body);
    expect(response.status).toBe(201);
    return response.body;
  };

  let companies = 0;
  const industryItem = async (find: (overview: any) => any) => {
    const read = await registrar('GET', '/industry');
    return find(read.body);
  };

  const HISTORIES: History[] = [
    {
      name: 'a commitment’s stages',
      prepare: async () => {
        const { id } = await created(finance, '/budget/commitments', {
          title: `Verplichting ${randomUUID()}`, fund: 'internationalSecurityBudget', budgetYear: 2026, stage: 'pledged', amountCents: 100, effectiveOn: '2025-04-15',
        });
        return {
          add: (entry, headers) => finance('POST', `/budget/commitments/${id}/stages`, { stage: 'committed', amountCents: 200 + entry, effectiveOn: day(entry) }, headers),
          read: async () => {
            const read = await finance('GET', `/budget/commitments/${id}`);
            return { etag: read.headers.get('etag'), version: read.body.version };
          },
        };
      },
    },
    {
      name: 'an EPF claim’s history',
      prepare: async () => {
        const { claim } = await created(finance, '/epf/claims', { reference: `EPF-${randomUUID()}`, batch: 'Voorraad', period: '2024', declaredCents: 1000, declaredOn: '2025-01-15' });
        return {
          add: (entry, headers) =>
            finance('POST', `/epf/claims/${claim.id}/blockages`, entry % 2 === 0 ? { blocked: true, effectiveOn: day(entry), reason: 'Veto' } : { blocked: false, effectiveOn: day(entry) }, headers),
          read: async () => {
            const read = await finance('GET', `/epf/claims/${claim.id}`);
            return { etag: read.headers.get('etag'), version: read.body.version };
          },
        };
      },
    },
    {
      name: 'a milestone’s progress',
      prepare: async () => {
        const company = await created(registrar, '/companies', { name: `Bedrijf ${randomUUID()}`, country: 'NL', registrationNumber: String((companies += 1) + 20_000_000) });
        const reference = `G2B-${randomUUID()}`;
        await created(registrar, '/industry-contracts', { companyId: company.id, reference, subject: 'Drones', amountCents: 100, signedOn: '2025-06-01', milestones: [{ title: 'Levering', dueOn: '2025-12-01' }] });
        const milestone = () => industryItem((overview) => overview.companies.find((item: any) => item.id === company.id).contracts[0].milestones[0]);
        const { id } = await milestone();
        return {
          add: (entry, headers) => registrar('POST', `/contract-milestones/${id}/progress`, { percent: 10 + entry, reportedOn: day(entry) }, headers),
          read: async () => ({ etag: null, version: (await milestone()).version }),
        };
      },
    },
    {
      name: 'a co-production project’s stages',
      prepare: async () => {
        const { id } = await created(registrar, '/coproduction-projects', { title: `Project ${randomUUID()}`, partner: 'Partner', stage: 'intention', reachedOn: '2025-03-01' });
        return {
          add: (entry, headers) => registrar('POST', `/coproduction-projects/${id}/stages`, { stage: 'memorandum', reachedOn: day(entry) }, headers),
          read: async () => ({ etag: null, version: (await industryItem((overview) => overview.coproductionProjects.find((item: any) => item.id === id))).version }),
        };
      },
    },
    {
      name: 'a delivery’s disclosure decisions',
      prepare: async () => {
        const { id } = await created(registrar, '/deliveries', stockDelivery);
        return {
          add: (entry, headers) =>
            officer('POST', '/disclosure-decisions', { deliveryIds: [id], state: 'confidential', ground: 'operationalSecurity', note: `Besluit ${entry}` }, headers),
          read: async () => {
            const read = await officer('GET', `/deliveries/${id}/disclosure-decisions`);
            return { etag: read.headers.get('etag'), version: read.body.version };
          },
        };
      },
    },
    {
      name: 'a company’s disclosure decisions',
      prepare: async () => {
        const { id } = await created(registrar, '/companies', { name: `Bedrijf ${randomUUID()}`, country: 'UA', registrationNumber: String((companies += 1) + 20_000_000) });
        return {
          add: (entry, headers) =>
            officer(
              'POST',
              `/companies/${id}/disclosure-decisions`,
              entry % 2 === 0 ? { state: 'public', publicName: `Bedrijf ${entry}` } : { state: 'confidential', ground: 'companyInterests', note: `Besluit ${entry}` },
              headers,
            ),
          read: async () => ({ etag: null, version: (await industryItem((overview) => overview.companies.find((item: any) => item.id === id))).version }),
        };
      },
    },
    {
      name: 'a stock delivery’s judgements and decisions not to replace',
      prepare: async () => {
        const { id } = await created(registrar, '/deliveries', stockDelivery);
        return {
          add: (entry, headers) =>
            entry % 2 === 0
              ? registrar('POST', `/deliveries/${id}/readiness-judgements`, { effect: 'none', reasoning: `Oordeel ${entry}`, judgedOn: day(entry) }, headers)
              : registrar('POST', `/deliveries/${id}/non-replacement-decisions`, { decidedOn: day(entry), reason: `Besluit ${entry}` }, headers),
          read: async () => {
            const read = await registrar('GET', `/readiness/deliveries/${id}`);
            return { etag: read.headers.get('etag'), version: read.body.version };
          },
        };
      },
    },
    {
      name: 'a delivery’s export control (overrides, assessments and licences)',
      prepare: async () => {
        const { id } = await created(registrar, '/deliveries', { ...stockDelivery, category: 'ammunition', realisedAt: null });
        const read = async () => {
          const control = await licensing('GET', `/deliveries/${id}/export-control`);
          return { etag: control.headers.get('etag'), version: control.body.version as number, latest: control.body.assessments[0]?.id as string | undefined };
        };
        return {
          add: async (entry, headers) => {
            if (entry % 3 === 0) return assessor('POST', `/deliveries/${id}/export-assessments`, positiveAssessment, headers);
            if (entry % 3 === 1) return licensing('POST', `/deliveries/${id}/export-licences`, licenceFor((await read()).latest!, 'ammunition'), headers);
            return assessor('POST', `/deliveries/${id}/export-requirement`, { required: true, reason: `Herbeoordeeld ${entry}`, effectiveOn: '2025-01-01' }, headers);
          },
          read,
        };
      },
    },
    {
      name: 'a training programme’s contributions',
      prepare: async () => {
        const key = `p-${randomUUID().slice(0, 8)}`;
        const { id } = await created(registrar, '/training-programmes', { key, name: `Ontmijning ${key}`, hostCountry: 'LT', framework: 'bilateral' });
        return {
          add: (entry, headers) => registrar('POST', `/training-programmes/${id}/contributions`, { periodFrom: '2025-01-01', countsUpTo: day(entry), trainers: 10 + entry }, headers),
          // Its ETag is the programme's own version, for a change of the programme, which a contribution leaves as it is.
          read: async () => ({ etag: null, version: (await registrar('GET', `/training-programmes/${id}`)).body.contributionsVersion }),
        };
      },
    },
    ...(['valuations', 'payments'] as const).map((kind): History => ({
      name: `a delivery’s ${kind}`,
      prepare: () => moneyOf(kind),
    })),
    ...(['valuations', 'payments'] as const).map((kind): History => ({
      name: `a delivery’s ${kind} withdrawn`,
      prepare: async () => {
        const { add, read } = await moneyOf(kind);
        const entries: { id: string }[] = [];
        for (let n = 0; n < 5; n += 1) entries.push((await add(n)).body);
        return {
          add: (n, headers) => (kind === 'valuations' ? registrar : finance)('POST', `/${kind}/${entries[n]!.id}/withdrawal`, { withdrawnOn: day(n), reason: `Fout ${n}` }, headers),
          read,
        };
      },
    })),
  ];

  /** A new delivery that takes valuations or payments; a valuation or payment, and a withdrawal, raise its version. */
  async function moneyOf(kind: 'valuations' | 'payments') {
    const { id } = await created(registrar, '/deliveries', kind === 'valuations' ? stockDelivery : procurement);
    const entry = (n: number) =>
      kind === 'valuations' ? { amountCents: 1000 + n, basis: 'replacementValue', effectiveDate: day(n) } : { amountCents: 1000 + n, paidOn: day(n), reference: `F-${n}` };
    return {
      add: (n: number, headers?: Record<string, string>) => (kind === 'valuations' ? registrar : finance)('POST', `/deliveries/${id}/${kind}`, entry(n), headers),
      read: async () => {
        const read = await registrar('GET', `/deliveries/${id}`);
        return { etag: read.headers.get('etag'), version: read.body.version as number };
      },
    };
  }

  for (const history of HISTORIES) {
    it(`adds to ${history.name} against the version read, and refuses a stale one with 412, adding nothing`, async () => {
      const { add, read } = await history.prepare();
      const first = await read();
      if (first.etag !== null) expect(first.etag).toBe(`"${first.version}"`);

      const added = await add(0, { 'If-Match': `"${first.version}"` });
      expect(added.status).toBe(201);
      expect(added.headers.get('etag')).toBe(`"${first.version + 1}"`);
      expect((await read()).version).toBe(first.version + 1);

      // Someone who read the first version adds after that: refused, with the version there is now.
      const stale = await add(1, { 'If-Match': `"${first.version}"` });
      expect(stale.status).toBe(412);
      expect(stale.headers.get('etag')).toBe(`"${first.version + 1}"`);
      expect((await read()).version).toBe(first.version + 1);
      expect((await add(1, { 'If-Match': `W/"${first.version + 1}"` })).status).toBe(412);

      // A list with the current version, *, or no If-Match at all go ahead.
      expect((await add(1, { 'If-Match': `"${first.version}", "${first.version + 1}"` })).status).toBe(201);
      expect((await add(2, { 'If-Match': '*' })).status).toBe(201);
      const without = await add(3);
      expect(without.status).toBe(201);
      expect(without.headers.get('etag')).toBe(`"${first.version + 4}"`);
      expect((await read()).version).toBe(first.version + 4);

      const malformed = await add(4, { 'If-Match': 'versie 3' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.invalidParams).toMatchObject([{ name: 'If-Match', code: 'invalidIfMatch' }]);
      expect((await read()).version).toBe(first.version + 4);
    });
  }

  for (const history of HISTORIES) {
    it(`of two entries racing to ${history.name} with the same If-Match, adds exactly one; a retry of the one added answers the same`, async () => {
      const { add, read } = await history.prepare();
      const { version } = await read();
      const key = randomUUID();
      const answers = await Promise.all([add(0, { 'If-Match': `"${version}"`, 'Idempotency-Key': key }), add(0, { 'If-Match': `"${version}"` })]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 412]);
      expect((await read()).version).toBe(version + 1);
      if (answers[0].status === 201) {
        const retried = await add(0, { 'If-Match': `"${version}"`, 'Idempotency-Key': key });
        expect(retried).toMatchObject({ status: 201, body: answers[0].body });
        expect(retried.headers.get('etag')).toBe(`"${version + 1}"`);
        expect((await read()).version).toBe(version + 1);
      }
    });
  }

  it('answers a new commitment and a new claim with the ETag of their history, as their GET does', async () => {
    const commitment = await finance('POST', '/budget/commitments', { title: `Verplichting ${randomUUID()}`, fund: 'internationalSecurityBudget', budgetYear: 2026, stage: 'pledged', amountCents: 100, effectiveOn: '2025-04-15' });
    expect(commitment.headers.get('etag')).toBe('"1"');
    expect((await finance('GET', commitment.headers.get('location')!.replace(/^.*\/budget/, '/budget'))).headers.get('etag')).toBe('"1"');
    const claim = await finance('POST', '/epf/claims', { reference: `EPF-${randomUUID()}`, batch: 'Voorraad', period: '2024', declaredCents: 1000, declaredOn: '2025-01-15' });
    expect(claim.headers.get('etag')).toBe('"0"');
    expect((await finance('GET', `/epf/claims/${claim.body.claim.id}`)).headers.get('etag')).toBe('"0"');
  });

  it('keeps the version of a programme’s contributions apart from the programme’s own: a change of the programme read before a contribution goes ahead', async () => {
    const key = `p-${randomUUID().slice(0, 8)}`;
    const programme = { key, name: `Ontmijning ${key}`, hostCountry: 'LT', framework: 'bilateral' };
    const { id } = await created(registrar, '/training-programmes', programme);
    const read = await registrar('GET', `/training-programmes/${id}`);
    expect([read.headers.get('etag'), read.body.contributionsVersion]).toEqual([`"${read.body.version}"`, 0]);
    const counted = await registrar('POST', `/training-programmes/${id}/contributions`, { periodFrom: '2025-01-01', countsUpTo: '2025-06-01', trainers: 4 }, { 'If-Match': '"0"' });
    expect([counted.status, counted.headers.get('etag')]).toEqual([201, '"1"']);
    const changed = await registrar('PUT', `/training-programmes/${id}`, { ...programme, name: 'Ontmijning en EOD' }, { 'If-Match': read.headers.get('etag')! });
    expect(changed.status).toBe(200);
    expect(changed.body.contributionsVersion).toBe(1);
  });

  it('answers 404 to an entry with If-Match: * for an object that does not exist', async () => {
    const missing = randomUUID();
    expect((await finance('POST', `/budget/commitments/${missing}/stages`, { stage: 'committed', amountCents: 1, effectiveOn: '2025-06-01' }, { 'If-Match': '*' })).status).toBe(404);
    expect((await finance('POST', `/epf/claims/${missing}/blockages`, { blocked: true, effectiveOn: '2025-06-01', reason: 'Veto' }, { 'If-Match': '*' })).status).toBe(404);
  });

  it('refuses If-Match with a decision on more than one delivery, as it is the version of one delivery’s decisions', async () => {
    const deliveries = [await created(registrar, '/deliveries', stockDelivery), await created(registrar, '/deliveries', stockDelivery)];
    const decision = { deliveryIds: deliveries.map((delivery) => delivery.id), state: 'confidential', ground: 'operationalSecurity' };
    const refused = await officer('POST', '/disclosure-decisions', decision, { 'If-Match': '"0"', 'Accept-Language': 'en' });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams).toEqual([
      { name: 'If-Match', code: 'ifMatchForOneDelivery', reason: 'If-Match is the version of the decisions on one delivery; send it only with a decision on one delivery.' },
    ]);
    const decided = await officer('POST', '/disclosure-decisions', decision);
    expect(decided.status).toBe(201);
    expect(decided.headers.get('etag')).toBeNull();

    // A delivery named by its id in capitals: the ETag is the version of its decisions, as the register writes its id.
    const [one] = deliveries;
    const again = await officer('POST', '/disclosure-decisions', { ...decision, deliveryIds: [one!.id.toUpperCase()] });
    expect([again.status, again.headers.get('etag')], JSON.stringify(again.body)).toEqual([201, '"2"']);
  });
});
