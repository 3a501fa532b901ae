import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useIsDemonstration } from '../state/demonstration.tsx';
import { useNotice } from '../state/notice.tsx';
import { Alert } from './Alert.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

const NAVIGATION = [
  { path: '/', key: 'dashboard', matches: (location: string) => location === '/' },
  { path: '/leveringen', key: 'deliveries', matches: (location: string) => location.startsWith('/leveringen') && location !== '/leveringen/nieuw' },
  { path: '/leveringen/nieuw', key: 'newDelivery', matches: (location: string) => location === '/leveringen/nieuw' },
] as const;

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const isDemonstration = useIsDemonstration();
  const notice = useNotice();
  useFocusHeadingOnNavigation(location);

  return (
    <>
      <a className="nl-skip-link nl-skip-link--visible-on-focus" href="#inhoud">
        {t('app.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__brand-bar">
          <div className="site-container site-header__brand">
            <Link href="/" className="site-header__name">
              {t('app.name')}
            </Link>
            <span className="site-header__tagline">{t('app.tagline')}</span>
            <LanguageSwitch />
          </div>
        </div>
        <nav className="rhc-nav-bar__container" aria-label={t('app.mainNavigation')}>
          <ul className="site-container rhc-nav-bar__list site-nav">
            {NAVIGATION.map((item) => (
              <li key={item.path}>
                <Link
                  href={item.path}
                  className="rhc-nav-bar__link site-nav__link"
                  aria-current={item.matches(location) ? 'page' : undefined}
                >
                  {t(`nav.${item.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {isDemonstration && (
          <div className="site-demonstration">
            <p className="site-container">{t('app.demonstration')}</p>
          </div>
        )}
      </header>
      <main id="inhoud" tabIndex={-1} className="site-container site-main">
        <div role="status" className="site-notice">
          {notice && <Alert type="ok">{t(`delivery.notices.${notice}`)}</Alert>}
        </div>
        {children}
      </main>
      <footer className="site-footer">
        <p className="site-container">
          {t('app.footer')} ·{' '}
          <Link href="/toegankelijkheid" className="site-footer__link">
            {t('app.accessibilityLink')}
          </Link>
        </p>
      </footer>
    </>
  );
}

/** After moving to another page, put focus on its heading so screen-reader users hear where they are. */
function useFocusHeadingOnNavigation(location: string): void {
  const previous = useRef(location);
  useEffect(() => {
    if (previous.current === location) return;
    previous.current = location;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [location]);
}
