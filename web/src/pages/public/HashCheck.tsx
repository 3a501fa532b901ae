import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { snapshotSha256, type PublicLetter } from '../../api/public.ts';
import { Alert } from '../../components/Alert.tsx';

type CheckState = 'idle' | 'checking' | 'match' | 'mismatch' | 'failed';
const RESULT_ALERT = { match: 'ok', mismatch: 'error', failed: 'error' } as const;

/**
 * The letter's SHA-256 and how anyone can check it: hash the snapshot, the exact text of the letter as
 * sent, with sha256sum; or let this browser do the same.
 */
export function HashCheck({ letter }: { letter: PublicLetter }) {
  const { t } = useTranslation();
  const [state, setState] = useState<CheckState>('idle');
  const snapshotUrl = new URL(letter.links.snapshot, window.location.origin).href;

  async function check() {
    setState('checking');
    try {
      setState((await snapshotSha256(letter)) === letter.sha256 ? 'match' : 'mismatch');
    } catch {
      setState('failed');
    }
  }

  return (
    <>
      <p className="nl-paragraph">{t('public.check.intro')}</p>
      <p className="nl-paragraph">
        <code className="hash hash--large">{letter.sha256}</code>
      </p>
      <p className="nl-paragraph">{t('public.check.howTo')}</p>
      <pre className="command">
        <code>{`curl -s ${snapshotUrl} | sha256sum`}</code>
      </pre>
      <p className="nl-paragraph">{t('public.check.expect')}</p>
      <div className="action-row">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={state === 'checking'} onClick={() => void check()}>
          {t('public.check.button')}
        </button>
      </div>
      <div role="status" className="site-notice">
        {state === 'checking' && <p className="nl-paragraph">{t('public.check.checking')}</p>}
        {(state === 'match' || state === 'mismatch' || state === 'failed') && <Alert type={RESULT_ALERT[state]}>{t(`public.check.${state}`)}</Alert>}
      </div>
    </>
  );
}
