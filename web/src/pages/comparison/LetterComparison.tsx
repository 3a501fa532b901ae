import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'wouter';
import type { ApiResponse } from '../../api/client.ts';
import type { LetterComparison as Comparison } from '../../api/letters.ts';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { SelectField, type Option } from '../../forms/controls.tsx';
import { useResource } from '../../state/useResource.ts';
import { ComparisonView } from './ComparisonView.tsx';

interface LetterComparisonProps {
  /** The letters to choose from, newest first. */
  letters: readonly Option[];
  compare: (from: string, to: string, signal: AbortSignal) => Promise<ApiResponse<Comparison>>;
}

/**
 * Two letters to choose, kept in the address so a comparison can be shared, and what changed between
 * them. Starts with the latest letter and the one before it.
 */
export function LetterComparison({ letters, compare }: LetterComparisonProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const known = (id: string | null) => (id !== null && letters.some((letter) => letter.value === id) ? id : undefined);
  const from = known(params.get('from')) ?? letters[1]?.value;
  const to = known(params.get('to')) ?? letters[0]?.value;
  const [choice, setChoice] = useState({ from: from ?? '', to: to ?? '' });
  useEffect(() => setChoice({ from: from ?? '', to: to ?? '' }), [from, to]);

  if (!from || !to) return <p className="nl-paragraph">{t('comparison.tooFew')}</p>;
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setParams({ from: choice.from, to: choice.to });
  }
  return (
    <>
      <form className="date-form comparison-form" onSubmit={handleSubmit}>
        <SelectField name="from" label={t('comparison.from')} value={choice.from} options={[...letters]} onChange={(value) => setChoice((previous) => ({ ...previous, from: value }))} />
        <SelectField name="to" label={t('comparison.to')} value={choice.to} options={[...letters]} onChange={(value) => setChoice((previous) => ({ ...previous, to: value }))} />
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {t('comparison.submit')}
        </button>
      </form>
      {from === to ? <p className="nl-paragraph">{t('comparison.same')}</p> : <ComparisonResult from={from} to={to} compare={compare} />}
    </>
  );
}

function ComparisonResult({ from, to, compare }: { from: string; to: string; compare: LetterComparisonProps['compare'] }) {
  const comparison = useResource(`${from}/${to}`, (signal) => compare(from, to, signal));
  if (comparison.status !== 'ready') return <ResourceStatus resource={comparison} onRetry={comparison.reload} />;
  return <ComparisonView comparison={comparison.data.data} />;
}
