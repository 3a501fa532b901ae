/**
 * The permission matrix, exhaustively: every operation the API describes, for anonymous callers and
 * for every role (with and without a second factor), is answered as `isAllowed` says, and every
 * refusal leaves exactly one audit event that says who was refused what.
 */
import { assessClaim, createClaim } from '../../src/register/epf.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/api/access.ts';
import { createApi } from '../../src/api/app.ts';
import { createDraft, finalise } from '../../src/register/letters.ts';
import { recordPublication, sendLetter } from '../../src/register/letter-publication.ts';
import { submitAndApprove, submitForApproval } from '../../src/register/letter-review.ts';
import { decide } from '../../src/register/disclosure.ts';
import { systemContext } from '../../src/audit/trail.ts';
import { ACTIONS, isAllowed, isConfidential, ROLES, type Action, type Role } from '../../src/domain/access.ts';
import { insertAccount } from '../../src/db/repositories/accounts.ts';
import { addPayment, addValuation, createDelivery } from '../../src/register/deliveries.ts';
import { createCommitment, createDecision as createBudgetDecision } from '../../src/register/budget.ts';
import type { BudgetDecisionInput } from '../../src/domain/budget.ts';
import { createCompany, createContract, createCoproduction } from '../../src/register/industry.ts';
import { unsetDeliveryFields } from '../../src/domain/delivery.ts';
import { createApp } from '../../src/server.ts';
import { createLogger } from '../../src/logging.ts';
import { openScratchPGlite, type ScratchDatabase } from '../support/scratch-database.ts';
import { procurement, stockDelivery } from '../support/deliveries.ts';
import { createProgramme } from '../../src/register/training.ts';
import { createProject } from '../../src/register/readiness.ts';
import { sessionFor } from '../support/sessions.ts';
import { assess, grantInspection } from '../../src/register/export-control.ts';
import { licenceFor, positiveAssessment } from '../support/export-control.ts';
import { SIGNED } from '../support/letters.ts';

/** The paths that answer without a session, as the issue states them (independent of the code's own list). */
function isPublic(path: string): boolean {
  return path === '/openapi.json' || path === '/session' || path.startsWith('/session/') || path === '/public' || path.startsWith('/public/');
}

interface Operation {
  key: string;
  method: string;
  path: string;
  permission: Action | undefined;
  /** The action an allowed request is recorded under, where the operation names one other than its permission. */
  auditAction: string | undefined;
  hasIfMatch: boolean;
  bodyRequired: boolean;
}

interface Principal {
  label: string;
  role: Role | null;
  secondFactor: boolean;
}

/**
 * Requests that are valid for the operations known when this test was written: a permitted role gets
 * a 2xx for them. Operations added later get an empty JSON body where one is required, and a permitted
 * role then only has to get past the access check (any status but 401 and 403).
 */
const VALID_REQUESTS: Record<string, { query?: string; body?: () => unknown; letter?: LetterTarget }> = {
  'GET /deliveries': {},
  'POST /deliveries': { body: () => procurement },
  'GET /deliveries/{id}': {},
  'PUT /deliveries/{id}': { body: () => ({ ...procurement, title: 'Munitie, vervangen' }) },
  'PATCH /deliveries/{id}': { body: () => ({ title: 'Munitie, gewijzigd' }) },
  'DELETE /deliveries/{id}': {},
  'POST /deliveries/{id}/valuations': { body: () => ({ amountCents: 100_00, basis: 'contractPrice', effectiveDate: '2025-03-01', confirm: ['datedInSentLetterPeriod'] }) },
  'POST /deliveries/{id}/payments': { body: () => ({ amountCents: 100_00, paidOn: '2025-04-01', confirm: ['datedInSentLetterPeriod'] }) },
  'GET /figures': { query: '?referenceDate=2025-08-31&compareDate=2025-02-04' },
  'GET /figures/series': { query: '?from=2025-01-01&to=2025-08-31' },
  'GET /figures/next-letter-dates': {},
  'GET /accounts': {},
  'POST /accounts': {
    body: () => ({ username: `new-${randomUUID().slice(0, 8)}`, role: 'registrar', password: 'een lang genoeg wachtwoord' }),
  },
  'POST /accounts/{id}/role': { body: () => ({ role: 'finance' }) },
  'POST /accounts/{id}/email': { body: () => ({ email: 'iemand@example.org' }) },
  'POST /accounts/{id}/disable': {},
  'POST /accounts/{id}/password': { body: () => ({ password: 'een nieuw lang genoeg wachtwoord' }) },
  'GET /audit-events': {},
  // The review of drafts and the embargo of final letters: each request gets a letter of its own in the state it needs.
  'GET /letters/waiting-for-me': {},
  'DELETE /letters/{id}': { letter: 'draft' },
  'POST /letters/{id}/submission': { letter: 'draft' },
  'DELETE /letters/{id}/submission': { letter: 'submitted' },
  'POST /letters/{id}/rejection': { letter: 'submitted', body: () => ({ comment: 'De toelichting bij de tabel ontbreekt.' }) },
  'POST /letters/{id}/preview': { letter: 'draft', body: () => ({ blocks: [{ key: 'opening', heading: null, text: 'Stand per {{referenceDate}}.' }] }) },
  'POST /letters/{id}/sending': { letter: 'final' },
  'POST /letters/{id}/withdrawal': { letter: 'final', body: () => ({ reason: 'Per vergissing gedateerd in 2035.' }) },
  // Parliament reads the annex of a letter sent to it; staff who read letters also read one not yet sent (tested apart).
  'GET /letters/{id}/annex/{format}': { letter: 'sent' },
  'POST /letters/{id}/publication': { letter: 'sent', body: () => ({ paperNumber: nextPaperNumber(), publishedOn: '2026-06-01' }) },
  'POST /letters/{id}/publication-corrections': {
    letter: 'published',
    body: () => ({ paperNumber: nextPaperNumber(), publishedOn: '2026-06-01', reason: 'Verkeerd nummer overgenomen' }),
  },
  // The European Peace Facility
  'GET /epf/overview': { query: '?date=2025-08-31' },
  'GET /epf/tranches': {},
  'POST /epf/tranches': { body: () => ({ kind: 'windfallProfits', name: `Tranche ${randomUUID()}`, euAmountCents: 100_00, decidedOn: '2025-06-01', dutchRole: 'none' }) },
  'GET /epf/claims': { query: '?date=2025-08-31' },
  'POST /epf/claims': { body: () => ({ reference: `EPF-${randomUUID()}`, batch: 'Leveringen', period: '2024', declaredCents: 100_00, declaredOn: '2025-01-15', confirm: ['datedInSentLetterPeriod'] }) },
  'GET /epf/claims/{id}': {},
  'POST /epf/claims/{id}/assessments': { body: () => ({ compensatedCents: 50_00, assessedOn: '2025-03-01', confirm: ['datedInSentLetterPeriod'] }) },
  'POST /epf/claims/{id}/receipts': { body: () => ({ amountCents: 10_00, receivedOn: '2025-04-01' }) },
  'POST /epf/claims/{id}/blockages': { body: () => ({ blocked: true, effectiveOn: '2025-04-01', reason: 'Veto' }) },
  'GET /budget': {},
  'GET /budget/figures': { query: '?knownAt=2025-08-31' },
  'GET /budget/commitments': { query: '?q=NAVO&year=2026&fund=internationalSecurityBudget' },
  'GET /budget/commitments/{id}': {},
  'POST /budget/decisions': { body: () => ({ ...budgetDecision, moment: `Besluit ${randomUUID()}`, firstYear: 2025, lastYear: 2025, amounts: [{ budgetYear: 2025, amountCents: 100_00 }], confirm: ['datedInSentLetterPeriod'] }) },
  'POST /budget/shifts': { body: () => ({ moment: `Najaarsnota 2024 ${randomUUID()}`, decidedOn: '2024-11-29', fund: 'defenceBudget', fromYear: 2024, toYear: 2025, amountCents: 1 }) },
  'POST /budget/commitments': { body: () => ({ ...budgetCommitment, title: `Munitie ${randomUUID()}`, ...commitmentStage }) },
  'POST /budget/commitments/{id}/stages': { body: () => ({ ...commitmentStage, stage: 'committed', effectiveOn: '2025-06-01' }) },
  'GET /industry': { query: '?date=2025-08-31' },
  'POST /companies': { body: () => ({ name: `Drone Works ${randomUUID()}`, country: 'UA' }) },
  'POST /industry-contracts': {
    body: () => ({ companyId: industryCompanyId, reference: `G2B-${randomUUID()}`, subject: 'Drones', amountCents: 100_00, signedOn: '2025-03-01', milestones: [{ title: 'Levering', dueOn: '2025-06-01' }], confirm: ['datedInSentLetterPeriod'] }),
  },
  'POST /contract-milestones/{id}/progress': { body: () => ({ percent: 50, reportedOn: '2025-04-01' }) },
  'POST /price-developments': { body: () => ({ item: `Drone ${randomUUID()}`, earlierPriceCents: 100_00, earlierOn: '2024-03-01', paidPriceCents: 120_00, paidOn: '2025-03-01' }) },
  'POST /lessons-learned': { body: () => ({ notedOn: '2025-03-01', category: 'contracting', text: `Vooruitbetaling versnelt de levering ${randomUUID()}` }) },
  'POST /coproduction-projects': { body: () => ({ title: `Onbemande systemen ${randomUUID()}`, partner: 'Oekraïense partner', stage: 'intention', reachedOn: '2025-03-01', confirm: ['datedInSentLetterPeriod'] }) },
  'POST /coproduction-projects/{id}/stages': { body: () => ({ stage: 'memorandum', reachedOn: '2025-05-01' }) },
  'POST /demand-bundles': { body: () => ({ need: `Drones ${randomUUID()}`, category: 'drones', dutchQuantity: 10, ukrainianQuantity: 100, identifiedOn: '2025-03-01', confirm: ['datedInSentLetterPeriod'] }) },
  'POST /companies/{id}/disclosure-decisions': { body: () => ({ state: 'confidential', ground: 'companyInterests' }) },
  // Training and readiness.
  'GET /training-programmes': {},
  'POST /training-programmes': { body: () => uniqueProgramme() },
  'GET /training-programmes/{id}': {},
  'PUT /training-programmes/{id}': { body: () => uniqueProgramme() },
  'POST /training-programmes/{id}/contributions': { body: () => ({ periodFrom: '2024-01-01', countsUpTo: '2025-08-31', trainers: 3 }) },
  'GET /readiness': {},
  'GET /readiness/deliveries': {},
  'GET /readiness/deliveries/{id}': {},
  'POST /deliveries/{id}/readiness-judgements': { body: () => ({ effect: 'acceptable', reasoning: 'Voorraad volstaat.', judgedOn: '2025-08-31' }) },
  'POST /deliveries/{id}/non-replacement-decisions': { body: () => ({ decidedOn: '2025-08-31', reason: 'Verouderd; wordt niet vervangen.' }) },
  'POST /replenishment-projects': { body: () => replenishmentProject },
  'GET /replenishment-projects/{id}': {},
  'PUT /replenishment-projects/{id}': { body: () => ({ ...replenishmentProject, stage: 'contracted' }) },
  // Export control
  'GET /export-control/queues': {},
  'GET /deliveries/{id}/export-control': {},
  'POST /deliveries/{id}/export-requirement': { body: () => ({ required: false, reason: 'Geen goederen van de Militaire Lijst', effectiveOn: '2025-01-01' }) },
  'POST /deliveries/{id}/export-assessments': { body: () => positiveAssessment },
  'POST /export-assessments/{id}/inspection-grants': { body: () => ({ note: 'Verzoek van de vaste commissie' }) },
  'POST /deliveries/{id}/export-licences': { body: () => licenceFor(preparedAssessmentId, procurement.category) },
  'GET /export-assessments/inspectable': {},
  'GET /export-assessments/{id}': {},
  'GET /export-control/reports/{year}': {},
  'GET /export-control/reports/{year}/{report}': { query: '?format=csv' },
  // Corrections: each request withdraws an entry of its own.
  'POST /payments/{id}/withdrawal': { body: () => ({ withdrawnOn: '2025-04-01', reason: 'Dubbel geboekt', confirm: ['datedInSentLetterPeriod'] }) },
  'POST /valuations/{id}/withdrawal': { body: () => ({ withdrawnOn: '2025-03-01', reason: 'Tikfout', confirm: ['datedInSentLetterPeriod'] }) },
  // Import from spreadsheets
  'GET /imports/template': {},
  'POST /imports/dry-run': { body: () => importFile() },
  'POST /imports': { body: () => ({ ...importFile(), mode: 'onlyValid' }) },
  // Spreadsheet exports of the lists
  'GET /exports/deliveries': { query: '?format=csv' },
  'GET /exports/audit-events': { query: '?format=csv&objectType=delivery' },
  'GET /exports/disclosure-queue': {},
  'GET /exports/letters': {},
  'GET /exports/epf-claims': {},
  'GET /exports/accounts': {},
  'GET /exports/export-queues': {},
  'GET /exports/budget-commitments': {},
  'GET /exports/training-programmes': {},
  'GET /exports/readiness-deliveries': {},
  'GET /exports/replenishment-projects': {},
  'GET /exports/non-replacements': {},
  'GET /exports/industry-by-country': { query: '?date=2025-08-31' },
  'GET /exports/industry-contracts': { query: '?date=2025-08-31' },
  'GET /exports/price-developments': { query: '?date=2025-08-31' },
  'GET /exports/lessons-learned': { query: '?date=2025-08-31' },
  'GET /exports/coproduction-projects': { query: '?date=2025-08-31' },
  'GET /exports/demand-bundles': { query: '?date=2025-08-31' },
  'GET /exports/annexes': {},
  'GET /exports/budget-decisions': {},
  'GET /exports/budget-shifts': {},
  'GET /exports/epf-tranches': { query: '?date=2025-08-31' },
  'GET /exports/due-reviews': {},
  'GET /exports/to-decide-again': {},
};

/** A paper number no letter carries yet: each letter's is its own. */
let paperNumbers = 1000;
const nextPaperNumber = () => `Kamerstuk 22 054, nr. ${++paperNumbers}`;

/** A CSV file of one delivery, under a reference of its own each time. */
let importedFiles = 0;
function importFile() {
  const csv = `Eigen kenmerk;Titel;Soort steun;Categorie;Financieringsbron\nPERM-${++importedFiles};Helmen;stock;nonLethal;defenceBudget\n`;
  return { fileName: 'leveringen.csv', content: Buffer.from(csv).toString('base64') };
}

/** The budget the budget's routes work on: a year whose budget the valid shifts take a cent of each. */
const budgetDecision: BudgetDecisionInput = { moment: 'Miljoenennota 2024', decidedOn: '2023-09-19', fund: 'defenceBudget', firstYear: 2024, lastYear: 2024, amounts: [{ budgetYear: 2024, amountCents: 1_000_000_00 }], description: '' };
const budgetCommitment = { title: 'Munitie 2025', fund: 'defenceBudget', budgetYear: 2025, deliveryId: null, contractReference: null } as const;
const commitmentStage = { stage: 'pledged', amountCents: 100_00, effectiveOn: '2025-04-01', note: '' } as const;

/** The company the valid contract request names (made before the requests are sent). */
let industryCompanyId = '';

/** A programme under a short name and a name of its own: each is registered once. */
const uniqueProgramme = () => {
  const key = `p-${randomUUID().slice(0, 8)}`;
  return { key, name: `Training ${key}`, hostCountry: 'GB', framework: 'coalition' } as const;
};
const replenishmentProject = { name: 'Vervanging', stage: 'identified', asOf: '2025-08-31' } as const;

/** The positive assessment of the delivery a licence route is tried on (made with its path). */
let preparedAssessmentId = '';
type LetterTarget = 'draft' | 'submitted' | 'final' | 'sent' | 'published';

const PRINCIPALS: Principal[] = [
  { label: 'anonymous', role: null, secondFactor: false },
  ...ROLES.map((role) => ({ label: `${role} with second factor`, role, secondFactor: true })),
  ...ROLES.map((role) => ({ label: `${role} without second factor`, role, secondFactor: false })),
];

describe('the permission matrix on every route', () => {
  let scratch: ScratchDatabase;
  let api: ReturnType<typeof createApi>;
  let document: any;
  let operations: Operation[];
  /** A final letter: the object of the routes of letters (its annex, renderings, verification). */
  let finalLetterId: string;
  /** Which principals each operation was tried with. */
  const covered = new Map<string, Set<string>>();

  const db = () => scratch.handle.db;

  beforeAll(async () => {
    scratch = await openScratchPGlite();
    api = createApi({ db: db(), onError: (error) => { throw error; } });
    const draft = await createDraft(db(), systemContext('test'), { ...SIGNED, referenceDate: '2025-01-31', letterDate: '2025-02-01' });
    const approved = await submitAndApprove(db(), systemContext('test'), draft.id, draft.version);
    finalLetterId = (await finalise(db(), systemContext('test'), draft.id, approved.version)).id;
    await createBudgetDecision(db(), systemContext('test'), budgetDecision);
    industryCompanyId = (await createCompany(db(), systemContext('test'), { name: 'Drone Works', country: 'UA', registrationNumber: null })).id;
    const response = await api.request('/openapi.json');
    expect(response.status).toBe(200);
    document = await response.json();
    operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        permission: operation['x-permission'],
        auditAction: operation['x-audit-action'],
        hasIfMatch: (operation.parameters ?? []).some((parameter: any) => parameter.in === 'header' && parameter.name === 'if-match'),
        bodyRequired: operation.requestBody?.required === true,
      })),
    );
  });
  afterAll(() => scratch?.dispose());

  const sessionOf = (role: Role, secondFactor: boolean) => sessionFor(db(), role, { secondFactor });

  async function lastSeq(): Promise<number> {
    const row = await db().selectFrom('auditEvent').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row?.seq ?? 0;
  }

  async function eventsAfter(seq: number) {
    const rows = await db().selectFrom('auditEvent').selectAll().where('seq', '>', seq).orderBy('seq').execute();
    return rows.map((row) => ({ ...row, detail: (JSON.parse(row.canonical) as { detail: any }).detail }));
  }

  /** Letters follow each other in time: each new one is a day after the one before. */
  let nextLetterDay = 0;

  /** A new letter in the state a request needs, with its version (the If-Match it is sent with). */
  async function letterIn(state: LetterTarget): Promise<{ id: string; version: number }> {
    const context = systemContext('test');
    const referenceDate = new Date(Date.UTC(2025, 1, 1 + nextLetterDay++)).toISOString().slice(0, 10);
    let letter = await createDraft(db(), context, { ...SIGNED, referenceDate, letterDate: '2026-06-01' });
    if (state === 'submitted') letter = await submitForApproval(db(), context, letter.id, letter.version);
    if (state === 'final' || state === 'sent' || state === 'published') {
      // Whatever the requests registered counts in the letter's figures: decided confidential first.
      const undecided = await db().selectFrom('delivery').select('id').where('disclosureState', '=', 'undecided').where('deletedAt', 'is', null).execute();
      if (undecided.length > 0) await decide(db(), context, undecided.map((row) => row.id), { state: 'confidential', ground: 'operationalSecurity', reviewOn: null, note: '' });
      letter = await finalise(db(), context, letter.id, (await submitAndApprove(db(), context, letter.id, letter.version)).version);
      // A final letter is withdrawn only while no later one is final: one kept for a withdrawal gets a new one. So
      // is a draft submitted or approved only while none is: one kept for a request on a draft gets a new one too.
      untouchedTargets.delete(WITHDRAWAL);
      for (const [key, request] of Object.entries(VALID_REQUESTS)) if (request.letter === 'draft' || request.letter === 'submitted') untouchedTargets.delete(key);
    }
    if (state === 'sent' || state === 'published') {
      await publishLettersBefore(letter.id);
      letter = await sendLetter(db(), context, letter.id, letter.version);
    }
    if (state === 'published') letter = await publish(letter.id);
    return letter;
  }

  const publish = (id: string) => recordPublication(db(), systemContext('test'), id, '*', { paperNumber: nextPaperNumber(), publishedOn: '2026-06-01' });

  /**
   * Letters are published in order: the final letters a letter follows are sent and published first. A
   * letter kept for a change's next request is then no longer in the state it was made in: that change
   * gets a new one. A read keeps it: the reads of letters need a letter sent, and one published was.
   */
  async function publishLettersBefore(id: string): Promise<void> {
    const { previousLetterId } = await db().selectFrom('letter').select('previousLetterId').where('id', '=', id).executeTakeFirstOrThrow();
    if (previousLetterId === null) return;
    const previous = await db().selectFrom('letter').select(['sentAt', 'publishedAt']).where('id', '=', previousLetterId).executeTakeFirstOrThrow();
    if (previous.publishedAt !== null) return;
    await publishLettersBefore(previousLetterId);
    if (previous.sentAt === null) await sendLetter(db(), systemContext('test'), previousLetterId, '*');
    await publish(previousLetterId);
    for (const [key, target] of untouchedTargets) if (target.letter?.id === previousLetterId && !isRead(key)) untouchedTargets.delete(key);
  }

  /** A fresh delivery (and account) for each request, so that a permitted delete or disable spoils no later request. */
  async function concretePath(operation: Operation, letter: { id: string } | undefined): Promise<string> {
    if (!operation.path.includes('{')) return operation.path;
    let id: string;
    if (letter) {
      id = letter.id;
    } else if (operation.path.startsWith('/letters/') || operation.path.startsWith('/public/letters/')) {
      id = finalLetterId;
    } else if (operation.path.startsWith('/accounts/')) {
      id = await insertTarget();
    } else if (operation.path.startsWith('/epf/claims/')) {
      id = await assessedClaim();
    } else if (operation.path.startsWith('/budget/commitments/')) {
      id = (await createCommitment(db(), systemContext('test'), { ...budgetCommitment, title: `Munitie ${randomUUID()}` }, commitmentStage)).id;
    } else if (operation.path.startsWith('/companies/')) {
      id = (await createCompany(db(), systemContext('test'), { name: `Defensiebedrijf ${randomUUID()}`, country: 'NL', registrationNumber: null })).id;
    } else if (operation.path.startsWith('/contract-milestones/')) {
      const contract = await createContract(db(), systemContext('test'), {
        companyId: industryCompanyId, reference: `G2B-${randomUUID()}`, subject: 'Munitie', amountCents: 100_00, signedOn: '2025-03-01', deliveryIds: [], milestones: [{ title: 'Levering', dueOn: '2025-06-01' }],
      }, ['datedInSentLetterPeriod']);
      id = (await db().selectFrom('contractMilestone').select('id').where('contractId', '=', contract.id).executeTakeFirstOrThrow()).id;
    } else if (operation.path.startsWith('/coproduction-projects/')) {
      id = (await createCoproduction(db(), systemContext('test'), { title: `Coproductie ${randomUUID()}`, partner: 'Partner', stage: 'intention', reachedOn: '2025-03-01', note: '' }, ['datedInSentLetterPeriod'])).id;
    } else if (operation.path.startsWith('/training-programmes/')) {
      id = (await createProgramme(db(), systemContext('test'), { ...uniqueProgramme(), systemTrainedOn: null, description: '', deliveryIds: [] })).id;
    } else if (operation.path.startsWith('/replenishment-projects/')) {
      id = (await createProject(db(), systemContext('test'), { ...replenishmentProject, budgetCents: null, expectedOn: null, note: '', replaces: [], reason: '' })).id;
    } else if (operation.path.startsWith('/payments/') || operation.path.startsWith('/valuations/')) {
      const delivery = await createDelivery(db(), systemContext('test'), { ...unsetDeliveryFields(), ...procurement });
      // Dated in the period of a letter sent by then.
      const confirmed = ['datedInSentLetterPeriod'] as const;
      id = operation.path.startsWith('/payments/')
        ? (await addPayment(db(), systemContext('test'), delivery.id, { amountCents: 100_00, paidOn: '2025-04-01', reference: null, note: '' }, undefined, confirmed)).id
        : (await addValuation(db(), systemContext('test'), delivery.id, { amountCents: 100_00, basis: 'contractPrice', effectiveDate: '2025-03-01', currency: 'EUR', originalAmountMinor: null, exchangeRate: null, note: '' }, undefined, confirmed)).id;
    } else if (/readiness|replacement/.test(operation.path)) {
      id = (await createDelivery(db(), systemContext('test'), { ...unsetDeliveryFields(), ...stockDelivery })).id;
    } else if (operation.path.startsWith('/export-control/reports/')) {
      return operation.path.replace('{year}', '2025').replace('{report}', 'att');
    } else if (operation.path.startsWith('/export-assessments/') || operation.path.endsWith('/export-licences')) {
      const delivery = await createDelivery(db(), systemContext('test'), { ...unsetDeliveryFields(), ...procurement });
      const assessment = await assess(db(), systemContext('test'), delivery.id, positiveAssessment);
      // Inspection granted already, so that parliament may read it; not for the request that grants it, which a second grant refuses.
      if (operation.key !== 'POST /export-assessments/{id}/inspection-grants') await grantInspection(db(), systemContext('test'), assessment.id, '');
      preparedAssessmentId = assessment.id;
      id = operation.path.startsWith('/export-assessments/') ? assessment.id : delivery.id;
    } else {
      id = (await createDelivery(db(), systemContext('test'), {
        ...unsetDeliveryFields(),
        ...procurement,
      })).id;
    }
    return operation.path.replace('{format}', 'html').replace(/\{[^}]+\}/g, id);
  }

  /** A claim compensated in full, so that money can be received on it. */
  async function assessedClaim(): Promise<string> {
    const input = { reference: `EPF-${randomUUID()}`, deliveryId: null, batch: 'Leveringen', trancheId: null, period: '2024', declaredCents: 100_00, declaredOn: '2025-01-15', note: '' };
    // Dated in the period of a letter sent by then.
    const confirmed = ['datedInSentLetterPeriod'] as const;
    const { claim } = await createClaim(db(), systemContext('test'), input, confirmed);
    await assessClaim(db(), systemContext('test'), claim.id, { compensatedCents: 100_00, assessedOn: '2025-02-01', remainderExpectedBy: null, note: '' }, undefined, confirmed);
    return claim.id;
  }

  async function insertTarget(): Promise<string> {
    const account = await insertAccount(db(), {
      id: randomUUID(),
      username: `target-${randomUUID().slice(0, 8)}`,
      displayName: 'Target',
      role: 'registrar',
      // A password an administrator may set anew (the hash is never checked here).
      passwordHash: 'argon2id hash',
      totpSecret: null,
      oidcSubject: null,
    });
    return account.id;
  }

  /** What a request of the operation works on: its path, with the objects made for it, and the letter it names. */
  interface Target {
    path: string;
    letter: { id: string; version: number } | undefined;
    /** The assessment made with the path, which the body of a licence names. */
    assessmentId: string;
  }

  /**
   * The targets of reads, and those whose last request the access check refused: neither changes
   * anything, so the next principal's request of the operation is sent to the same objects; after any
   * other answer it gets new ones.
   */
  const untouchedTargets = new Map<string, Target>();
  const isRead = (operationKey: string) => operationKey.startsWith('GET ');
  const WITHDRAWAL = 'POST /letters/{id}/withdrawal';

  async function targetOf(operation: Operation): Promise<Target> {
    const untouched = untouchedTargets.get(operation.key);
    if (untouched) return untouched;
    const known = VALID_REQUESTS[operation.key];
    const letter = known?.letter ? await letterIn(known.letter) : undefined;
    const path = (await concretePath(operation, letter)) + (known?.query ?? '');
    return { path, letter, assessmentId: preparedAssessmentId };
  }

  /** Sends the operation; the objects it works on are made before `beforeSend`, which starts counting audit events. */
  async function send(operation: Operation, cookie: string | undefined, beforeSend: () => Promise<void>) {
    const known = VALID_REQUESTS[operation.key];
    // The path first: the body of a licence names the assessment made for its path.
    const target = await targetOf(operation);
    preparedAssessmentId = target.assessmentId;
    const body = known?.body?.() ?? (operation.bodyRequired ? {} : undefined);
    await beforeSend();
    const response = await api.request(target.path, {
      method: operation.method,
      headers: {
        ...(cookie ? { Cookie: cookie } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        // Whatever version a fresh object has, or its history: this is about who may, not about versions.
        ...(operation.hasIfMatch ? { 'If-Match': target.letter ? `"${target.letter.version}"` : '*' } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const isJson = /json/.test(response.headers.get('content-type') ?? '');
    return { status: response.status, body: text && isJson ? JSON.parse(text) : text || undefined, known: known !== undefined, target };
  }

  it('describes every route the app answers, and nothing it does not', () => {
    const described = new Set(operations.map((operation) => operation.key));
    const answered = new Set(
      api.routes
        .filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`)
        .filter((key) => key !== 'GET /openapi.json'),
    );
    expect([...answered].sort()).toEqual([...described].sort());
    expect(described.size).toBeGreaterThanOrEqual(Object.keys(VALID_REQUESTS).length + 3);
  });

  it('gives every operation that needs a session a known action as x-permission, and public ones none', () => {
    for (const operation of operations) {
      if (isPublic(operation.path)) {
        expect(operation.permission, operation.key).toBeUndefined();
      } else {
        expect(ACTIONS, operation.key).toContain(operation.permission);
        const security = document.paths[operation.path][operation.method.toLowerCase()].security;
        expect(security, operation.key).toEqual([{ session: [] }]);
      }
    }
    // Every action of the matrix is taken by some route.
    expect(new Set(operations.map((operation) => operation.permission).filter(Boolean))).toEqual(new Set(ACTIONS));
  });

  it.each(PRINCIPALS.map((principal) => [principal.label, principal] as const))('answers %s as the matrix says', async (_label, principal) => {
    const mismatches: string[] = [];
    /** The principal's session, kept for its next request while the access check refuses them (a refusal changes nothing). */
    let untouchedSession: { username: string; cookie: string } | undefined;
    for (const operation of operations) {
      const session = principal.role ? (untouchedSession ?? (await sessionOf(principal.role, principal.secondFactor))) : null;
      let before = 0;
      const response = await send(operation, session?.cookie, async () => {
        before = await lastSeq();
      });
      const events = await eventsAfter(before);
      const denials = events.filter((event) => event.result === 'denied');
      const refused = (response.status === 401 || response.status === 403) && events.length === 1 && denials.length === 1;
      untouchedSession = refused && session ? session : undefined;
      if (refused || isRead(operation.key)) untouchedTargets.set(operation.key, response.target);
      else untouchedTargets.delete(operation.key);
      const seen = `${operation.key}: ${response.status} ${response.body?.code ?? ''}`.trim();
      covered.set(operation.key, (covered.get(operation.key) ?? new Set()).add(principal.label));

      if (isPublic(operation.path)) {
        // Public operations are not refused by the access check (a login with wrong credentials is a 401 of its own).
        if (denials.length > 0 || response.status === 403) mismatches.push(`${seen}, public yet refused`);
        continue;
      }
      const action = operation.permission!;
      let expected: { status: 401 | 403; code?: string; action: string; reason: string } | null;
      if (!principal.role) expected = { status: 401, action: 'access', reason: 'noSession' };
      else if (!isAllowed(principal.role, action)) expected = { status: 403, code: 'notPermitted', action, reason: 'notPermitted' };
      else if (isConfidential(action) && !principal.secondFactor) {
        expected = { status: 403, code: 'secondFactorRequired', action, reason: 'secondFactorRequired' };
      } else expected = null;

      if (expected === null) {
        if (response.known ? response.status < 200 || response.status > 299 : response.status === 401 || response.status === 403) {
          mismatches.push(`${seen}, expected it to be allowed`);
        }
        if (denials.length > 0) mismatches.push(`${seen}, allowed yet a denial was recorded`);
        // Every read of confidential material is itself recorded, with who read it, as the operation says it is recorded.
        const recordedAs = operation.auditAction ?? action;
        const recorded = events.some((event) => event.result === 'success' && event.action === recordedAs && event.actorName === session?.username);
        const read = operation.method === 'GET' && response.status >= 200 && response.status < 300;
        if (read && (isConfidential(action) || operation.auditAction) && !recorded) mismatches.push(`${seen}, a read left no audit event as ${recordedAs}`);
        continue;
      }
      if (response.status !== expected.status || (expected.code && response.body?.code !== expected.code)) {
        mismatches.push(`${seen}, expected ${expected.status} ${expected.code ?? ''}`.trim());
      }
      if (events.length !== 1 || denials.length !== 1) {
        mismatches.push(`${seen}: ${events.length} audit events (${events.map((event) => event.result).join(', ')}), expected one denial`);
        continue;
      }
      const [event] = denials;
      const actual = { actorName: event!.actorName, actorRole: event!.actorRole, action: event!.action, reason: event!.detail?.reason };
      const wanted = { actorName: session?.username ?? null, actorRole: principal.role, action: expected.action, reason: expected.reason };
      if (JSON.stringify(actual) !== JSON.stringify(wanted)) {
        mismatches.push(`${seen}: denial recorded as ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('tried every operation of the description with every principal', () => {
    expect(covered.size).toBe(operations.length);
    for (const operation of operations) {
      expect(covered.get(operation.key)?.size, operation.key).toBe(PRINCIPALS.length);
    }
  });

  it('refuses before it validates or looks anything up: no hint of what input or which objects exist', async () => {
    const finance = await sessionOf('finance', true);
    const administrator = await sessionOf('administrator', true);
    const cases = [
      { cookie: undefined, method: 'POST', path: '/deliveries', body: {}, status: 401 },
      { cookie: finance.cookie, method: 'POST', path: '/deliveries', body: { title: 42 }, status: 403 },
      { cookie: finance.cookie, method: 'PATCH', path: `/deliveries/${randomUUID()}`, body: {}, status: 403 },
      { cookie: administrator.cookie, method: 'GET', path: `/deliveries/${randomUUID()}`, body: undefined, status: 403 },
      { cookie: administrator.cookie, method: 'GET', path: '/figures?referenceDate=gisteren', body: undefined, status: 403 },
      { cookie: finance.cookie, method: 'POST', path: `/accounts/${randomUUID()}/disable`, body: undefined, status: 403 },
    ];
    for (const { cookie, method, path, body, status } of cases) {
      const response = await api.request(path, {
        method,
        headers: { ...(cookie ? { Cookie: cookie } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      expect(response.status, `${method} ${path}`).toBe(status);
      expect((await response.json()).invalidParams, `${method} ${path}`).toBeUndefined();
    }
  });

  it('serves the OpenAPI description without a session, and records no denial', async () => {
    const before = await lastSeq();
    const response = await api.request('/openapi.json');
    expect(response.status).toBe(200);
    expect((await response.json()).openapi).toBe('3.1.0');
    expect(await eventsAfter(before)).toEqual([]);
  });

  it('refuses an unknown path to an anonymous caller with 401, not 404, and records the denial', async () => {
    for (const path of ['/no-such-thing', '/deliveries/x/y/z', '/audit-events/secret']) {
      const before = await lastSeq();
      const response = await api.request(path);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const events = await eventsAfter(before);
      expect(events.map((event) => [event.result, event.action, event.actorName, event.objectId])).toEqual([['denied', 'access', null, path]]);
    }
    // With a session the same path is simply not there.
    const { cookie } = await sessionOf('registrar', true);
    expect((await api.request('/no-such-thing', { headers: { Cookie: cookie } })).status).toBe(404);
  });

  it('refuses an unknown path under /api/v1 of the whole site with 401 too', async () => {
    const app = createApp(db(), { logger: createLogger({ level: 'silent' }), trustProxy: false });
    const before = await lastSeq();
    const response = await app.request('/api/v1/no-such-thing');
    expect(response.status).toBe(401);
    expect((await eventsAfter(before)).map((event) => event.result)).toEqual(['denied']);
    expect((await app.request('/api/v1/deliveries')).status).toBe(401);
  });

  it('refuses a cookie of no session like no cookie at all, and records why', async () => {
    const before = await lastSeq();
    const response = await api.request('/deliveries', { headers: { Cookie: `${SESSION_COOKIE}=${'A'.repeat(22)}` } });
    expect(response.status).toBe(401);
    const events = await eventsAfter(before);
    expect(events.map((event) => [event.result, event.action, event.detail.reason])).toEqual([['denied', 'access', 'sessionExpired']]);
  });
});
