import { Link, Route, Switch } from 'wouter';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout.tsx';
import { AccessibilityPage } from './pages/AccessibilityPage.tsx';
import { PageHeading } from './components/PageHeading.tsx';
import { DashboardPage } from './pages/dashboard/DashboardPage.tsx';
import { DeliveryListPage } from './pages/deliveries/DeliveryListPage.tsx';
import { DeliveryPage } from './pages/delivery/DeliveryPage.tsx';
import { CreateDeliveryPage, EditDeliveryPage } from './pages/forms/DeliveryFormPages.tsx';
import { PaymentFormPage } from './pages/forms/PaymentFormPage.tsx';
import { ValuationFormPage } from './pages/forms/ValuationFormPage.tsx';
import { DemonstrationProvider } from './state/demonstration.tsx';
import { NoticeProvider } from './state/notice.tsx';

export function App() {
  return (
    <DemonstrationProvider>
      <NoticeProvider>
        <Layout>
          <Switch>
            <Route path="/" component={DashboardPage} />
            <Route path="/leveringen" component={DeliveryListPage} />
            <Route path="/leveringen/nieuw" component={CreateDeliveryPage} />
            <Route path="/leveringen/:id">{({ id }) => <DeliveryPage key={id} id={id} />}</Route>
            <Route path="/leveringen/:id/bewerken">{({ id }) => <EditDeliveryPage key={id} id={id} />}</Route>
            <Route path="/leveringen/:id/herwaardering">{({ id }) => <ValuationFormPage key={id} id={id} />}</Route>
            <Route path="/leveringen/:id/betaling">{({ id }) => <PaymentFormPage key={id} id={id} />}</Route>
            <Route path="/toegankelijkheid" component={AccessibilityPage} />
            <Route>
              <NotFoundPage />
            </Route>
          </Switch>
        </Layout>
      </NoticeProvider>
    </DemonstrationProvider>
  );
}

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('common.notFoundTitle')}>{t('common.notFoundTitle')}</PageHeading>
      <p className="nl-paragraph">{t('common.notFoundText')}</p>
      <p className="nl-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" href="/">
          {t('common.toDashboard')}
        </Link>
      </p>
    </>
  );
}
