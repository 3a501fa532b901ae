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
};
