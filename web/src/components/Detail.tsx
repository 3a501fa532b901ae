import type { ReactNode } from 'react';

/** One item of a list of details (a `details-list`): its name and its value. */
export function Detail({ label, multiline, children }: { label: string; multiline?: boolean; children: ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className={`utrecht-data-list__item-value utrecht-data-list__item-value--html-dd${multiline ? ' utrecht-data-list__item-value--multiline' : ''}`}>
        {children}
      </dd>
    </div>
  );
}
