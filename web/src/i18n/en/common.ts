import type * as nl from '../nl/common.ts';

export const app: typeof nl.app = {
  name: 'Steunregister',
  tagline: 'Military support to Ukraine',
  skipLink: 'Skip to content',
  mainNavigation: 'Main menu',
  menu: 'Menu',
  footer: 'Steunregister · Ministry of Defence · Open source under EUPL-1.2',
  demonstration: 'This register holds demonstration data, not real records.',
  accessibilityLink: 'Accessibility',
  publicLettersLink: 'Letters to parliament',
  openDataLink: 'Open data',
  logInLink: 'Log in',
};

export const language: typeof nl.language = {
  switchLabel: 'Nederlands',
};

export const nav: typeof nl.nav = {
  dashboard: 'Dashboard',
  deliveries: 'Deliveries',
  newDelivery: 'New delivery',
  disclosure: 'Disclosure',
  letters: 'Letters',
  annexes: 'Confidential annexes',
  audit: 'Audit trail',
  accounts: 'Accounts',
  waiting_one: '{{count}} waiting for you',
  waiting_other: '{{count}} waiting for you',
  epf: 'EPF claims',
  budget: 'Budget',
  industry: 'Industry',
  training: 'Training',
  readiness: 'Readiness',
  exportControl: 'Export control',
  exportInspection: 'Assessments for inspection',
  import: 'Import',
};

export const common: typeof nl.common = {
  loading: 'Loading…',
  loadFailed: 'The data could not be loaded.',
  retry: 'Try again',
  cancel: 'Cancel',
  none: '—',
  optional: '(optional)',
  notFoundTitle: 'Page not found',
  notFoundText: 'This page does not exist.',
  toDashboard: 'Go to the dashboard',
  yes: 'Yes',
  no: 'No',
  theSystem: 'the system',
};

export const asAtDate: typeof nl.asAtDate = {
  label: 'As at',
  show: 'Show',
  onlyToday: 'You are seeing the register as it stood on {{date}}. To record, go to today’s.',
  toToday: 'Go to today’s',
};

export const downloads: typeof nl.downloads = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  html: 'HTML',
  markdown: 'Markdown',
  csv: 'CSV for Dutch Excel (;)',
  csvRfc4180: 'CSV (RFC 4180, commas)',
  json: 'JSON',
  snapshot: 'Snapshot (JSON, hashed)',
  xlsx: 'Excel (.xlsx)',
};

export const exportLinks: typeof nl.exportLinks = {
  label: 'Export:',
};
