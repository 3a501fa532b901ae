import type * as nl from '../nl/accessibility.ts';

export const accessibility: typeof nl.accessibility = {
  title: 'Accessibility statement',
  aim: 'Steunregister must be usable by everyone. It aims at the success criteria of WCAG 2.2 at level AA; Dutch law requires government websites and applications, internal ones included, to meet WCAG 2.1 at level AA.',
  testingHeading: 'How this is checked',
  testing: 'With every change to the application an automated test (axe) checks every page and every form, also with error messages, in Dutch against WCAG 2.0, 2.1 and 2.2 at levels A and AA, and in English the pages where the language changes more than the words: forms with error messages, tables, the chart, dates and numbers. No violations are allowed. An automated check does not find everything; an examination by an independent expert has not taken place yet.',
  limitationsHeading: 'Known limitations',
  chart: 'The chart of realised support over time is an image. The same data is in the table below the chart.',
  dates: "Date fields show the date in your browser's notation; you can also type the date.",
  reportHeading: 'Reporting a problem',
  report: "Is there something in the register you cannot use? Report it to the register's functional administrator in your organisation, with the page and what you were trying to do.",
};
