import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en/index.ts';
import { nl } from '../../i18n/nl/index.ts';
import { changesSincePrevious } from './annexChanges.ts';

const i18n = i18next.createInstance();
await i18n.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng: 'nl' });
const inDutch = i18n.getFixedT('nl');
const inEnglish = i18n.getFixedT('en');

describe('what changed in an annex since the previous letter, in the list of annexes', () => {
  const since = { previousReferenceDate: '2025-02-04' };

  it('says that nothing is new or at another value when nothing is', () => {
    expect(changesSincePrevious(inDutch, { ...since, newRows: 0, changedRows: 0 }, 'nl')).toBe('niets nieuw of met een andere waarde sinds de brief van 4 feb. 2025');
    expect(changesSincePrevious(inEnglish, { ...since, newRows: 0, changedRows: 0 }, 'en')).toBe('nothing new or at another value since the letter of 4 Feb 2025');
  });

  it('counts the new and the revalued otherwise, and says of the first annex that it has nothing to compare with', () => {
    expect(changesSincePrevious(inDutch, { ...since, newRows: 1312, changedRows: 0 }, 'nl')).toBe('1.312 nieuw en 0 met een andere waarde sinds de brief van 4 feb. 2025');
    expect(changesSincePrevious(inEnglish, { ...since, newRows: 0, changedRows: 4 }, 'en')).toBe('0 new and 4 at another value since the letter of 4 Feb 2025');
    expect(changesSincePrevious(inDutch, { previousReferenceDate: null, newRows: 3, changedRows: 0 }, 'nl')).toBe('eerste bijlage: niets om mee te vergelijken');
  });
});
