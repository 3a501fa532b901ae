import type { Kysely } from 'kysely';
import type { IsoDate } from '../../common/dates.ts';
import { isUuid } from '../../common/ids.ts';
import type { LetterBudgetFigureKind } from '../../common/vocabulary/codes.ts';
import { nameableCommitmentsBeginningAfter } from '../db/repositories/budget.ts';
import { decidedAfter } from '../db/repositories/decided-records.ts';
import type { Database } from '../db/schema.ts';
import { figureId, type LetterProblem } from '../letters/snapshot.ts';
import { BUDGET_YEAR_PARTS } from './budget.ts';

type Db = Kysely<Database>;

type RecordKind = LetterBudgetFigureKind | 'epfTranche';

/**
 * Per kind of figure named by a record's id: what of the record a name may place after its id (`.period` of
 * `budgetDecision:ID.period`), and of the records by these ids those the text could have named had they counted
 * by the date, but that count only from a day after it (a commitment only of no delivery or of one the letter
 * may name alone, so that nothing tells of a confidential delivery's commitment).
 */
const LATER_RECORDS: Record<RecordKind, { parts: readonly string[]; countingAfter: (db: Db, date: IsoDate, ids: string[]) => Promise<Map<string, IsoDate>> }> = {
  budgetDecision: { parts: withYearParts('budgetDecision'), countingAfter: (db, date, ids) => decidedAfter(db, 'budgetDecision', ids, date) },
  budgetShift: { parts: withYearParts('budgetShift'), countingAfter: (db, date, ids) => decidedAfter(db, 'budgetShift', ids, date) },
  budgetCommitment: { parts: withYearParts('budgetCommitment'), countingAfter: nameableCommitmentsBeginningAfter },
  epfTranche: { parts: [''], countingAfter: (db, date, ids) => decidedAfter(db, 'epfTranche', ids, date) },
};

/** A budget record's own figure (no part) and each of its years (BUDGET_YEAR_PARTS), as a name places them after the id. */
function withYearParts(kind: LetterBudgetFigureKind): string[] {
  return ['', ...Object.keys(BUDGET_YEAR_PARTS[kind]).map((part) => `.${part}`)];
}

/**
 * The problems of a letter at its reference date, each figure it does not know of a record that exists but
 * counts only after that date said so, with the day it counts from (`recordAfterReferenceDate`), so that its
 * author can tell a wrong id from too early a reference date. Looked up only for those figures, one query per
 * kind of record they name; every other problem stays as it was.
 */
export async function withRecordsCountingLater(db: Db, referenceDate: IsoDate, problems: readonly LetterProblem[]): Promise<LetterProblem[]> {
  const named = problems.map((problem) => ('fault' in problem || problem.why !== undefined ? undefined : recordNamed(problem.name)));
  const unknown = named.filter((record) => record !== undefined);
  if (unknown.length === 0) return [...problems];
  const kinds = [...new Set(unknown.map((record) => record.kind))];
  const idsOf = (kind: RecordKind) => [...new Set(unknown.filter((record) => record.kind === kind).map((record) => record.id))];
  const countingFrom = new Map(await Promise.all(kinds.map(async (kind) => [kind, await LATER_RECORDS[kind].countingAfter(db, referenceDate, idsOf(kind))] as const)));
  return problems.map((problem, index) => {
    const record = named[index];
    const date = record && countingFrom.get(record.kind)?.get(record.id);
    return date && !('fault' in problem) ? { name: problem.name, why: 'recordAfterReferenceDate', params: { date } } : problem;
  });
}

/** The kind and id of the record a figure's name places a figure of, where it is one a name may place. */
function recordNamed(name: string): { kind: RecordKind; id: string } | undefined {
  const kind = name.slice(0, name.indexOf(':'));
  if (!Object.hasOwn(LATER_RECORDS, kind)) return undefined;
  const about = name.slice(kind.length + 1);
  const id = figureId(about);
  return isUuid(id) && LATER_RECORDS[kind as RecordKind].parts.includes(about.slice(id.length)) ? { kind: kind as RecordKind, id } : undefined;
}
