import { createRoute, z } from '@hono/zod-openapi';
import { SUPPORT_TYPES } from '../../domain/delivery.ts';
import { EPF_DELIVERY_FIGURES } from '../../domain/epf.ts';
import { COMPANY_FIGURES, type CompanyFigure } from '../../domain/industry.ts';
import { LETTER_STATUSES, REVIEW_ACTIONS } from '../../domain/letter.ts';
import { LetterComparisonSchema } from '../../letters/compare.ts';
import { NarrativeBlockSchema } from '../../letters/narrative.ts';
import { ANNEX_FORMATS, LETTER_FORMATS } from '../../letters/renderings.ts';
import { PublicLetterSnapshotSchema } from '../../letters/snapshot.ts';
import { WAITING_KINDS } from '../../register/letter-review.ts';
import { MAX_WITHDRAWAL_REASON } from '../../register/letter-withdrawal.ts';
import { APPROVAL_REFUSALS } from '../../register/letters.ts';
import { permitted } from '../access.ts';
import { ifMatchHeader } from '../if-match.ts';
import { RenderingQuery } from '../renderings.ts';
import { eventDate, idempotencyKey, isoDate, isoMoment, jsonBody, jsonContent as json, multilineText, problemResponses, requiredText, safeText } from '../openapi-common.ts';

const idParam = z.object({ id: safeText(100).openapi({ param: { name: 'id', in: 'path' } }) });
const letterFormatParams = idParam.extend({ format: z.enum(LETTER_FORMATS).openapi({ param: { name: 'format', in: 'path' } }) });
const annexFormatParams = idParam.extend({ format: z.enum(ANNEX_FORMATS).openapi({ param: { name: 'format', in: 'path' } }) });

// The letter's own schemas, named for the OpenAPI document. They are built on the same shapes, because a
// schema made before the OpenAPI extension was loaded (the letter modules do not depend on it) has no
// `.openapi()` of its own.
const blockFields = {
  ...NarrativeBlockSchema.shape,
  key: safeText(100)
    .min(1)
    .openapi({
      description:
        'The name the block is known by, in the editor and in the next letter, which starts from this text: a letter, then letters without accents, digits and single hyphens ' +
        '(`opening`, `europeanPeaceFacility`, `f16-vliegers`); anything else is refused (`blockKeyFormat`), as is the key of an earlier block, whatever its case (`duplicateBlockKey`)',
    }),
  heading: safeText(300).nullable(),
  text: multilineText(50_000),
};
const BlockSchema = z.strictObject(blockFields).openapi('NarrativeBlock');
/** A block as its author sends it: a heading, where there is one, is not blank. A stored letter is answered as it is. */
const BlockInputSchema = z.strictObject({ ...blockFields, heading: requiredText(300, 'title').nullable() }).openapi('NarrativeBlockInput');
/** The public letter exactly as sent (or, for a draft, as it would be sent now). */
export const PublicLetterSnapshotResponse = z.object(PublicLetterSnapshotSchema.shape).openapi('PublicLetterSnapshot');
export const LetterComparisonResponse = z.object(LetterComparisonSchema.shape).openapi('LetterComparison');

const letterStatus = z.enum(LETTER_STATUSES);

/** The house style a draft sets: frozen with the letter at finalisation. */
const letterheadFields = {
  wordmark: requiredText(80, 'title').openapi({ description: 'The wordmark at the top of the letter: a neutral placeholder, never the protected Rijkslogo' }),
  signatoryName: requiredText(120, 'title').openapi({ description: 'Who signs, by name, under the title: a letter to parliament is signed by a named minister' }),
  signatoryTitle: requiredText(120, 'title').openapi({ description: 'The signatory\'s title, e.g. "DE MINISTER VAN DEFENSIE"' }),
};

/** An EPF figure named as the text names it and the one delivery whose part gives it away. */
const epfDeliveryPartFields = {
  figure: z.enum(EPF_DELIVERY_FIGURES),
  year: z.number().int().nullable().openapi({ description: 'For `epfPaid`, the year received in (`{{epfPaid:2025}}`); null for the others' }),
  deliveryId: z.uuid(),
  title: z.string(),
};

export const LetterSchema = z
  .object({
    id: z.uuid(),
    referenceDate: isoDate,
    letterDate: isoDate.nullable(),
    status: letterStatus,
    version: z.number().int(),
    blocks: z.array(BlockSchema).openapi({ description: 'The editable text: `{{name}}` places a computed figure, `[^text]` a footnote' }),
    paperNumber: z.string().nullable(),
    publishedOn: isoDate.nullable(),
    publicSha256: z.string().nullable(),
    annexSha256: z.string().nullable(),
    finalisedAt: z.string().nullable(),
    finalisedByName: z.string().nullable(),
    isDemonstration: z.boolean(),
    letter: PublicLetterSnapshotResponse.openapi({ description: 'The public letter: computed now for a draft, as frozen once final' }),
    problems: z.array(z.string()).openapi({
      description:
        'What keeps a draft from being submitted and finalised, said in the language of Accept-Language: each figure its text names that is unknown or may not be public (`{{name}}`), ' +
        'with why (a delivery not public, not valued or not realised by the reference date, or valued otherwise than decided public; a year after the reference date), ' +
        'each placeholder or footnote that is not whole (`{{` not closed, `}}` without `{{`, `{{}}`, `[^` not closed, `[^]`) with the block it is in, ' +
        'and a signatory without a name (`noSignatoryName`)',
    }),
    problemsByLanguage: z
      .object({ nl: z.array(z.string()), en: z.array(z.string()) })
      .openapi({ description: 'The problems, in their order, in each language the application speaks (a page switched to another language says them in that one)' }),
    notes: z.array(z.string()).openapi({
      description:
        'What the author and the signatory should know before finalising, which does not keep the letter from being finalised, said in the language of Accept-Language: ' +
        'how many stock deliveries realised by the reference date no one had judged the effect on readiness of by then (`stockDeliveriesNotJudged`), which the judgement of the effects does not weigh; ' +
        'how many of the deliveries that needed an export licence and were handed over or delivered by the reference date had no licence covering them when they left (`shipmentsWithoutLicence`), ' +
        'though the section on export control says every delivery that needed one had one; none once final',
    }),
    notesByLanguage: z
      .object({ nl: z.array(z.string()), en: z.array(z.string()) })
      .openapi({ description: 'The notes, in their order, in each language the application speaks' }),
    shipmentsWithoutLicence: z
      .object({
        count: z.number().int().openapi({ description: 'How many deliveries the note `shipmentsWithoutLicence` counts (0 where there is no such note, and once final)' }),
        first: z.array(z.object({ deliveryId: z.uuid(), title: z.string(), shippedOn: isoDate })).openapi({ description: 'The first 100 of them, earliest shipped first (stock at hand-over, the rest at delivery)' }),
      })
      .openapi({
        description:
          'The deliveries that left by the reference date without a licence covering them, for the staff who review the draft: internal titles, never part of the letter or any public surface',
      }),
    figures: z
      .array(z.object({ name: z.string(), value: z.string() }))
      .openapi({ description: 'The figures the text may name (`{{name}}`), as they print: for a draft all it knows at the reference date, once final those it printed' }),
    approval: z
      .object({ sha256: z.string(), byName: z.string(), at: z.string(), matchesCurrent: z.boolean() })
      .nullable()
      .openapi({ description: "The disclosure officer's approval of the public letter; finalising needs one that matches the letter as it reads now" }),
    submittedAt: z.string().nullable().openapi({ description: 'When the draft was submitted for approval; null when it is not waiting for approval' }),
    submittedByName: z.string().nullable(),
    reviews: z.array(z.object({ action: z.enum(REVIEW_ACTIONS), comment: z.string(), byName: z.string(), at: z.string() })).openapi({ description: 'The review of the draft, latest first' }),
    sentAt: z.string().nullable().openapi({ description: 'When the final letter was sent to parliament: from then until its publication it is under embargo' }),
    sentByName: z.string().nullable(),
    publishAt: z.string().nullable().openapi({ description: 'When it is (or was) published; a later moment is a scheduled publication' }),
    publishedAt: z.string().nullable().openapi({ description: 'When it was published: from then on it, and what it first lists, is on the public surfaces' }),
    publications: z
      .array(z.object({ paperNumber: z.string(), publishedOn: isoDate, reason: z.string(), recordedByName: z.string(), recordedAt: z.string() }))
      .openapi({ description: 'The publication details as recorded and every correction, latest first' }),
    withdrawal: z
      .object({ reason: z.string(), byName: z.string(), at: z.string() })
      .nullable()
      .openapi({ description: 'For a final letter withdrawn before it was sent: why, by whom and when; it keeps its texts and hashes but is never sent or published. Null for any other' }),
    letterhead: z
      .object({ ...letterheadFields, signatoryName: z.string().openapi({ description: 'Who signs, under the title; empty in a draft that has no name yet (see problems) and in a letter finalised without one' }) })
      .openapi({ description: "The draft's wordmark and signatory; once final, as frozen in the letter" }),
    approvalRefusal: z
      .enum(['notDisclosureOfficer', ...APPROVAL_REFUSALS])
      .nullable()
      .openapi({
        description:
          'What keeps the one reading from approving the letter now: not a disclosure officer, final already, a letter with a later reference date final already, not submitted, written (started, changed or submitted) by them, or deliveries realised or claimed on the EPF by its reference date without a disclosure decision; null when they may',
      }),
    disclosureCautions: z
      .array(
        z.discriminatedUnion('kind', [
          z.object({
            kind: z.enum(['total', 'change', 'restatement']).openapi({
              description: "What gives the part away: the type's total (a first letter), its change since the previous letter, or its restatement of that letter's figure",
            }),
            supportType: z.enum(SUPPORT_TYPES),
            since: isoDate.nullable().openapi({ description: "The previous letter's reference date; null for a first letter" }),
            deliveryId: z.uuid(),
            title: z.string(),
            cents: z.number().int(),
          }),
          z.object({
            kind: z.literal('industryFigure').openapi({ description: 'An industry figure the text names (`{{industry.NAME}}`) that one confidential company alone adds to' }),
            figure: z.enum(Object.keys(COMPANY_FIGURES) as [CompanyFigure, ...CompanyFigure[]]),
            companyId: z.uuid(),
            company: z.string().openapi({ description: "The company's name in the register" }),
            part: z.number().int().openapi({ description: "The company's part in the figure: euro cents for `contractValue`, a count for the others" }),
          }),
          z.object({
            kind: z.literal('epfFigure').openapi({ description: 'An EPF figure the text names that the claims on one delivery, or its worth as implementing actor, alone make beside what is public' }),
            ...epfDeliveryPartFields,
            cents: z.number().int().openapi({ description: "The delivery's part in the figure" }),
          }),
          z.object({
            kind: z.literal('epfChange').openapi({
              description: "An EPF figure the text names whose change since the previous letter's reference date the claims on one delivery, or its worth as implementing actor, alone make beside what is public",
            }),
            since: isoDate.openapi({ description: "The previous letter's reference date" }),
            ...epfDeliveryPartFields,
            cents: z.number().int().openapi({ description: "The change of the delivery's part in the figure since then (less than zero where it fell)" }),
          }),
        ]),
      )
      .nullable()
      .openapi({
        description:
          "For a disclosure officer reading a draft: each support type whose realised support changed since the previous letter's reference date " +
          '(in a first letter: came about) by one delivery alone, once deliveries decided public with a value that is exactly their part are set aside, ' +
          "or whose figure at that date, recomputed now, differs from what the previous letter reported by one delivery alone; so that comparing the letters " +
          "discloses that delivery's part (`cents`). Then each industry figure the text names (contracts, their value, companies, Ukrainian companies, " +
          "milestones completed) that one company decided confidential alone adds to, beside the companies decided public, so that the letter discloses " +
          "that company's part (`part`); companies not decided on are not counted in them at all. Then each EPF figure the text names (declared, " +
          'compensated, outstanding, blocked, received in a year, the work as implementing actor) that the claims on one delivery, or its worth as implementing ' +
          "actor, alone make once deliveries decided public with a value that is exactly their part are set aside: every claim and all such work count, whatever " +
          "was decided of the delivery, so that the letter discloses that delivery's part (`cents`). Then each EPF figure the text names whose change since the previous " +
          "letter's reference date is, in the same way, that of one delivery alone (`cents` its change), comparing the figures at both dates as they stand now " +
          "whether or not the previous letter named them; not where that change is the part an `epfFigure` gives already. It does not keep the officer from approving. Null for anyone else and for a final letter",
      }),
  })
  .openapi('Letter');

const LetterSummarySchema = z
  .object({
    id: z.uuid(),
    referenceDate: isoDate,
    letterDate: isoDate.nullable(),
    previousLetterId: z.uuid().nullable(),
    status: letterStatus,
    paperNumber: z.string().nullable(),
    publishedOn: isoDate.nullable(),
    publicSha256: z.string().nullable(),
    annexSha256: z.string().nullable(),
    createdByName: z.string(),
    createdAt: z.string(),
    finalisedByName: z.string().nullable(),
    finalisedAt: z.string().nullable(),
    approvedSha256: z.string().nullable(),
    approvedByName: z.string().nullable(),
    approvedAt: z.string().nullable(),
    isDemonstration: z.boolean(),
    version: z.number().int(),
    submittedAt: z.string().nullable(),
    sentAt: z.string().nullable(),
    publishAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    withdrawnByName: z.string().nullable(),
    withdrawalReason: z.string().nullable(),
  })
  .openapi('LetterSummary');

const optionalLetterhead = {
  wordmark: letterheadFields.wordmark.optional(),
  signatoryName: letterheadFields.signatoryName.optional(),
  signatoryTitle: letterheadFields.signatoryTitle.optional(),
};
export const NewDraftSchema = z.strictObject({ referenceDate: isoDate, letterDate: isoDate.nullable().optional(), ...optionalLetterhead });
export const DraftChangeSchema = z.strictObject({
  blocks: z
    .array(BlockInputSchema)
    .max(50)
    .optional()
    .openapi({
      description:
        'The whole text of the letter, in its order: it replaces every block the draft had, so a block left out is a section the letter no longer has. ' +
        'Send every block, with its key, to change one; a block with an empty text is a section kept for later',
    }), letterDate: isoDate.nullable().optional(), ...optionalLetterhead });
const FinalisationSchema = z.strictObject({ letterDate: isoDate.optional() });
const paperNumber = safeText(100).trim().openapi({ description: 'As parliament assigned it, in any dossier: "Kamerstuk 22 054, nr. 460", "Kamerstuk 36 045, nr. 460", "Kamerstuk 36 200-X, nr. 5"; spaces around it are left out' });
const publishedOn = eventDate.openapi({ description: 'As parliament published it: not before the date of the letter, and not after today' });
const PublicationSchema = z.strictObject({
  paperNumber,
  publishedOn,
  publishAt: isoMoment.optional().openapi({ description: 'A later moment, at most ten years ahead, schedules the publication; without it the letter is published now. A moment more than five minutes ago is refused (momentPassed)' }),
});
const PublicationCorrectionSchema = z.strictObject({ paperNumber, publishedOn, reason: multilineText(2000) });
const WithdrawalSchema = z.strictObject({ reason: multilineText(MAX_WITHDRAWAL_REASON).openapi({ description: 'Why the letter is withdrawn: required, kept with it and in the audit trail' }) });
const RejectionSchema = z.strictObject({ comment: multilineText(4000) });
/** The fields of a change to the draft, with its whole text: a preview renders them as saving them would store them. */
export const PreviewSchema = DraftChangeSchema.required({ blocks: true });
const ComparisonQuery = z.object({ from: safeText(100), to: safeText(100) });

const VerificationSchema = z
  .object({
    ok: z.boolean(),
    hashesMatch: z.boolean(),
    differences: z.array(z.object({ figure: z.string(), published: z.number(), recomputed: z.number() })),
    figureDifferences: z.array(z.object({ figure: z.string(), published: z.string(), recomputed: z.string() })),
    annexDifferences: z
      .array(
        z.object({
          section: z.enum(['industry', 'training', 'readiness']),
          item: z.string().openapi({ description: 'The contract, programme or stock delivery the row is of' }),
          published: z.string().openapi({ description: 'The row as the annex printed it; empty when it had no such row' }),
          recomputed: z.string().openapi({ description: 'The row as the register gives it at the reference date now; empty when it gives none' }),
        }),
      )
      .openapi({ description: "The rows of the annex's industry, training and readiness sections whose figures, dates or judgement differ" }),
  })
  .openapi('LetterVerification');

export const listRoute = createRoute(
  permitted('letter.read', {
    method: 'get',
    path: '/letters',
    tags: ['letters'],
    summary: 'The letters, drafts and final, newest reference date first',
    responses: { 200: json(z.object({ items: z.array(LetterSummarySchema) }), 'The letters'), ...problemResponses(401, 403) },
  }),
);

export const createLetterRoute = createRoute(
  permitted('letter.write', {
    method: 'post',
    path: '/letters',
    tags: ['letters'],
    summary: 'Start a draft letter for a reference date (its text is the previous letter’s)',
    request: { headers: idempotencyKey, ...jsonBody(NewDraftSchema) },
    responses: { 201: json(LetterSchema, 'The draft'), ...problemResponses(400, 401, 403, 415, 422) },
  }),
);

export const getLetterRoute = createRoute(
  permitted('letter.read', {
    method: 'get',
    path: '/letters/{id}',
    tags: ['letters'],
    summary: 'A letter with its figures, text and public overview',
    request: { params: idParam },
    responses: { 200: json(LetterSchema, 'The letter'), ...problemResponses(401, 403, 404) },
  }),
);

export const patchLetterRoute = createRoute(
  permitted('letter.write', {
    method: 'patch',
    path: '/letters/{id}',
    tags: ['letters'],
    summary: 'Change the text or the date of a draft',
    request: {
      params: idParam,
      headers: ifMatchHeader,
      ...jsonBody(DraftChangeSchema),
    },
    responses: { 200: json(LetterSchema, 'The draft'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);

export const finaliseRoute = createRoute(
  permitted('letter.write', {
    method: 'post',
    path: '/letters/{id}/finalisation',
    tags: ['letters'],
    summary: 'Finalise: freeze every figure and list with its SHA-256; the letter can no longer change',
    request: { params: idParam, headers: ifMatchHeader, ...jsonBody(FinalisationSchema) },
    responses: { 200: json(LetterSchema, 'The final letter'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);

export const approvalRoute = createRoute(
  permitted('disclosure.decide', {
    method: 'post',
    path: '/letters/{id}/approval',
    tags: ['letters'],
    summary: 'Approve the public letter as it reads now (its figures disclose aggregates); needed to finalise it',
    request: { params: idParam, headers: ifMatchHeader },
    responses: { 200: json(LetterSchema, 'The approved draft'), ...problemResponses(400, 401, 403, 404, 412, 428) },
  }),
);

export const publicationRoute = createRoute(
  permitted('letter.write', {
    method: 'post',
    path: '/letters/{id}/publication',
    tags: ['letters'],
    summary: 'Record the paper number and the publication date, and publish the sent letter now or at a scheduled moment',
    request: { params: idParam, headers: ifMatchHeader, ...jsonBody(PublicationSchema) },
    responses: { 200: json(LetterSchema, 'The letter'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);

export const verificationRoute = createRoute(
  permitted('letter.verify', {
    method: 'get',
    path: '/letters/{id}/verification',
    tags: ['letters'],
    summary: 'Check a final letter: its hashes, and every figure recomputed from the register at its reference date',
    description: "What it recomputes includes the confidential annex's rows, so it needs the second factor and each verification is an audit event (letter.verify)",
    request: { params: idParam },
    responses: {
      200: json(VerificationSchema, 'The verification'),
      ...problemResponses(400, 401, 403, 404),
    },
  }),
);

export const renderingRoute = createRoute(
  permitted('letter.read', {
    method: 'get',
    path: '/letters/{id}/renderings/{format}',
    tags: ['letters'],
    summary: 'The public letter as it will look (a draft is marked as such on every page)',
    request: { params: letterFormatParams, query: RenderingQuery },
    responses: { 200: { description: 'The rendering' }, ...problemResponses(400, 401, 403, 404) },
  }),
);

export const annexRoute = createRoute(
  permitted('annex.read', {
    method: 'get',
    path: '/letters/{id}/annex/{format}',
    tags: ['letters'],
    summary: 'The confidential annex, marked on every page and watermarked with the reader, the time and a mark of this opening; every opening is recorded, with its mark',
    request: { params: annexFormatParams, query: RenderingQuery },
    responses: { 200: { description: 'The annex' }, ...problemResponses(400, 401, 403, 404) },
  }),
);

const AnnexListItemSchema = z
  .object({
    letterId: z.uuid(),
    referenceDate: z.iso.date(),
    letterDate: z.iso.date().nullable(),
    paperNumber: z.string().nullable(),
    sentAt: z.string().nullable().openapi({ description: 'When the letter went to parliament; null while it has not' }),
    previousReferenceDate: z.iso.date().nullable().openapi({ description: 'The reference date of the letter this annex is compared with' }),
    rowCount: z.number().int().nullable().openapi({ description: 'The deliveries the annex’s total is the sum of, as its first page counts them, without the work done for the EU as implementing actor (an annex kept before its first page counted them so counted that work too); null until it is rendered (at its first opening, for letters finalised before annexes were kept)' }),
    newRows: z.number().int().nullable().openapi({ description: 'Deliveries not in the previous letter’s annex' }),
    changedRows: z.number().int().nullable().openapi({ description: 'Deliveries in it at another value' }),
  })
  .openapi('AnnexListItem');

export const annexListRoute = createRoute(
  permitted('annex.read', {
    method: 'get',
    path: '/annexes',
    tags: ['letters'],
    summary: 'The confidential annexes the reader may open, newest first, each with what changed since the previous one (listing and opening are recorded)',
    responses: { 200: json(z.object({ items: z.array(AnnexListItemSchema) }), 'The annexes'), ...problemResponses(401, 403) },
  }, { recordedAs: 'annex.list' }),
);

export const comparisonRoute = createRoute(
  permitted('letter.read', {
    method: 'get',
    path: '/letters/comparison',
    tags: ['letters'],
    summary: 'Compare two letters: how each figure moved, what became public, what was restated',
    request: { query: ComparisonQuery },
    responses: { 200: json(LetterComparisonResponse, 'The comparison'), ...problemResponses(400, 401, 403, 404) },
  }),
);

// The review of drafts and the embargo of final letters.

const WaitingSchema = z
  .object({
    items: z.array(
      z.object({
        kind: z.enum(WAITING_KINDS),
        letterId: z.uuid(),
        referenceDate: isoDate,
        since: z.string(),
        comment: z.string().nullable().openapi({ description: "The reviewer's comment, for a rejected draft" }),
      }),
    ),
  })
  .openapi('WaitingForMe');

export const waitingRoute = createRoute(
  permitted('letter.read', {
    method: 'get',
    path: '/letters/waiting-for-me',
    tags: ['letters'],
    summary: 'What waits for the caller: letters to approve, revise, finalise, send or publish, the oldest first',
    responses: { 200: json(WaitingSchema, 'What waits'), ...problemResponses(401, 403) },
  }),
);

export const deleteLetterRoute = createRoute(
  permitted('letter.write', {
    method: 'delete',
    path: '/letters/{id}',
    tags: ['letters'],
    summary: 'Delete a draft (a final letter is never deleted)',
    request: { params: idParam, headers: ifMatchHeader },
    responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404, 412, 428) },
  }),
);

export const submissionRoute = createRoute(
  permitted('letter.write', {
    method: 'post',
    path: '/letters/{id}/submission',
    tags: ['letters'],
    summary: 'Submit the draft for approval by a disclosure officer',
    request: { params: idParam, headers: ifMatchHeader },
    responses: { 200: json(LetterSchema, 'The draft'), ...problemResponses(400, 401, 403, 404, 412, 428) },
  }),
);

export const withdrawalRoute = createRoute(
  permitted('letter.write', {
    method: 'delete',
    path: '/letters/{id}/submission',
    tags: ['letters'],
    summary: 'Withdraw the submission for approval',
    request: { params: idParam, headers: ifMatchHeader },
    responses: { 200: json(LetterSchema, 'The draft'), ...problemResponses(400, 401, 403, 404, 412, 428) },
  }),
);

export const rejectionRoute = createRoute(
  permitted('disclosure.decide', {
    method: 'post',
    path: '/letters/{id}/rejection',
    tags: ['letters'],
    summary: 'Send a submitted draft back to its author, saying why',
    request: { params: idParam, headers: ifMatchHeader, ...jsonBody(RejectionSchema) },
    responses: { 200: json(LetterSchema, 'The draft'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);

export const previewRoute = createRoute(
  permitted('letter.write', {
    method: 'post',
    path: '/letters/{id}/preview',
    tags: ['letters'],
    summary: 'The draft rendered as HTML with unsaved text: the live preview while typing (nothing is stored)',
    request: { params: idParam, ...jsonBody(PreviewSchema) },
    responses: { 200: { description: 'The HTML rendering', content: { 'text/html': { schema: z.string() } } }, ...problemResponses(400, 401, 403, 404, 415) },
  }),
);

export const sendingRoute = createRoute(
  permitted('letter.write', {
    method: 'post',
    path: '/letters/{id}/sending',
    tags: ['letters'],
    summary: 'Record that the final letter was sent to parliament; it is under embargo until published',
    request: { params: idParam, headers: ifMatchHeader },
    responses: { 200: json(LetterSchema, 'The letter'), ...problemResponses(400, 401, 403, 404, 412, 428) },
  }),
);

export const publicationCorrectionRoute = createRoute(
  permitted('letter.write', {
    method: 'post',
    path: '/letters/{id}/publication-corrections',
    tags: ['letters'],
    summary: 'Correct the recorded publication details, with the reason; the earlier record stays visible',
    request: { params: idParam, headers: ifMatchHeader, ...jsonBody(PublicationCorrectionSchema) },
    responses: { 200: json(LetterSchema, 'The letter'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);

export const letterWithdrawalRoute = createRoute(
  permitted('letter.write', {
    method: 'post',
    path: '/letters/{id}/withdrawal',
    tags: ['letters'],
    summary: 'Withdraw a final letter not sent to parliament, with the reason: it is never sent or published, and the next letter follows the one before it',
    description:
      'Its frozen texts and hashes stay (verification checks them as before), but a new draft no longer follows it and the deliveries it listed are new again for the next letter. ' +
      'Refused for a draft (`notFinal`), a letter sent (`sentLetterNotWithdrawn`), one withdrawn already (`letterIsWithdrawn`), one a later final letter follows (`followedByFinalLetter`) and without a reason',
    request: { params: idParam, headers: ifMatchHeader, ...jsonBody(WithdrawalSchema) },
    responses: { 200: json(LetterSchema, 'The letter, withdrawn'), ...problemResponses(400, 401, 403, 404, 412, 415, 428) },
  }),
);
