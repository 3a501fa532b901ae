import { useId, type ReactNode } from 'react';

/** A section of a page, named for assistive technology by its own level-2 heading. */
export function LabelledSection({ heading, className, children }: { heading: ReactNode; className?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={className}>
      <h2 id={headingId} className="nl-heading nl-heading--level-2">
        {heading}
      </h2>
      {children}
    </section>
  );
}
