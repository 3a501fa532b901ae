import type { TFunction } from 'i18next';
import { SYSTEM_ACTOR } from '../../../common/actors.ts';

/** Who made a record, as a page shows it: a person by their username, the system in the page's words. */
export function actorName(name: string, t: TFunction): string {
  return name === SYSTEM_ACTOR ? t('common.theSystem') : name;
}
