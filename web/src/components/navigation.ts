import type { Action } from '../api/session.ts';

export interface NavigationItem {
  path: string;
  key:
    | 'dashboard' | 'deliveries' | 'newDelivery' | 'disclosure' | 'letters' | 'annexes' | 'audit' | 'accounts'
    | 'epf' | 'budget' | 'industry' | 'training' | 'readiness' | 'exportControl' | 'exportInspection'
    | 'import';
  /** What the role must be allowed for the item to be offered. */
  action: Action;
  matches: (location: string) => boolean;
}

export const NAVIGATION: readonly NavigationItem[] = [
  { path: '/', key: 'dashboard', action: 'figures.read', matches: (location) => location === '/' },
  {
    path: '/leveringen',
    key: 'deliveries',
    action: 'delivery.read',
    matches: (location) => location.startsWith('/leveringen') && location !== '/leveringen/nieuw',
  },
  { path: '/leveringen/nieuw', key: 'newDelivery', action: 'delivery.create', matches: (location) => location === '/leveringen/nieuw' },
  { path: '/importeren', key: 'import', action: 'import.run', matches: (location) => location.startsWith('/importeren') },
  { path: '/begroting', key: 'budget', action: 'budget.read', matches: (location) => location.startsWith('/begroting') },
  { path: '/industrie', key: 'industry', action: 'industry.read', matches: (location) => location.startsWith('/industrie') },
  { path: '/openbaarmaking', key: 'disclosure', action: 'disclosure.read', matches: (location) => location.startsWith('/openbaarmaking') },
  { path: '/brieven', key: 'letters', action: 'letter.read', matches: (location) => location.startsWith('/brieven') },
  { path: '/bijlagen', key: 'annexes', action: 'annex.read', matches: (location) => location.startsWith('/bijlagen') },
  { path: '/epf', key: 'epf', action: 'epf.read', matches: (location) => location.startsWith('/epf') },
  { path: '/training', key: 'training', action: 'training.read', matches: (location) => location.startsWith('/training') },
  { path: '/gereedheid', key: 'readiness', action: 'readiness.read', matches: (location) => location.startsWith('/gereedheid') },
  { path: '/audit', key: 'audit', action: 'audit.read', matches: (location) => location.startsWith('/audit') },
  { path: '/accounts', key: 'accounts', action: 'account.read', matches: (location) => location.startsWith('/accounts') },
  // Export control
  { path: '/exportcontrole', key: 'exportControl', action: 'export.read', matches: (location) => location.startsWith('/exportcontrole') && !location.startsWith('/exportcontrole/inzage') },
  {
    path: '/exportcontrole/inzage',
    key: 'exportInspection',
    action: 'assessment.inspect',
    matches: (location) => location.startsWith('/exportcontrole/inzage'),
  },
];
