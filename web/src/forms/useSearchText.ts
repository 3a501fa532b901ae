import { useEffect, useRef, useState } from 'react';

/** How long typing pauses before a search is sent. */
export const SEARCH_DELAY_MS = 300;

/**
 * The search box's own text, passed on once typing pauses; it follows the address bar when that changes
 * for another reason, such as the back button.
 */
export function useSearchText(q: string, commit: (q: string) => void): [string, (text: string) => void] {
  const [text, setText] = useState(q);
  const committed = useRef(q);
  const latestCommit = useRef(commit);
  latestCommit.current = commit;

  useEffect(() => {
    if (q !== committed.current) {
      committed.current = q;
      setText(q);
    }
  }, [q]);

  useEffect(() => {
    if (text === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = text;
      latestCommit.current(text);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return [text, setText];
}
