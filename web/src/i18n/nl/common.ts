export const app = {
  name: 'Steunregister',
  tagline: 'Militaire steun aan Oekraïne',
  skipLink: 'Naar de inhoud',
  mainNavigation: 'Hoofdmenu',
  menu: 'Menu',
  footer: 'Steunregister · Ministerie van Defensie · Open source onder EUPL-1.2',
  demonstration: 'Dit register bevat demonstratiegegevens, geen echte registraties.',
  accessibilityLink: 'Toegankelijkheid',
  publicLettersLink: 'Brieven aan de Kamer',
  openDataLink: 'Open data',
  logInLink: 'Inloggen',
};

export const language = {
  switchLabel: 'English',
};

export const nav = {
  dashboard: 'Overzicht',
  deliveries: 'Leveringen',
  newDelivery: 'Nieuwe levering',
  disclosure: 'Openbaarmaking',
  letters: 'Brieven',
  annexes: 'Vertrouwelijke bijlagen',
  audit: 'Audittrail',
  accounts: 'Accounts',
  waiting_one: '{{count}} wacht op u',
  waiting_other: '{{count}} wachten op u',
  epf: 'EPF-declaraties',
  budget: 'Begroting',
  industry: 'Industrie',
  training: 'Training',
  readiness: 'Gereedheid',
  exportControl: 'Exportcontrole',
  exportInspection: 'Toetsingen ter inzage',
  import: 'Importeren',
};

export const common = {
  loading: 'Laden…',
  loadFailed: 'De gegevens konden niet worden geladen.',
  retry: 'Opnieuw proberen',
  cancel: 'Annuleren',
  none: '—',
  optional: '(optioneel)',
  notFoundTitle: 'Pagina niet gevonden',
  notFoundText: 'Deze pagina bestaat niet.',
  toDashboard: 'Naar het overzicht',
  yes: 'Ja',
  no: 'Nee',
  theSystem: 'het systeem',
};

export const asAtDate = {
  label: 'Stand op',
  show: 'Tonen',
  onlyToday: 'U ziet de stand op {{date}}. Vastleggen doet u in de stand van vandaag.',
  toToday: 'Naar de stand van vandaag',
};

export const downloads = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
  html: 'HTML',
  markdown: 'Markdown',
  csv: 'CSV voor Excel (;)',
  csvRfc4180: 'CSV (RFC 4180, komma’s)',
  json: 'JSON',
  snapshot: 'Snapshot (JSON, gehasht)',
  xlsx: 'Excel (.xlsx)',
};

export const exportLinks = {
  label: 'Exporteren:',
};
