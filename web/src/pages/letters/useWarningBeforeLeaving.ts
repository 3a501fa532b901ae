import { useCallback, useEffect, useRef } from 'react';

/**
 * While there is unsaved text, leaving the page asks first: closing or reloading the tab (the browser's
 * own question), and following a link inside the application or pressing a button that leaves the page
 * (`data-leaves-page`, such as logging out), which would otherwise lose it silently. Returns whether the
 * user agreed to leave it that way.
 */
export function useWarningBeforeLeaving(unsaved: boolean, question: string): () => boolean {
  const agreed = useRef(false);
  useEffect(() => {
    if (!unsaved) return;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const beforeFollowing = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href], [data-leaves-page]') : null;
      if (!link || event.defaultPrevented || link.getAttribute('target') === '_blank') return;
      if (window.confirm(question)) agreed.current = true;
      else {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    // In the capture phase: before the router takes the click.
    document.addEventListener('click', beforeFollowing, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', beforeFollowing, true);
    };
  }, [unsaved, question]);
  return useCallback(() => agreed.current, []);
}
