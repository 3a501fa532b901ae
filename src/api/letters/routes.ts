import type { Context } from 'hono';
import { letterDocument } from '../../letters/compose.ts';
import { renderLetter } from '../../letters/renderings.ts';
import { allowFramingBySelf } from '../../security-headers.ts';
import * as annexes from '../../register/annex.ts';
import { disclosureCautions } from '../../register/disclosure-cautions.ts';
import * as letters from '../../register/letters.ts';
import * as embargo from '../../register/letter-publication.ts';
import * as review from '../../register/letter-review.ts';
import { withdrawLetter } from '../../register/letter-withdrawal.ts';
import { isAllowed } from '../../domain/access.ts';
import { draftViolations } from '../../domain/letter.ts';
import { apiRoutes } from '../api-routes.ts';
import { requestContext, type ApiEnv } from '../context.ts';
import { createIdempotently } from '../idempotency.ts';
import { versionsInIfMatch } from '../if-match.ts';
import type { ExpectedVersion } from '../../register/errors.ts';
import { LANGUAGES, type Language } from '../../../common/vocabulary/languages.ts';
import { answerLanguage } from '../language.ts';
import { reason } from '../messages.ts';
import { passedFieldRules, passedFieldsHook } from '../openapi-common.ts';
import { problem } from '../problem.ts';
import { fileName } from '../file-names.ts';
import { nameRendering, sendRendering } from '../renderings.ts';
import {
  annexListRoute,
  annexRoute,
  approvalRoute,
  comparisonRoute,
  createLetterRoute,
  finaliseRoute,
  getLetterRoute,
  LetterSchema,
  listRoute,
  patchLetterRoute,
  publicationRoute,
  renderingRoute,
  verificationRoute,
  waitingRoute,
  deleteLetterRoute,
  DraftChangeSchema,
  NewDraftSchema,
  PreviewSchema,
  submissionRoute,
  withdrawalRoute,
  rejectionRoute,
  previewRoute,
  sendingRoute,
  publicationCorrectionRoute,
  letterWithdrawalRoute,
} from './schemas.ts';

/**
 * The letter as its reader sees it: with what keeps them from approving it now (null when nothing does),
 * for a disclosure officer reading a draft what its figures would disclose of single deliveries, and its
 * problems in words, each with why, in the reader's language and in each language, for a page switched to
 * another one since.
 */
async function forReader(c: Context<ApiEnv>, view: letters.LetterView, db = c.get('deps').db) {
  const decides = isAllowed(c.get('principal')!.role, 'disclosure.decide');
  const [approvalRefusal, cautions] = await Promise.all([
    decides ? letters.approvalRefusal(db, requestContext(c), view) : ('notDisclosureOfficer' as const),
    decides && view.status === 'draft' ? disclosureCautions(db, view) : null,
  ]);
  const problemsIn = (language: Language) => view.problems.map((problem) => reason(language, problem.code, problem.params));
  const problemsByLanguage = Object.fromEntries(LANGUAGES.map((language) => [language, problemsIn(language)])) as Record<Language, string[]>;
  const notesByLanguage = Object.fromEntries(LANGUAGES.map((language) => [language, view.notes.map((note) => reason(language, note.code, note.params))])) as Record<Language, string[]>;
  return { ...view, problems: problemsByLanguage[answerLanguage(c)], problemsByLanguage, notes: notesByLanguage[answerLanguage(c)], notesByLanguage, approvalRefusal, disclosureCautions: cautions };
}

export function lettersRoutes() {
  const app = apiRoutes();
  const deps = (c: Context<ApiEnv>) => c.get('deps');
  const withEtag = async (c: Context<ApiEnv>, view: letters.LetterView) => {
    c.header('ETag', `"${view.version}"`);
    return c.json(await forReader(c, view), 200);
  };

  // Before /letters/{id}, which would otherwise take "comparison" for an id.
  app.openapi(comparisonRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(await letters.compareLetters(deps(c).db, from, to, deps(c).clock()), 200);
  });

  app.openapi(waitingRoute, async (c) => c.json({ items: await review.waitingFor(deps(c).db, c.get('principal')!.role) }, 200));

  app.openapi(listRoute, async (c) => c.json({ items: await letters.listLetters(deps(c).db) }, 200));

  app.openapi(createLetterRoute, async (c) => {
    const body = c.req.valid('json');
    return createIdempotently(c, { request: body, response: LetterSchema }, async (trx) => {
      const view = await letters.createDraft(trx, requestContext(c), body);
      return { headers: { Location: `${c.req.path}/${view.id}`, ETag: `"${view.version}"` }, body: await forReader(c, view, trx) };
    });
  }, passedFieldsHook(passedFieldRules(NewDraftSchema, draftViolations)));

  app.openapi(getLetterRoute, async (c) => withEtag(c, await letters.getLetter(deps(c).db, c.req.valid('param').id, deps(c).clock())));

  app.openapi(patchLetterRoute, async (c) => {
    const version = versionsInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428);
    const view = await letters.updateDraft(deps(c).db, requestContext(c), c.req.valid('param').id, version, c.req.valid('json'));
    return withEtag(c, view);
  }, passedFieldsHook(passedFieldRules(DraftChangeSchema, draftViolations)));

  app.openapi(finaliseRoute, async (c) => {
    const version = versionsInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428);
    const view = await letters.finalise(deps(c).db, requestContext(c), c.req.valid('param').id, version, c.req.valid('json').letterDate);
    return withEtag(c, view);
  });

  app.openapi(approvalRoute, async (c) => {
    const version = versionsInIfMatch(c.req.valid('header')['if-match']);
    if (version === undefined) return problem(c, 428);
    return withEtag(c, await letters.approve(deps(c).db, requestContext(c), c.req.valid('param').id, version));
  });

  // The review of drafts and the embargo of final letters: each step is based on the version its author read.
  const withVersion = <T>(c: Context<ApiEnv>, header: string | undefined, act: (version: ExpectedVersion) => Promise<T>) => {
    const version = versionsInIfMatch(header);
    return version === undefined ? undefined : act(version);
  };

  app.openapi(deleteLetterRoute, async (c) => {
    const done = withVersion(c, c.req.valid('header')['if-match'], (version) => review.deleteDraft(deps(c).db, requestContext(c), c.req.valid('param').id, version));
    if (!done) return problem(c, 428);
    await done;
    return c.body(null, 204);
  });

  app.openapi(submissionRoute, async (c) => {
    const view = withVersion(c, c.req.valid('header')['if-match'], (version) => review.submitForApproval(deps(c).db, requestContext(c), c.req.valid('param').id, version));
    return view ? withEtag(c, await view) : problem(c, 428);
  });

  app.openapi(withdrawalRoute, async (c) => {
    const view = withVersion(c, c.req.valid('header')['if-match'], (version) => review.withdrawSubmission(deps(c).db, requestContext(c), c.req.valid('param').id, version));
    return view ? withEtag(c, await view) : problem(c, 428);
  });

  app.openapi(rejectionRoute, async (c) => {
    const { comment } = c.req.valid('json');
    const view = withVersion(c, c.req.valid('header')['if-match'], (version) => review.reject(deps(c).db, requestContext(c), c.req.valid('param').id, version, comment));
    return view ? withEtag(c, await view) : problem(c, 428);
  });

  app.openapi(previewRoute, async (c) => {
    const view = await letters.previewDraft(deps(c).db, requestContext(c), c.req.valid('param').id, c.req.valid('json'));
    const rendering = await renderLetter(letterDocument(view.letter, { paperNumber: null, status: 'draft' }), 'html');
    allowFramingBySelf(c);
    nameRendering(c, rendering, undefined, (words) => fileName(words.fileNames.letter, view.referenceDate, words.spreadsheetExport.letterStatuses.draft));
    return sendRendering(c, rendering);
  }, passedFieldsHook(passedFieldRules(PreviewSchema, draftViolations)));

  app.openapi(sendingRoute, async (c) => {
    const view = withVersion(c, c.req.valid('header')['if-match'], (version) => embargo.sendLetter(deps(c).db, requestContext(c), c.req.valid('param').id, version));
    return view ? withEtag(c, await view) : problem(c, 428);
  });

  app.openapi(publicationRoute, async (c) => {
    const details = c.req.valid('json');
    const view = withVersion(c, c.req.valid('header')['if-match'], (version) => embargo.recordPublication(deps(c).db, requestContext(c), c.req.valid('param').id, version, details));
    return view ? withEtag(c, await view) : problem(c, 428);
  });

  app.openapi(publicationCorrectionRoute, async (c) => {
    const correction = c.req.valid('json');
    const view = withVersion(c, c.req.valid('header')['if-match'], (version) => embargo.correctPublication(deps(c).db, requestContext(c), c.req.valid('param').id, version, correction));
    return view ? withEtag(c, await view) : problem(c, 428);
  });

  app.openapi(letterWithdrawalRoute, async (c) => {
    const { reason } = c.req.valid('json');
    const view = withVersion(c, c.req.valid('header')['if-match'], (version) => withdrawLetter(deps(c).db, requestContext(c), c.req.valid('param').id, version, reason));
    return view ? withEtag(c, await view) : problem(c, 428);
  });

  app.openapi(verificationRoute, async (c) => c.json(await letters.verifyLetterFor(deps(c).db, requestContext(c), c.req.valid('param').id), 200));

  app.openapi(renderingRoute, async (c) => {
    const { id, format } = c.req.valid('param');
    const view = await letters.getLetter(deps(c).db, id, deps(c).clock());
    const doc = letterDocument(view.letter, { paperNumber: view.paperNumber, status: view.status });
    const createdAt = view.status !== 'draft' && view.letterDate ? new Date(`${view.letterDate}T00:00:00Z`) : undefined;
    const rendering = await renderLetter(doc, format, createdAt ? { createdAt } : {});
    // The letter editor shows the HTML rendering as its preview: the letter exactly as it will be sent.
    if (format === 'html') allowFramingBySelf(c);
    nameRendering(c, rendering, c.req.valid('query').lang, (words) => fileName(words.fileNames.letter, view.referenceDate, ...(view.status === 'final' ? [] : [words.spreadsheetExport.letterStatuses[view.status]])));
    return sendRendering(c, rendering);
  });

  app.openapi(annexListRoute, async (c) => c.json({ items: await annexes.listAnnexes(deps(c).db, requestContext(c), c.get('principal')!.role) }, 200));

  app.openapi(annexRoute, async (c) => {
    const { id, format } = c.req.valid('param');
    const principal = c.get('principal')!;
    const reader = { name: principal.displayName, role: principal.role };
    const { referenceDate, rendering } = await annexes.openAnnex(deps(c).db, requestContext(c), id, format, reader);
    c.header('Cache-Control', 'no-store');
    nameRendering(c, rendering, c.req.valid('query').lang, (words) => fileName(words.fileNames.annex, referenceDate));
    return sendRendering(c, rendering);
  });

  return app;
}
