import { Command } from 'commander';
import type { Kysely } from 'kysely';
import { isIsoDate } from '../../common/dates.ts';
import { formatExactEuros, formatPublishedFigure } from '../../common/letter-format.ts';
import type { Database } from '../db/schema.ts';
import { NotFoundError } from '../register/errors.ts';
import type { LetterSummary } from '../db/repositories/letters.ts';
import { getLetter, listLetters, verifyLetter, type Verification } from '../register/letters.ts';
import { CommandError } from './command-error.ts';
import { withDatabase } from './database.ts';
import { tableLines } from './text-table.ts';

type ListedLetter = Pick<LetterSummary, 'referenceDate' | 'status' | 'letterDate' | 'id' | 'publicSha256' | 'paperNumber' | 'isDemonstration'>;

/** The letters as `letter list` prints them: a line each, in columns that line up. */
export function letterListLines(letters: readonly ListedLetter[]): string[] {
  return tableLines(
    letters.map((letter) => [
      letter.referenceDate,
      letter.status,
      letter.letterDate ?? '-',
      letter.id,
      letter.publicSha256 ? `sha256 ${letter.publicSha256.slice(0, 16)}…` : '',
      letter.paperNumber ?? '',
      letter.isDemonstration ? '(demonstration)' : '',
    ]),
  );
}

/** `letter list` and `letter verify`: the letters, and the auditor's check that a final one still holds. */
export function letterCommands(): Command {
  const command = new Command('letter').description('the letters to parliament: list them, verify a final one against the register');

  command
    .command('list')
    .description('list the letters, newest reference date first')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const letters = await withDatabase((handle) => listLetters(handle.db), { migrate: false });
      if (options.json) return console.log(JSON.stringify(letters, null, 2));
      if (letters.length === 0) return console.log('No letters yet.');
      for (const line of letterListLines(letters)) console.log(line);
    });

  command
    .command('verify')
    .description(
      'recompute every figure of a final letter from the register at its reference date and check its hashes; ' +
        'says whether its snapshots still hash to their SHA-256 and lists each difference; exits with 1 when the register ' +
        'no longer gives what the letter published, with 2 when a snapshot no longer hashes to its SHA-256',
    )
    .argument('<letter>', 'the id of the letter, or the reference date (YYYY-MM-DD) of a final letter')
    .action(async (letter: string) => {
      const { name, publicSha256, summary, verification } = await withDatabase(async (handle) => {
        const id = await letterId(handle.db, letter);
        const view = await getLetter(handle.db, id, new Date()).catch((error: unknown) => {
          if (error instanceof NotFoundError) throw new CommandError(`there is no letter ${letter}`);
          throw error;
        });
        if (view.status === 'draft') {
          throw new CommandError(`the letter of ${view.referenceDate} (${view.id}) is a draft: only a final letter can be verified`);
        }
        const name = `the letter dated ${view.letterDate!} (reference date ${view.referenceDate}, ${view.id})`;
        const figures = view.letter.figures.lines.length + 1;
        const named = Object.keys(view.letter.namedFigures ?? {}).length;
        return {
          name,
          publicSha256: view.publicSha256,
          verification: await verifyLetter(handle.db, id),
          summary: `Verified ${name}: its snapshots hash to their SHA-256 (public ${view.publicSha256}) and all ${figures} figures, the ${named} named figures of its text and the annex's rows recomputed from the register equal what it published.`,
        };
      }, { migrate: false });
      if (verification.ok) return console.log(summary);
      const differences = differenceLines(verification);
      const registerChanged = differences.length > 0 ? 'the register changed since it was final:' : 'the register still gives what it published.';
      console.log(
        verification.hashesMatch
          ? `Snapshots intact: the stored snapshots of ${name} still hash to their SHA-256 (public ${publicSha256}); ${registerChanged}`
          : `Snapshots TAMPERED: a stored snapshot of ${name} no longer hashes to the SHA-256 it was finalised with; ${registerChanged}`,
      );
      for (const line of differences) console.log(line);
      process.exitCode = verification.hashesMatch ? 1 : 2;
    });

  return command;
}

/** The letter an argument names: its id, or the final letter of a reference date. */
async function letterId(db: Kysely<Database>, argument: string): Promise<string> {
  if (!isIsoDate(argument)) return argument;
  const final = (await listLetters(db)).find((letter) => letter.referenceDate === argument && letter.status === 'final');
  if (!final) throw new CommandError(`there is no final letter with reference date ${argument}`);
  return final.id;
}

/**
 * A figure as the letter or its annex prints it: a figure of the letter's table rounded ("€ 2,1 mld.") with the
 * cents it was computed from, since the letter printed the rounded figure, never the cents, nor a precision in
 * between; the annex's total and a delivery's value to the cent, as the annex prints them ("€ 2.050.000.000,00").
 */
function printedFigure(figure: string, cents: number): string {
  if (figure === 'annexTotal' || figure.startsWith('annexRow:')) return formatExactEuros(cents);
  return `${formatPublishedFigure(cents)} (exactly ${cents} cents)`;
}

function differenceLines(verification: Verification): string[] {
  return [
    ...verification.differences.map(({ figure, published, recomputed }) => {
      const difference = recomputed - published;
      // To the cent: a difference of a few cents is no "€ 0 mln.".
      return `${figure}: printed ${printedFigure(figure, published)}, recomputed ${printedFigure(figure, recomputed)}, difference ${difference > 0 ? '+' : '-'}${formatExactEuros(Math.abs(difference))}`;
    }),
    ...verification.figureDifferences.map(({ figure, published, recomputed }) => `{{${figure}}}: printed "${published}", recomputed "${recomputed || 'no value'}"`),
    ...verification.annexDifferences.map(({ section, item, published, recomputed }) => `annex, ${section}, ${item}: printed "${published || 'no row'}", recomputed "${recomputed || 'no row'}"`),
  ];
}
