import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en/index.ts';
import { nl } from './nl/index.ts';

const i18n = i18next.createInstance();
await i18n.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng: 'nl' });

describe('words counted', () => {
  it('names one valid row of an import in the singular and more in the plural', () => {
    expect(i18n.t('imports.modes.onlyValid', { lng: 'nl', count: 1 })).toContain('de 1 regel zonder fout');
    expect(i18n.t('imports.modes.onlyValid', { lng: 'nl', count: 2 })).toContain('de 2 regels zonder fout');
    expect(i18n.t('imports.modes.onlyValid', { lng: 'en', count: 1 })).toContain('the 1 row without a fault');
    expect(i18n.t('imports.modes.onlyValid', { lng: 'en', count: 2 })).toContain('the 2 rows without a fault');
    expect(i18n.t('imports.modes.onlyValid', { lng: 'nl', count: 1234 })).toContain('de 1.234 regels zonder fout');
    expect(i18n.t('imports.modes.onlyValid', { lng: 'en', count: 1234 })).toContain('the 1,234 rows without a fault');
  });
});
