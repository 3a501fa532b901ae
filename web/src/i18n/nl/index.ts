import { nl as fullVocabulary } from '../../../../common/vocabulary/nl.ts';
// Export control's words stay out of the typed i18next resources: web/src/pages/export-control/useExportWords.ts gives them.
const { exportControl: _exportControl, ...vocabulary } = fullVocabulary;
import * as accessibility from './accessibility.ts';
import * as accounts from './accounts.ts';
import * as epf from './epf.ts';
import * as audit from './audit.ts';
import * as budget from './budget.ts';
import * as common from './common.ts';
import * as comparison from './comparison.ts';
import * as dashboard from './dashboard.ts';
import * as deliveries from './deliveries.ts';
import * as delivery from './delivery.ts';
import * as disclosure from './disclosure.ts';
import * as forms from './forms.ts';
import * as letters from './letters.ts';
import * as session from './session.ts';
import * as publicInformation from './public.ts';
import * as industry from './industry.ts';
import * as readiness from './readiness.ts';
import * as training from './training.ts';
import * as imports from './import.ts';

/** The browser's Dutch: the words for the register's codes from the common vocabulary, the rest per part of the application. */
export const nl = {
  ...vocabulary,
  ...common,
  ...accessibility,
  ...session,
  ...dashboard,
  ...deliveries,
  ...delivery,
  ...forms,
  ...disclosure,
  ...letters,
  ...comparison,
  ...publicInformation,
  ...audit,
  ...accounts,
  ...epf,
  ...budget,
  ...industry,
  ...training,
  ...readiness,
  ...imports,
};
