import { Suspense, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { NotPermittedPage } from '../pages/NotPermittedPage.tsx';
import { useNotice } from '../state/notice.tsx';
import { useRefusal } from '../state/refusal.tsx';
import { useCan, useSession } from '../state/session.tsx';
import { Alert } from './Alert.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { PageLoading } from './PageLoading.tsx';
import { NAVIGATION } from './navigation.ts';
import { WaitingCount } from '../pages/dashboard/WaitingForYou.tsx';
import { SessionBar } from './SessionBar.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const notice = useNotice();
  const { refusal } = useRefusal();
  const session = useSession();
  const can = useCan();
  // Until its own password is chosen, a session reaches no other page.
  const items = session?.passwordChangeRequired ? [] : NAVIGATION.filter((item) => can(item.action));
  const menu = useFoldingMenu(location);
  useFocusHeadingOnNavigation(location);

  return (
    <>
      <a className="nl-skip-link nl-skip-link--visible-on-focus" href="#inhoud">
        {t('app.skipLink')}
      </a>
      <header className="site-header" onKeyDown={menu.onKeyDown}>
        <div className="site-header__brand-bar">
          <div className="site-container site-header__brand">
            <Link href="/" className="site-header__name">
              {t('app.name')}
            </Link>
            <span className="site-header__tagline">{t('app.tagline')}</span>
            <LanguageSwitch />
            {session && (
              <button
                ref={menu.buttonRef}
                type="button"
                className="utrecht-button utrecht-button--secondary-action site-menu-button"
                aria-expanded={menu.open}
                aria-controls="site-menu"
                onClick={menu.toggle}
              >
                {t('app.menu')}
              </button>
            )}
          </div>
        </div>
        {session && (
          <div id="site-menu" className={menu.open ? 'rhc-nav-bar__container site-menu site-menu--open' : 'rhc-nav-bar__container site-menu'}>
            <div className="site-container site-nav-row">
              {items.length > 0 && (
                <nav aria-label={t('app.mainNavigation')}>
                  <ul className="rhc-nav-bar__list site-nav">
                    {items.map((item) => (
                      <li key={item.path}>
                        <Link
                          href={item.path}
                          className="rhc-nav-bar__link site-nav__link"
                          aria-current={item.matches(location) ? 'page' : undefined}
                        >
                          {t(`nav.${item.key}`)}
                          {item.key === 'letters' && <WaitingCount />}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </nav>
              )}
              <SessionBar session={session} />
            </div>
          </div>
        )}
        {session?.isDemonstration && (
          <div className="site-demonstration">
            <p className="site-container">{t('app.demonstration')}</p>
          </div>
        )}
      </header>
      <main id="inhoud" tabIndex={-1} className="site-container site-main">
        <div role="status" className="site-notice">
          {notice && <Alert type="ok">{t(`notices.${notice}`)}</Alert>}
        </div>
        {/* Pages load their code when first shown (see lazyPage). A boundary per address: one shared by all would
            keep the previous page in the document, hidden, while the next one loads. */}
        <Suspense key={location} fallback={<PageLoading />}>{refusal ? <NotPermittedPage code={refusal} /> : children}</Suspense>
      </main>
      <footer className="site-footer">
        <div className="site-container site-footer__content">
          <p>{t('app.footer')}</p>
          <ul className="site-footer__links">
            <li>
              <Link href="/openbaar" className="site-footer__link">
                {t('app.publicLettersLink')}
              </Link>
            </li>
            <li>
              <Link href="/openbaar/leveringen" className="site-footer__link">
                {t('app.openDataLink')}
              </Link>
            </li>
            <li>
              <Link href="/toegankelijkheid" className="site-footer__link">
                {t('app.accessibilityLink')}
              </Link>
            </li>
            {/* The way in for staff and members who start on a public page. */}
            {!session && location !== '/inloggen' && (
              <li>
                <Link href="/inloggen" className="site-footer__link">
                  {t('app.logInLink')}
                </Link>
              </li>
            )}
          </ul>
        </div>
      </footer>
    </>
  );
}

/**
 * The menu and the session on a phone, folded away behind a button so that the page starts near the top
 * (the style sheet shows the button and folds the menu only at narrow widths). It folds again on every
 * new page, and at Escape, which gives the focus back to the button.
 */
function useFoldingMenu(location: string) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [location]);
  return {
    open,
    buttonRef,
    toggle: () => setOpen((wasOpen) => !wasOpen),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !open) return;
      setOpen(false);
      buttonRef.current?.focus();
    },
  };
}

/**
 * After moving to another page, put focus on its heading so screen-reader users hear where they are.
 * Only once the user has done something: a redirect while the first page loads (to the login page, say)
 * leaves focus at the start of the document, as for any page that just opened.
 */
function useFocusHeadingOnNavigation(location: string): void {
  const previous = useRef(location);
  const userActed = useRef(false);
  useEffect(() => {
    const acted = () => {
      userActed.current = true;
    };
    window.addEventListener('pointerdown', acted, { capture: true, once: true });
    window.addEventListener('keydown', acted, { capture: true, once: true });
    return () => {
      window.removeEventListener('pointerdown', acted, { capture: true });
      window.removeEventListener('keydown', acted, { capture: true });
    };
  }, []);
  useEffect(() => {
    if (previous.current === location) return;
    previous.current = location;
    const main = document.querySelector('main');
    if (!userActed.current || !main) return;
    const focusHeading = () => {
      const heading = main.querySelector<HTMLElement>('h1');
      heading?.focus();
      return heading !== null;
    };
    if (focusHeading()) return;
    // A page whose code is still on its way shows its heading a moment later.
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [location]);
}
