import { Redirect } from 'wouter';
import { NAVIGATION } from '../components/navigation.ts';
import { useCan } from '../state/session.tsx';
import { DashboardPage } from './dashboard/DashboardPage.tsx';

/** The dashboard, or for a role that may not see the figures, the first page it may use. */
export function HomePage() {
  const can = useCan();
  const first = NAVIGATION.find((item) => can(item.action));
  if (can('figures.read') || !first) return <DashboardPage />;
  return <Redirect to={first.path} replace />;
}
