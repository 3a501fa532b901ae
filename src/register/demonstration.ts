import type { Kysely } from 'kysely';
import { insertDeliveryIfAbsent } from '../db/repositories/deliveries.ts';
import { insertPaymentIfAbsent, insertValuationIfAbsent } from '../db/repositories/money.ts';
import type { Database } from '../db/schema.ts';
import { DEMONSTRATION_DELIVERIES } from '../db/seed/demonstration-data.ts';
import { insertDemonstrationIfAbsent } from '../db/repositories/epf.ts';
import { DEMONSTRATION_EPF_CLAIMS, DEMONSTRATION_EPF_TRANCHES } from '../db/seed/demonstration-epf.ts';
import { recordAuditEvent, systemContext, type RequestContext } from '../audit/trail.ts';
import { DEMONSTRATION_DECISIONS, PREVIOUS_LETTER, SEED_LETTER } from '../db/seed/demonstration-disclosure.ts';
import { SEED_LETTER_BLOCKS, SEED_SIGNATORY } from '../db/seed/demonstration-letter.ts';
import { decide } from './disclosure.ts';
import { createDraft, finalise } from './letters.ts';
import { submitAndApprove } from './letter-review.ts';
import { recordPublication, sendLetter } from './letter-publication.ts';
import { refreshCurrentValue } from './deliveries.ts';
import { loadDemonstrationBudget } from './demonstration-budget.ts';
import { loadDemonstrationIndustry } from './industry.ts';
import * as readiness from '../db/repositories/readiness.ts';
import * as training from '../db/repositories/training.ts';
import { DEMONSTRATION_JUDGEMENTS, DEMONSTRATION_PROJECTS } from '../db/seed/demonstration-readiness.ts';
import { DEMONSTRATION_CONTRIBUTION_RECORDED, DEMONSTRATION_PROGRAMMES } from '../db/seed/demonstration-training.ts';
import { DEMONSTRATION_ASSESSMENTS, DEMONSTRATION_REQUIREMENTS } from '../db/seed/demonstration-export-control.ts';
import { assess, grantInspection, issueLicence, setRequirement } from './export-control.ts';
import { SYSTEM_ACTOR } from '../../common/actors.ts';
/** The training programmes and the readiness judgements and replenishment of the letter's sections. */
async function loadDemonstrationTrainingAndReadiness(trx: Kysely<Database>): Promise<void> {
  for (const { id, contributions, ...programme } of DEMONSTRATION_PROGRAMMES) {
    await training.insertProgramme(trx, id, { ...programme, isDemonstration: true });
    for (const contribution of contributions) {
      await training.insertContribution(trx, { ...contribution, programmeId: id, ...DEMONSTRATION_CONTRIBUTION_RECORDED });
    }
  }
  for (const judgement of DEMONSTRATION_JUDGEMENTS) await readiness.insertJudgement(trx, judgement);
  for (const { id, replaces, asOf, recordedAt, ...project } of DEMONSTRATION_PROJECTS) {
    await readiness.insertProject(trx, id, { ...project, isDemonstration: true }, replaces, { asOf, reason: '', recordedAt });
  }
}

/** The demonstration register's export control: its overrides, assessments, licences and one inspection granted. */
async function loadDemonstrationExportControl(trx: Kysely<Database>): Promise<void> {
  const assessor = systemContext('demonstratie-beoordelaar');
  const licensing = systemContext('demonstratie-vergunningverlener');
  for (const { deliveryId, ...requirement } of DEMONSTRATION_REQUIREMENTS) await setRequirement(trx, assessor, deliveryId, requirement);
  for (const { deliveryId, assessments } of DEMONSTRATION_ASSESSMENTS) {
    for (const { id, input, licence, inspectionGranted } of assessments) {
      await assess(trx, assessor, deliveryId, input, { id, isDemonstration: true });
      if (licence) await issueLicence(trx, licensing, deliveryId, { ...licence.input, assessmentId: id }, { id: licence.id, isDemonstration: true });
      if (inspectionGranted) await grantInspection(trx, assessor, id, inspectionGranted);
    }
  }
}

/**
 * The disclosure decisions, the letter of 17 February 2025 (reference date 4 February) as sent and
 * published, and a draft of the letter of 10 September 2025 with the seed letter's text.
 */
async function loadDemonstrationLetters(trx: Kysely<Database>, context: RequestContext): Promise<void> {
  for (const { deliveryIds, decision } of DEMONSTRATION_DECISIONS) await decide(trx, context, deliveryIds, decision);
  const previous = await createDraft(trx, context, { referenceDate: PREVIOUS_LETTER.referenceDate, letterDate: PREVIOUS_LETTER.letterDate, signatoryName: SEED_SIGNATORY });
  const approved = await submitAndApprove(trx, context, previous.id, previous.version);
  const final = await finalise(trx, context, previous.id, approved.version);
  const sent = await sendLetter(trx, context, previous.id, final.version);
  await recordPublication(trx, context, previous.id, sent.version, { paperNumber: PREVIOUS_LETTER.paperNumber, publishedOn: PREVIOUS_LETTER.publishedOn });
  await createDraft(trx, context, { ...SEED_LETTER, blocks: SEED_LETTER_BLOCKS });
}

/** The European Peace Facility's tranches and the Dutch claims, each added once. */
async function loadDemonstrationEpf(trx: Kysely<Database>): Promise<void> {
  if (!(await insertDemonstrationIfAbsent(trx, { tranches: DEMONSTRATION_EPF_TRANCHES, claims: DEMONSTRATION_EPF_CLAIMS }))) return;
  await recordAuditEvent(trx, systemContext(SYSTEM_ACTOR), {
    action: 'demonstration.load',
    object: { type: 'register', id: 'demonstration' },
    result: 'success',
    after: { epfTrancheIds: DEMONSTRATION_EPF_TRANCHES.map((tranche) => tranche.id), epfClaimIds: DEMONSTRATION_EPF_CLAIMS.map(({ claim }) => claim.id) },
  });
}

/**
 * Loads the demonstration register in one transaction. A delivery already present (also one a user
 * changed or removed since) is left as it is, so loading again changes nothing. Returns how many
 * deliveries were added.
 */
export async function loadDemonstrationData(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const added: string[] = [];
    for (const { id, valuations, payments, ...fields } of DEMONSTRATION_DELIVERIES) {
      if (!(await insertDeliveryIfAbsent(trx, id, fields))) continue;
      for (const valuation of valuations) await insertValuationIfAbsent(trx, valuation);
      for (const payment of payments) await insertPaymentIfAbsent(trx, payment);
      await refreshCurrentValue(trx, { id, supportType: fields.supportType });
      added.push(id);
    }
    await loadDemonstrationEpf(trx);
    const budgetAdded = await loadDemonstrationBudget(trx);
    if (added.length > 0 || budgetAdded.length > 0) {
      const context = systemContext(SYSTEM_ACTOR);
      await recordAuditEvent(trx, context, {
        action: 'demonstration.load',
        object: { type: 'register', id: 'demonstration' },
        result: 'success',
        after: { deliveryIds: added, ...(budgetAdded.length > 0 && { budgetDecisionIds: budgetAdded }) },
      });
      await loadDemonstrationIndustry(trx, context);
      await loadDemonstrationTrainingAndReadiness(trx);
      if (added.length > 0) await loadDemonstrationLetters(trx, context);
      await loadDemonstrationExportControl(trx);
    }
    return added.length;
  });
}
