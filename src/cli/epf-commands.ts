import { Command } from 'commander';
import { formatExactEuros, formatLetterAmount } from '../../common/letter-format.ts';
import { ClaimInputSchema } from '../api/epf/schemas.ts';
import type { ClaimAtDate } from '../db/repositories/epf.ts';
import { createClaim, epfOverview } from '../register/epf.ts';
import { epfClaimBatches } from '../register/exports.ts';
import { withDatabase } from './database.ts';
import { CONFIRM_OPTION, euroOption, isoDateOption, operatorChange } from './operator.ts';
import { todayInAmsterdam } from '../../common/dates.ts';

const amount = (cents: number) => formatLetterAmount(cents, { decimals: 1 }, { unit: 'mln.' });

/** `epf …`: the Dutch claims on the European Peace Facility at a date, and declaring one (audited as in the API). */
export function epfCommands(): Command {
  const command = new Command('epf').description('the claims of the Netherlands on the European Peace Facility');

  command
    .command('list')
    .description('the EPF figures and every claim as it stood at a date (work as implementing actor shown apart, never in a Dutch total)')
    .option('--date <date>', 'the date (default today)', isoDateOption)
    .option('--json', 'print JSON')
    .action(async (options: { date?: string; json?: boolean }) => {
      const date = options.date ?? todayInAmsterdam();
      const { overview, claims } = await withDatabase(
        async (handle) => {
          const claims: ClaimAtDate[] = [];
          for await (const batch of epfClaimBatches(handle.db, date)) claims.push(...batch);
          return { overview: await epfOverview(handle.db, date), claims };
        },
        { migrate: false },
      );
      if (options.json) return console.log(JSON.stringify({ overview, claims }, null, 2));
      console.log(`Stand op ${date}`);
      const lines: [string, string][] = [
        [`Gedeclareerd${overview.declaredUntil ? ` (t/m ${overview.declaredUntil})` : ''}`, amount(overview.declaredCents)],
        ['Gecompenseerd', amount(overview.compensatedCents)],
        ...overview.paidByYear.map(({ year, cents }): [string, string] => [`Ontvangen in ${year}`, amount(cents)]),
        [`Openstaand${overview.remainderExpectedBy ? ` (verwacht t/m ${overview.remainderExpectedBy})` : ''}`, amount(overview.outstandingCents)],
        ['Geblokkeerd', amount(overview.blockedCents)],
        ['Werk als uitvoerder voor de EU (niet in Nederlandse totalen)', amount(overview.implementingActorCents)],
      ];
      const width = Math.max(...lines.map(([label]) => label.length));
      for (const [label, value] of lines) console.log(`${label.padEnd(width)}  ${value.padStart(16)}`);
      console.log('');
      for (const claim of claims) {
        const reason = claim.blockedReason ? `: ${claim.blockedReason}` : '';
        console.log(`${claim.reference.padEnd(24)} ${claim.declaredOn}  ${amount(claim.declaredCents).padStart(16)}  ${claim.status}${reason}  ${claim.id}`);
      }
    });

  command
    .command('claim')
    .description('declare a claim for one delivery (never more than it was worth at the date) or for a batch')
    .requiredOption('--reference <reference>', 'the claim\'s reference, e.g. EPF-NL-2025-07')
    .option('--delivery-id <id>', 'the delivery claimed for')
    .option('--batch <text>', 'what a batch claim covers (instead of --delivery-id)', '')
    .option('--tranche-id <id>', 'the EPF tranche or assistance measure it falls under')
    .requiredOption('--period <period>', 'the period it covers, e.g. "jan. t/m jun. 2025"')
    .requiredOption('--declared <euro>', 'the amount declared in euro', euroOption)
    .requiredOption('--declared-on <date>', 'the day it was declared (YYYY-MM-DD)')
    .option('--note <text>', 'a note', '')
    .option(...CONFIRM_OPTION)
    .action(async (options: { reference: string; deliveryId?: string; batch: string; trancheId?: string; period: string; declared: number; declaredOn: string; note: string; confirm?: string[] }) => {
      const { declared, ...rest } = options;
      const input = { ...rest, declaredCents: declared };
      const claim = await withDatabase((handle) => operatorChange(handle.db, 'epf claim', { schema: ClaimInputSchema, input, typedAs: { declaredCents: '--declared' } }, (context, { confirm, ...valid }) => createClaim(handle.db, context, valid, confirm)));
      console.log(`Recorded claim ${claim.claim.reference} (${claim.claim.id}): ${formatExactEuros(claim.claim.declaredCents)} declared, ${claim.state.status}`);
    });

  return command;
}
