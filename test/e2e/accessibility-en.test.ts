import { describeAccessibility } from './accessibility-pages.ts';

/**
 * Every page is checked in Dutch (accessibility-nl.test.ts). In English the suite checks the pages where
 * the language changes more than the words: the language attribute, labels and error summaries of forms,
 * tables with their captions, the chart's table, dates and amounts written out; `npm run
 * check:accessibility-en` checks every page in English too (about a minute on two cores).
 */
const ENGLISH_PAGES = new Set([
  'login page, refused with errors',
  'dashboard, with the chart data opened',
  'deliveries list',
  'form for a new delivery, refused with errors',
  'audit trail, with a change opened',
  'import, with the dry run of a file with a fault',
  'EPF claims, as finance, with the new claim and the new tranche refused',
  'disclosure queue, a delivery selected to decide public',
  'draft letter: its text beside the preview',
  'public letter, its hash checked',
  'open data',
]);

describeAccessibility(['en'], process.env.ACCESSIBILITY_EVERY_PAGE === 'yes' ? undefined : ENGLISH_PAGES);
