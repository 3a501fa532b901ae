import { Link, Route, Switch } from 'wouter';
import { ExportDeliveryPage } from './pages/export-control/ExportDeliveryPage.tsx';
import { ExportQueuesPage } from './pages/export-control/ExportQueuesPage.tsx';
import { ExportReportsPage } from './pages/export-control/ExportReportsPage.tsx';
import { InspectedAssessmentPage, InspectionPage } from './pages/export-control/InspectionPage.tsx';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout.tsx';
import { PageHeading } from './components/PageHeading.tsx';
import { AccessibilityPage } from './pages/AccessibilityPage.tsx';
import { AccountsPage } from './pages/accounts/AccountsPage.tsx';
import { AnnexesPage } from './pages/annexes/AnnexesPage.tsx';
import { AuditPage } from './pages/audit/AuditPage.tsx';
import { BudgetDecisionFormPage, BudgetShiftFormPage, CommitmentFormPage } from './pages/budget/BudgetForms.tsx';
import { BudgetPage } from './pages/budget/BudgetPage.tsx';
import { DeliveryListPage } from './pages/deliveries/DeliveryListPage.tsx';
import { DeliveryPage } from './pages/delivery/DeliveryPage.tsx';
import { CommitmentStagePage } from './pages/budget/CommitmentStagePage.tsx';
import { EpfClaimPage } from './pages/epf/EpfClaimPage.tsx';
import { EpfPage } from './pages/epf/EpfPage.tsx';
import { DisclosureDecisionPage } from './pages/disclosure/DisclosureDecisionPage.tsx';
import { IndustryPage } from './pages/industry/IndustryPage.tsx';
import { DisclosureQueuePage } from './pages/disclosure/DisclosureQueuePage.tsx';
import { CreateDeliveryPage, EditDeliveryPage } from './pages/forms/DeliveryFormPages.tsx';
import { PaymentFormPage } from './pages/forms/PaymentFormPage.tsx';
import { ValuationFormPage } from './pages/forms/ValuationFormPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LetterComparisonPage } from './pages/letters/LetterComparisonPage.tsx';
import { LetterPage } from './pages/letters/LetterPage.tsx';
import { LettersPage } from './pages/letters/LettersPage.tsx';
import { PublicComparisonPage } from './pages/public/PublicComparisonPage.tsx';
import { PublicDeliveriesPage } from './pages/public/PublicDeliveriesPage.tsx';
import { PublicLetterPage } from './pages/public/PublicLetterPage.tsx';
import { PublicLettersPage } from './pages/public/PublicLettersPage.tsx';
import { ReadinessPage } from './pages/readiness/ReadinessPage.tsx';
import { TrainingPage } from './pages/training/TrainingPage.tsx';
import { ImportPage } from './pages/import/ImportPage.tsx';
import { LoginPage } from './pages/session/LoginPage.tsx';
import { RequirePermission } from './pages/session/RequirePermission.tsx';
import { RequireSession } from './pages/session/RequireSession.tsx';
import { LOGIN_PATH } from './pages/session/returnPath.ts';
import { DemonstrationProvider } from './state/demonstration.tsx';
import { NoticeProvider } from './state/notice.tsx';
import { RefusalProvider } from './state/refusal.tsx';
import { SessionProvider } from './state/session.tsx';

export function App() {
  return (
    <SessionProvider>
      <DemonstrationProvider>
        <RefusalProvider>
          <NoticeProvider>
            <Layout>
              <Switch>
                <Route path={LOGIN_PATH} component={LoginPage} />
                <Route path="/toegankelijkheid" component={AccessibilityPage} />
                <Route path="/openbaar" component={PublicLettersPage} />
                <Route path="/openbaar/leveringen" component={PublicDeliveriesPage} />
                <Route path="/openbaar/vergelijken" component={PublicComparisonPage} />
                <Route path="/openbaar/brieven/:id">{({ id }) => <PublicLetterPage key={id} id={id} />}</Route>
                <Route>
                  <RequireSession>
                    <RegisterRoutes />
                  </RequireSession>
                </Route>
              </Switch>
            </Layout>
          </NoticeProvider>
        </RefusalProvider>
      </DemonstrationProvider>
    </SessionProvider>
  );
}

/** The pages that need a session. */
function RegisterRoutes() {
  return (
    <Switch>
      <Route path="/" component={HomePage} />
      <Route path="/leveringen" component={DeliveryListPage} />
      <Route path="/leveringen/nieuw" component={CreateDeliveryPage} />
      <Route path="/leveringen/:id">{({ id }) => <DeliveryPage key={id} id={id} />}</Route>
      <Route path="/leveringen/:id/bewerken">{({ id }) => <EditDeliveryPage key={id} id={id} />}</Route>
      <Route path="/leveringen/:id/herwaardering">{({ id }) => <ValuationFormPage key={id} id={id} />}</Route>
      <Route path="/leveringen/:id/betaling">{({ id }) => <PaymentFormPage key={id} id={id} />}</Route>
      <Route path="/epf" component={EpfPage} />
      <Route path="/epf/declaraties/:id">{({ id }) => <EpfClaimPage key={id} id={id} />}</Route>
      <Route path="/leveringen/:id/openbaarmaking">
        {({ id }) => (
          <RequirePermission action="disclosure.decide">
            <DisclosureDecisionPage key={id} id={id} />
          </RequirePermission>
        )}
      </Route>
      <Route path="/begroting" component={BudgetPage} />
      <Route path="/begroting/besluit">{() => <RequirePermission action="budget.write"><BudgetDecisionFormPage /></RequirePermission>}</Route>
      <Route path="/begroting/kasschuif">{() => <RequirePermission action="budget.write"><BudgetShiftFormPage /></RequirePermission>}</Route>
      <Route path="/begroting/verplichting">{() => <RequirePermission action="budget.write"><CommitmentFormPage /></RequirePermission>}</Route>
      <Route path="/begroting/verplichting/:id/stap">{({ id }) => <RequirePermission action="budget.write"><CommitmentStagePage key={id} id={id} /></RequirePermission>}</Route>
      <Route path="/industrie" component={IndustryPage} />
      <Route path="/openbaarmaking" component={DisclosureQueuePage} />
      <Route path="/brieven" component={LettersPage} />
      <Route path="/brieven/vergelijken" component={LetterComparisonPage} />
      <Route path="/brieven/:id">{({ id }) => <LetterPage key={id} id={id} />}</Route>
      <Route path="/bijlagen">
        <RequirePermission action="annex.read">
          <AnnexesPage />
        </RequirePermission>
      </Route>
      <Route path="/training">
        <RequirePermission action="training.read">
          <TrainingPage />
        </RequirePermission>
      </Route>
      <Route path="/gereedheid">
        <RequirePermission action="readiness.read">
          <ReadinessPage />
        </RequirePermission>
      </Route>
      <Route path="/importeren">
        <RequirePermission action="import.run">
          <ImportPage />
        </RequirePermission>
      </Route>
      <Route path="/audit" component={AuditPage} />
      <Route path="/accounts" component={AccountsPage} />
      {/* Export control */}
      <Route path="/exportcontrole" component={ExportQueuesPage} />
      <Route path="/exportcontrole/rapportages" component={ExportReportsPage} />
      <Route path="/exportcontrole/leveringen/:id">{({ id }) => <ExportDeliveryPage key={id} id={id} />}</Route>
      <Route path="/exportcontrole/inzage" component={InspectionPage} />
      <Route path="/exportcontrole/inzage/:id">{({ id }) => <InspectedAssessmentPage key={id} id={id} />}</Route>
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
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
