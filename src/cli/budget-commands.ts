import { Command, InvalidArgumentError } from 'commander';
import { COMPARISON_PRECISION, formatExactEuros, formatLetterAmount } from '../../common/letter-format.ts';
import { BudgetDecisionInputSchema, BudgetShiftInputSchema, CommitmentInputSchema, CommitmentStageInputSchema } from '../api/budget/schemas.ts';
import { addCommitmentStage, budgetFiguresAt, createCommitment, createDecision, createShift } from '../register/budget.ts';
import { withDatabase } from './database.ts';
import { CONFIRM_OPTION, euroOption, isoDateOption, operatorChange, wholeNumber } from './operator.ts';
import { todayInAmsterdam } from '../../common/dates.ts';
import { tableLines } from './text-table.ts';

const amount = (cents: number) => formatLetterAmount(cents, COMPARISON_PRECISION, { unit: 'mld.' });
/** The pace as the rest of the table reads, in Dutch: 120,4%. */
const DUTCH_NUMBER = new Intl.NumberFormat('nl-NL');

/** `--amount 2025=400.000.000`, repeated: the amount of one budget year of a decision. */
function yearAmount(text: string, previous: { budgetYear: number; amountCents: number }[] = []) {
  const [year = '', euro, ...more] = text.split('=');
  if (euro === undefined || more.length > 0 || !/^\d{4}$/.test(year.trim())) throw new InvalidArgumentError('use YEAR=AMOUNT with a year of four digits, e.g. 2025=400.000.000');
  return [...previous, { budgetYear: Number(year), amountCents: euroOption(euro) }];
}

/** `budget …`: the budget per budget year, and recording its decisions, shifts and commitments (audited as in the API). */
export function budgetCommands(): Command {
  const command = new Command('budget').description('the budget for military support: figures per budget year, decisions, shifts and commitments');
  command
    .command('list')
    .description('budgeted, legally committed, pledged, unallocated and realised per budget year, as known at a date')
    .option('--known-at <date>', 'the date the budget is known at (default today)', isoDateOption)
    .option('--json', 'print JSON')
    .action(async (options: { knownAt?: string; json?: boolean }) => {
      const today = todayInAmsterdam();
      const knownAt = options.knownAt ?? today;
      const figures = await withDatabase((handle) => budgetFiguresAt(handle.db, knownAt, today), { migrate: false });
      if (options.json) return console.log(JSON.stringify(figures, null, 2));
      const header = ['Jaar', 'Begroot', 'Verplicht', 'Plannen', 'Niet toegewezen', 'Gerealiseerd', 'Tempo'];
      const rows = [...figures.years.map((year) => ({ label: String(year.budgetYear), ...year })), { label: 'Totaal', ...figures.total }].map((line) => [
        line.label,
        ...[line.budgeted, line.committed, line.pledged, line.unallocated, line.realised].map((cents) => (cents === null ? '-' : amount(cents))),
        `${line.realisationPace === null ? '-' : `${DUTCH_NUMBER.format(line.realisationPace)}%`}${line.overcommitted ? ' (meer verplicht dan begroot)' : ''}`,
      ]);
      console.log(`Stand op ${knownAt}`);
      for (const line of tableLines([header, ...rows], (column) => column > 0)) console.log(line);
    });

  command
    .command('decision')
    .description('record a budget decision: money made available on a fund, spread over the budget years of a period')
    .requiredOption('--moment <moment>', 'the moment of the budget cycle, e.g. "Voorjaarsnota 2025"')
    .requiredOption('--decided-on <date>', 'the day it was decided (YYYY-MM-DD)')
    .requiredOption('--fund <fund>', 'defenceBudget, ukraineSupportBudget or internationalSecurityBudget')
    .requiredOption('--first-year <year>', 'the first budget year of the period')
    .requiredOption('--last-year <year>', 'the last budget year of the period')
    .requiredOption('--amount <year=euro>', 'the amount of one budget year, e.g. 2025=400.000.000 (repeat for each year)', yearAmount)
    .option('--description <text>', 'what it is for', '')
    .option(...CONFIRM_OPTION)
    .action(async (options: { moment: string; decidedOn: string; fund: string; firstYear: string; lastYear: string; amount: unknown[]; description: string; confirm?: string[] }) => {
      const { amount: amounts, ...rest } = options;
      const input = { ...rest, firstYear: wholeNumber(options.firstYear), lastYear: wholeNumber(options.lastYear), amounts };
      const decision = await withDatabase((handle) =>
        operatorChange(handle.db, 'budget decision', { schema: BudgetDecisionInputSchema, input, typedAs: { amounts: '--amount' } }, (context, { confirm, ...valid }) => createDecision(handle.db, context, valid, confirm)),
      );
      console.log(`Recorded budget decision ${decision.id}: ${decision.moment}, ${formatExactEuros(decision.amounts.reduce((sum, year) => sum + year.amountCents, 0))}`);
    });

  command
    .command('shift')
    .description("record a shift of budget from one year to another; never more than the year holds")
    .requiredOption('--moment <moment>', 'the moment of the budget cycle')
    .requiredOption('--decided-on <date>', 'the day it was decided (YYYY-MM-DD)')
    .requiredOption('--fund <fund>', 'defenceBudget, ukraineSupportBudget or internationalSecurityBudget')
    .requiredOption('--from-year <year>', 'the budget year the money leaves')
    .requiredOption('--to-year <year>', 'the budget year the money goes to')
    .requiredOption('--amount <euro>', 'the amount in euro, e.g. 2.000.000.000', euroOption)
    .option('--description <text>', 'why', '')
    .action(async (options: { moment: string; decidedOn: string; fund: string; fromYear: string; toYear: string; amount: number; description: string }) => {
      const { amount, ...rest } = options;
      const input = { ...rest, fromYear: wholeNumber(options.fromYear), toYear: wholeNumber(options.toYear), amountCents: amount };
      const shift = await withDatabase((handle) =>
        operatorChange(handle.db, 'budget shift', { schema: BudgetShiftInputSchema, input, typedAs: { amountCents: '--amount' } }, (context, valid) => createShift(handle.db, context, valid)),
      );
      console.log(`Recorded budget shift ${shift.id}: ${formatExactEuros(shift.amountCents)} from ${shift.fromYear} to ${shift.toYear}`);
    });

  const stageOptions = (sub: Command) =>
    sub
      .requiredOption('--stage <stage>', 'pledged (plans and projects identified) or committed (legally committed)')
      .requiredOption('--amount <euro>', 'the amount at this stage in euro', euroOption)
      .requiredOption('--effective-on <date>', 'the day it holds from (YYYY-MM-DD)')
      .option('--note <text>', 'a note', '');

  stageOptions(
    command
      .command('commitment')
      .description('record a commitment against a budget year with its first stage')
      .requiredOption('--title <title>', 'what the money is for')
      .requiredOption('--fund <fund>', 'defenceBudget, ukraineSupportBudget or internationalSecurityBudget')
      .requiredOption('--budget-year <year>', 'the budget year it is committed against')
      .option('--delivery-id <id>', 'the delivery it pays for')
      .option('--contract-reference <reference>', 'the contract'),
  ).action(
    async (options: { title: string; fund: string; budgetYear: string; deliveryId?: string; contractReference?: string; stage: string; amount: number; effectiveOn: string; note: string }) => {
      const { amount, ...rest } = options;
      const input = { ...rest, budgetYear: wholeNumber(options.budgetYear), amountCents: amount };
      const commitment = await withDatabase((handle) =>
        operatorChange(handle.db, 'budget commitment', { schema: CommitmentInputSchema, input, typedAs: { amountCents: '--amount' } }, (context, { stage, amountCents, effectiveOn, note, ...fields }) =>
          createCommitment(handle.db, context, fields, { stage, amountCents, effectiveOn, note }),
        ),
      );
      console.log(`Recorded commitment ${commitment.id}: ${commitment.title}, ${formatExactEuros(commitment.amountCents)}${commitment.exceedsBudget ? ' (more committed than budgeted in its year)' : ''}`);
    },
  );

  stageOptions(
    command
      .command('stage')
      .description("record a commitment's next stage (pledged, then legally committed) or its new amount")
      .argument('<commitment>', 'the id of the commitment')
      .option(...CONFIRM_OPTION),
  ).action(async (id: string, options: { stage: string; amount: number; effectiveOn: string; note: string; confirm?: string[] }) => {
    const { amount, ...rest } = options;
    const commitment = await withDatabase((handle) =>
      operatorChange(handle.db, 'budget stage', { schema: CommitmentStageInputSchema, input: { ...rest, amountCents: amount }, typedAs: { amountCents: '--amount' } }, (context, { confirm, ...valid }) =>
        addCommitmentStage(handle.db, context, id, valid, undefined, confirm),
      ),
    );
    console.log(`Commitment ${commitment.id} is now ${commitment.stages.at(-1)!.stage} for ${formatExactEuros(commitment.amountCents)}`);
  });
  return command;
}
