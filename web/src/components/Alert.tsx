import type { ReactNode } from 'react';

export function Alert({ type, children }: { type: 'error' | 'warning' | 'info' | 'ok'; children: ReactNode }) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}
