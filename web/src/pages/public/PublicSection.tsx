import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { Alert } from '../../components/Alert.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';

const PUBLIC_PAGES = [
  { path: '/openbaar', key: 'letters', matches: (location: string) => location === '/openbaar' || location.startsWith('/openbaar/brieven') },
  { path: '/openbaar/leveringen', key: 'deliveries', matches: (location: string) => location.startsWith('/openbaar/leveringen') },
  { path: '/openbaar/vergelijken', key: 'compare', matches: (location: string) => location.startsWith('/openbaar/vergelijken') },
] as const;

/**
 * A page anyone may read without logging in: the public pages' own navigation, then the page's heading, then
 * (where what it shows came from the demonstration register) the notice that it is demonstration data.
 */
export function PublicSection({ title, isDemonstration = false, children }: { title: string; isDemonstration?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <>
      <nav className="public-nav" aria-label={t('public.navigation')}>
        <ul className="public-nav__list">
          {PUBLIC_PAGES.map((page) => (
            <li key={page.path}>
              <Link href={page.path} className="public-nav__link" aria-current={page.matches(location) ? 'page' : undefined}>
                {t(`public.nav.${page.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <PageHeading title={title}>{title}</PageHeading>
      {isDemonstration && <Alert type="warning">{t('public.demonstration')}</Alert>}
      {children}
    </>
  );
}
