import { Link, Route, Switch } from 'wouter';
import { useTranslation } from 'react-i18next';
import { Layout } from './components/Layout.tsx';
import { PageHeading } from './components/PageHeading.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/session/LoginPage.tsx';
import { RequirePermission } from './pages/session/RequirePermission.tsx';
import { RequireSession } from './pages/session/RequireSession.tsx';
import { LOGIN_PATH, PASSWORD_PATH } from './pages/session/returnPath.ts';
import { NoticeProvider } from './state/notice.tsx';
import { RefusalProvider } from './state/refusal.tsx';
import { SessionProvider } from './state/session.tsx';
import { lazyPage } from './lazyPage.ts';

const ExportDeliveryPage = lazyPage(() => import('./pages/export-control/ExportDeliveryPage.tsx'), 'ExportDeliveryPage');
const ExportQueuesPage = lazyPage(() => import('./pages/export-control/ExportQueuesPage.tsx'), 'ExportQueuesPage');
const ExportReportsPage = lazyPage(() => import('./pages/export-control/ExportReportsPage.tsx'), 'ExportReportsPage');
const InspectedAssessmentPage = lazyPage(() => import('./pages/export-control/InspectionPage.tsx'), 'InspectedAssessmentPage');
const InspectionPage = lazyPage(() => import('./pages/export-control/InspectionPage.tsx'), 'InspectionPage');
const AccessibilityPage = lazyPage(() => import('./pages/AccessibilityPage.tsx'), 'AccessibilityPage');
const AccountsPage = lazyPage(() => import('./pages/accounts/AccountsPage.tsx'), 'AccountsPage');
const AnnexesPage = lazyPage(() => import('./pages/annexes/AnnexesPage.tsx'), 'AnnexesPage');
const AuditPage = lazyPage(() => import('./pages/audit/AuditPage.tsx'), 'AuditPage');
const BudgetDecisionFormPage = lazyPage(() => import('./pages/budget/BudgetForms.tsx'), 'BudgetDecisionFormPage');
const BudgetShiftFormPage = lazyPage(() => import('./pages/budget/BudgetForms.tsx'), 'BudgetShiftFormPage');
const CommitmentFormPage = lazyPage(() => import('./pages/budget/BudgetForms.tsx'), 'CommitmentFormPage');
const BudgetPage = lazyPage(() => import('./pages/budget/BudgetPage.tsx'), 'BudgetPage');
const DeliveryListPage = lazyPage(() => import('./pages/deliveries/DeliveryListPage.tsx'), 'DeliveryListPage');
const DeliveryPage = lazyPage(() => import('./pages/delivery/DeliveryPage.tsx'), 'DeliveryPage');
const CommitmentStagePage = lazyPage(() => import('./pages/budget/CommitmentStagePage.tsx'), 'CommitmentStagePage');
const EpfClaimPage = lazyPage(() => import('./pages/epf/EpfClaimPage.tsx'), 'EpfClaimPage');
const EpfPage = lazyPage(() => import('./pages/epf/EpfPage.tsx'), 'EpfPage');
const DisclosureDecisionPage = lazyPage(() => import('./pages/disclosure/DisclosureDecisionPage.tsx'), 'DisclosureDecisionPage');
const IndustryPage = lazyPage(() => import('./pages/industry/IndustryPage.tsx'), 'IndustryPage');
const DisclosureQueuePage = lazyPage(() => import('./pages/disclosure/DisclosureQueuePage.tsx'), 'DisclosureQueuePage');
const CreateDeliveryPage = lazyPage(() => import('./pages/forms/DeliveryFormPages.tsx'), 'CreateDeliveryPage');
const EditDeliveryPage = lazyPage(() => import('./pages/forms/DeliveryFormPages.tsx'), 'EditDeliveryPage');
const PaymentFormPage = lazyPage(() => import('./pages/forms/PaymentFormPage.tsx'), 'PaymentFormPage');
const ValuationFormPage = lazyPage(() => import('./pages/forms/ValuationFormPage.tsx'), 'ValuationFormPage');
const LetterComparisonPage = lazyPage(() => import('./pages/letters/LetterComparisonPage.tsx'), 'LetterComparisonPage');
const LetterPage = lazyPage(() => import('./pages/letters/LetterPage.tsx'), 'LetterPage');
const LettersPage = lazyPage(() => import('./pages/letters/LettersPage.tsx'), 'LettersPage');
const PublicComparisonPage = lazyPage(() => import('./pages/public/PublicComparisonPage.tsx'), 'PublicComparisonPage');
const PublicDeliveriesPage = lazyPage(() => import('./pages/public/PublicDeliveriesPage.tsx'), 'PublicDeliveriesPage');
const PublicLetterPage = lazyPage(() => import('./pages/public/PublicLetterPage.tsx'), 'PublicLetterPage');
const PublicLettersPage = lazyPage(() => import('./pages/public/PublicLettersPage.tsx'), 'PublicLettersPage');
const ReadinessPage = lazyPage(() => import('./pages/readiness/ReadinessPage.tsx'), 'ReadinessPage');
const ReadinessDeliveryPage = lazyPage(() => import('./pages/readiness/ReadinessDeliveryPage.tsx'), 'ReadinessDeliveryPage');
const TrainingPage = lazyPage(() => import('./pages/training/TrainingPage.tsx'), 'TrainingPage');
const ChangeProgrammePage = lazyPage(() => import('./pages/training/ChangeProgrammePage.tsx'), 'ChangeProgrammePage');
const ImportPage = lazyPage(() => import('./pages/import/ImportPage.tsx'), 'ImportPage');
const ChangePasswordPage = lazyPage(() => import('./pages/session/ChangePasswordPage.tsx'), 'ChangePasswordPage');

export function App() {
  return (
    <SessionProvider>
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
    </SessionProvider>
  );
}

/** The pages that need a session. */
function RegisterRoutes() {
  return (
    <Switch>
      <Route path="/" component={HomePage} />
      <Route path={PASSWORD_PATH} component={ChangePasswordPage} />
      <Route path="/leveringen" component={DeliveryListPage} />
      <Route path="/leveringen/nieuw">
        <RequirePermission action="delivery.create">
          <CreateDeliveryPage />
        </RequirePermission>
      </Route>
      <Route path="/leveringen/:id">{({ id }) => <DeliveryPage key={id} id={id} />}</Route>
      <Route path="/leveringen/:id/bewerken">
        {({ id }) => (
          <RequirePermission action="delivery.update">
            <EditDeliveryPage key={id} id={id} />
          </RequirePermission>
        )}
      </Route>
      <Route path="/leveringen/:id/herwaardering">
        {({ id }) => (
          <RequirePermission action="valuation.create">
            <ValuationFormPage key={id} id={id} />
          </RequirePermission>
        )}
      </Route>
      <Route path="/leveringen/:id/betaling">
        {({ id }) => (
          <RequirePermission action="payment.create">
            <PaymentFormPage key={id} id={id} />
          </RequirePermission>
        )}
      </Route>
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
      <Route path="/industrie">
        <RequirePermission action="industry.read">
          <IndustryPage />
        </RequirePermission>
      </Route>
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
      <Route path="/training/:id/bewerken">
        {({ id }) => (
          <RequirePermission action="training.write">
            <ChangeProgrammePage key={id} id={id} />
          </RequirePermission>
        )}
      </Route>
      <Route path="/gereedheid">
        <RequirePermission action="readiness.read">
          <ReadinessPage />
        </RequirePermission>
      </Route>
      <Route path="/gereedheid/leveringen/:id">
        {({ id }) => (
          <RequirePermission action="readiness.read">
            <ReadinessDeliveryPage key={id} id={id} />
          </RequirePermission>
        )}
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
