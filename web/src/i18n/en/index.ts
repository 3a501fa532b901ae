import { en as vocabulary } from '../../../../common/vocabulary/en.ts';
import type { nl } from '../nl/index.ts';
import * as accessibility from './accessibility.ts';
import * as accounts from './accounts.ts';
import * as epf from './epf.ts';
import * as audit from './audit.ts';
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

/** The browser's English, part for part as the Dutch. */
export const en: typeof nl = {
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
};
