import type * as nl from '../nl/public.ts';

const publicPages: typeof nl.public = {
  navigation: 'Public information',
  nav: {
    letters: 'Letters to parliament',
    deliveries: 'Open data',
    compare: 'Compare letters',
  },
  demonstration: 'This environment holds demonstration data: its letters and deliveries are not real.',
  letters: {
    title: 'Letters on deliveries to the House of Representatives',
    intro: 'The letters on military support to Ukraine as they were sent to the House. Each letter has a SHA-256 hash: with it, anyone can check that it is the letter as sent.',
    caption: 'Letters sent, newest first',
    empty: 'No letters have been sent yet.',
    noPaperNumber: 'not known yet',
    sha256: 'SHA-256',
    downloads: 'Download',
    downloadAs: 'Download as:',
  },
  letter: {
    title: 'Letter on deliveries of {{date}}',
    notFound: 'This letter does not exist or is not public.',
    figuresHeading: 'Realised military support',
    figuresCaption: 'Realised military support per type, as the letter reported it',
    change: {
      increase: 'An increase of {{amount}}{{share}} compared with {{date}}.',
      decrease: 'A decrease of {{amount}}{{share}} compared with {{date}}.',
      unchanged: 'The same as on {{date}}.',
      lessThan: 'less than {{amount}}',
      share: ' or {{percent}}',
      percent: '{{percent}} percent',
      percentLessThan: 'less than {{percent}} percent',
    },
    textHeading: 'The letter',
    footnote: 'Footnote {{number}}',
    footnotes: 'Footnotes',
    backToReference: 'Back to reference {{number}}',
    checkHeading: 'Check that this is the letter as sent',
  },
  check: {
    intro: 'When it was sent, the letter was recorded as one text, the snapshot: every figure as the letter prints it, the text and the public overview. The SHA-256 hash of that snapshot is:',
    howTo: 'You can check this yourself, for example in a terminal: fetch the snapshot and compute its SHA-256 (sha256sum or shasum -a 256).',
    expect: 'The result must equal the hash above. Any change to a figure, a word or a delivery gives a different result.',
    button: 'Check now in this browser',
    checking: 'Checking…',
    match: 'Correct: the snapshot has exactly this hash. This is the letter as sent.',
    mismatch: 'Incorrect: the snapshot has a different hash than the letter states.',
    failed: 'The snapshot could not be fetched. Try again later.',
  },
};

export { publicPages as public };

export const publicDeliveries: typeof nl.publicDeliveries = {
  openData: {
    title: 'More open data',
    intro: 'Free to use under CC0. The deliveries also in the columns of the Kiel Institute’s Ukraine Support Tracker (which values at market prices; the Netherlands values stock at replacement value, or book value where it will not be replaced, and the rest at what was paid), and the figures of every published letter as a time series, as the letter printed them (rounded, never to the cent).',
    kiel: 'In the Kiel format',
    figures: 'Figures of the letters',
    catalog: 'Description of the open data (DCAT-AP-NL, JSON-LD)',
  },
  title: 'Open data: public deliveries',
  intro: 'All deliveries decided public, as the public may read them. Confidential deliveries and deliveries not yet decided on are not here. The data can also be downloaded.',
  download: 'Download as:',
  caption_one: '{{count}} public delivery',
  caption_other: '{{count}} public deliveries',
  empty: 'There are no public deliveries yet.',
  columns: {
    title: 'Delivery',
    detail: 'Explanation',
    publicSince: 'Public since',
  },
};
