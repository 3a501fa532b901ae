import type * as nl from '../nl/dashboard.ts';

export const dashboard: typeof nl.dashboard = {
  title: 'Dashboard',
  figures: {
    heading: 'Realised military support',
    intro: 'Realised value per type of support on two reference dates, as the letter to parliament states it. Amounts are in the letter’s Dutch notation.',
    referenceDate: 'Reference date',
    compareDate: 'Compare with',
    show: 'Show figures',
    caption: 'Realised military support on {{compare}} and {{reference}}',
    typeColumn: 'Type of support',
    increase: 'Increase',
    increasePercent: 'Increase in percent',
    headlineLabel: 'Text for the letter',
    headlineComparedWith: 'As the letter does, the text compares with the total the previous letter (reference date {{date}}) stated: {{total}}.',
    headlineWithoutLetter: 'There is no final letter yet: the text compares with nothing.',
  },
  chart: {
    heading: 'Realised support over time',
    intro: 'Position at the end of each month, stacked by type of support.',
    imageLabel: 'Area chart of realised support by type of support, per month from {{from}} to {{to}}. On {{to}} a total of {{total}}. The data are also in the table below.',
    tableToggle: 'Chart data as a table',
    caption: 'Realised support by type at the end of each month, in euro',
    month: 'Month',
    total: 'Total',
    billions: '€{{value}} bn',
  },
  waiting: {
    heading: 'Waiting for you',
    nothing: 'Nothing is waiting for you.',
    since: 'since {{moment}}',
    approveLetter: 'Approve or reject the letter with reference date {{referenceDate}}',
    reviseLetter: 'The letter with reference date {{referenceDate}} was rejected: revise it',
    finaliseLetter: 'The letter with reference date {{referenceDate}} is approved: finalise it',
    sendLetter: 'The letter with reference date {{referenceDate}} is final: record its sending',
    recordPublication: 'The letter with reference date {{referenceDate}} was sent: record its publication',
  },
};
