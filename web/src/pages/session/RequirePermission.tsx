import type { ReactNode } from 'react';
import type { Action } from '../../api/session.ts';
import { useCan } from '../../state/session.tsx';
import { NotPermittedPage } from '../NotPermittedPage.tsx';

/**
 * Shows a page only to a role that may take the action: for pages whose own requests the server would
 * not refuse (a form that only reads first, a list built from public data), so the role learns at once.
 */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  return useCan()(action) ? children : <NotPermittedPage code="notPermitted" />;
}
