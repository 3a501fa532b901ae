/**
 * The letter repository at its boundary: what it reads back is checked against the letter's schemas,
 * a second final letter for one reference date is a typed error naming its constraint, and what a letter
 * lists may be longer than a statement's 65,535 parameters (a first letter of a large register).
 */
import { DEFAULT_LETTERHEAD } from '../../src/letters/compose.ts';
import { epfFiguresAt } from '../../src/domain/epf.ts';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { UniqueViolationError } from '../../src/db/errors.ts';
import { publicPresentations, publish } from '../../src/db/repositories/letter-publication.ts';
import * as repository from '../../src/db/repositories/letters.ts';
import { DEFAULT_BLOCKS } from '../../src/letters/default-blocks.ts';
import { buildPublicLetter, sealed } from '../../src/letters/snapshot.ts';
import { describeEachDatabase } from '../support/databases.ts';

const REFERENCE_DATE = '2025-08-31';

describeEachDatabase('the letter repository', (database) => {
  const draft = (referenceDate = REFERENCE_DATE) =>
    repository.insertDraft(database().db, {
      id: randomUUID(),
      referenceDate,
      letterDate: null,
      blocks: [...DEFAULT_BLOCKS],
      createdByName: 'test',
      isDemonstration: false,
      createdAt: new Date().toISOString(),
    });

  const finalise = async (letter: repository.StoredLetter, overviewIds: string[] = []) => {
    const { snapshot } = buildPublicLetter({
      id: letter.id,
      referenceDate: letter.referenceDate,
      letterDate: '2025-09-10',
      isDemonstration: false,
      previous: null,
      totals: { stock: 100, procurement: 200, natoFund: 300 },
      restatedPreviousTotals: null,
      blocks: letter.blocks,
      publicDeliveryValues: new Map(),
      refusedDeliveries: new Map(),
      overview: [],
      epf: { ...epfFiguresAt([], letter.referenceDate), implementingActorCents: 0, tranches: [] },
      budget: { totalCents: 0, named: { budgetDecision: new Map(), budgetShift: new Map(), budgetCommitment: new Map() }, commitmentsOfPartOfItem: new Set(), years: new Map() },
      industry: { contracts: 0, contractValueCents: 0, companies: 0, ukrainianCompanies: 0, milestonesCompleted: 0, coproductionProjects: 0, demandBundles: 0 },
      training: [],
      readinessEffects: [],
      exportShipments: { needed: 0, uncovered: 0, listed: [] },
      letterhead: DEFAULT_LETTERHEAD,
    });
    const { text, sha256 } = sealed(snapshot);
    const approved = await repository.markApproved(database().db, letter.id, letter.version, { approvedSha256: sha256, approvedByName: 'test', approvedAt: new Date().toISOString() });
    const final = await repository.markFinal(database().db, letter.id, approved!.version, {
      letterDate: '2025-09-10',
      previousLetterId: null,
      publicSnapshot: text,
      publicSha256: sha256,
      annexSnapshot: '{}',
      annexSha256: 'b'.repeat(64),
      figureLines: [],
      overviewIds,
      finalisedByName: 'test',
      finalisedAt: new Date().toISOString(),
    });
    return { final, snapshot };
  };

  it('reads a draft back with its text blocks checked', async () => {
    const stored = await draft('2025-01-31');
    expect(await repository.findLetter(database().db, stored.id)).toEqual({ ...stored });
    expect(stored).toMatchObject({ status: 'draft', blocks: DEFAULT_BLOCKS, publicSnapshot: null });
  });

  it('refuses stored text blocks that do not match their schema', async () => {
    const stored = await draft('2025-02-28');
    await sql`update letter set blocks = '[{"key": ""}]'::jsonb where id = ${stored.id}`.execute(database().db);
    await expect(repository.findLetter(database().db, stored.id)).rejects.toThrow();
  });

  it('reads a final letter back with its public letter as frozen, checked', async () => {
    const { final, snapshot } = await finalise(await draft('2025-03-31'));
    expect(final).toMatchObject({ status: 'final', publicSnapshot: snapshot });
    expect((await repository.findLetter(database().db, final!.id))?.publicSnapshot).toEqual(snapshot);
  });

  it('keeps what a final letter lists, also more deliveries than a statement takes parameters', async () => {
    const listed = Array.from({ length: 70_000 }, () => randomUUID());
    const { final } = await finalise(await draft('2025-04-30'), listed);
    const kept = await database().db.selectFrom('letterOverviewItem').select('publicId').where('letterId', '=', final!.id).execute();
    expect(new Set(kept.map((row) => row.publicId))).toEqual(new Set(listed));
  });

  it('reads the public presentations of more deliveries than a statement takes parameters', async () => {
    const { db } = database();
    const publicId = randomUUID();
    await db.insertInto('publicDelivery').values({ publicId, title: 'Generatoren', detail: '', category: 'nonLethal', supportType: 'stock', quantity: null, decidedOn: '2025-04-01', isDemonstration: false }).execute();
    const asked = [...Array.from({ length: 70_000 }, () => randomUUID()), publicId];
    expect((await publicPresentations(db, asked)).map((row) => [row.publicId, row.title])).toEqual([[publicId, 'Generatoren']]);
  });

  it('publishes what a letter lists from now (or from a later moment decided), naming it as the first letter, and keeps what an earlier decision or letter set', async () => {
    const { db } = database();
    const earlier = await finalise(await draft('2025-05-31'));
    const [unseen, publicFromEarlier, publicFromLater, listedBefore, notListed] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const shownOn = '2025-06-01T00:00:00.000Z';
    const laterOn = '2025-07-19T22:00:00.000Z';
    const row = (publicId: string, visibleFrom: string | null, firstLetterId: string | null, publicFrom: string | null = null) =>
      ({ publicId, title: 'Generatoren', detail: '', category: 'nonLethal', supportType: 'stock', quantity: null, decidedOn: '2025-04-01', isDemonstration: false, visibleFrom, firstLetterId, publicFrom }) as const;
    await db
      .insertInto('publicDelivery')
      .values([row(unseen, null, null), row(publicFromEarlier, shownOn, null, shownOn), row(publicFromLater, null, null, laterOn), row(listedBefore, shownOn, earlier.final!.id), row(notListed, null, null)])
      .execute();
    const { final } = await finalise(await draft('2025-06-30'), [unseen, publicFromEarlier, publicFromLater, listedBefore]);
    const publishedAt = '2025-07-10T08:00:00.000Z';
    await db.updateTable('letter').set({ sentAt: '2025-07-01T08:00:00.000Z', sentByName: 'test', publishAt: publishedAt }).where('id', '=', final!.id).execute();
    await publish(db, { id: final!.id, referenceDate: final!.referenceDate, letterDate: '2025-09-10', paperNumber: 'Kamerstuk 22 054, nr. 1', publishedOn: '2025-07-10', isDemonstration: false }, publishedAt);
    const shown = await db.selectFrom('publicDelivery').select(['publicId', 'visibleFrom', 'firstLetterId']).where('publicId', 'in', [unseen, publicFromEarlier, publicFromLater, listedBefore, notListed]).execute();
    const moment = (text: string | null) => text && new Date(text).toISOString();
    expect(new Map(shown.map((item) => [item.publicId, [moment(item.visibleFrom), item.firstLetterId]]))).toEqual(
      new Map([
        [unseen, [publishedAt, final!.id]],
        [publicFromEarlier, [shownOn, final!.id]],
        [publicFromLater, [laterOn, final!.id]],
        [listedBefore, [shownOn, earlier.final!.id]],
        [notListed, [null, null]],
      ]),
    );
  });

  it('raises a UniqueViolationError naming the constraint for a second final letter of a reference date', async () => {
    const [first, second] = [await draft(), await draft()];
    await finalise(first);
    const refused = await finalise(second).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UniqueViolationError);
    expect(refused).toMatchObject({ constraint: repository.ONE_FINAL_PER_REFERENCE_DATE });
  });
});
