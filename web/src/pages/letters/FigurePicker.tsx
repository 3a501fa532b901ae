import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vocabulary } from '../../../../common/vocabulary/index.ts';
import type { Letter } from '../../api/letters.ts';
import { useDeliverySearch } from '../../forms/useDeliverySearch.ts';
import { SelectField, TextField } from '../../forms/controls.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { describeFigure, isOffered } from './figureChoice.ts';

/** How many public deliveries a search offers, the first by title. */
const SEARCH_LIMIT = 10;
const PUBLIC = { disclosureState: 'public' };

interface FigurePickerProps {
  figures: Letter['figures'];
  /** Places `{{name}}` where the author was typing. */
  onInsert: (name: string) => void;
}

/** Puts a computed figure or a public delivery's value into the text by choosing it, instead of typing its name. */
export function FigurePicker({ figures, onInsert }: FigurePickerProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState('');
  const [search, setSearch] = useState('');
  const found = useDeliverySearch(PUBLIC, search.trim() || null, SEARCH_LIMIT);
  const words: Record<string, string> = vocabulary(currentLanguage()).letterFigures;
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset figure-picker">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('letters.picker.legend')}</legend>
      <p className="utrecht-form-field-description">{t('letters.picker.hint')}</p>
      <div className="figure-picker__row">
        <SelectField
          name="figure"
          label={t('letters.picker.figure')}
          value={chosen}
          onChange={setChosen}
          options={[{ value: '', label: t('form.choose') }, ...figures.filter(({ name }) => isOffered(name)).map(({ name, value }) => ({ value: name, label: `${describeFigure(name, words)}: ${value}` }))]}
        />
        <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={!chosen} onClick={() => onInsert(chosen)}>
          {t('letters.picker.insert')}
        </button>
      </div>
      <TextField name="deliverySearch" type="search" label={t('letters.picker.delivery')} hint={t('letters.picker.deliveryHint')} value={search} onChange={setSearch} optional />
      {found === 'failed' && <p className="nl-paragraph">{t('letters.picker.searchFailed')}</p>}
      {Array.isArray(found) && (
        <ul className="utrecht-unordered-list figure-picker__deliveries" aria-live="polite">
          {found.length === 0 && <li className="utrecht-unordered-list__item">{t('letters.picker.noDelivery')}</li>}
          {found.map((delivery) => (
            <li key={delivery.id} className="utrecht-unordered-list__item">
              <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => onInsert(`delivery:${delivery.id}`)}>
                {t('letters.picker.insertDelivery', { title: delivery.publicTitle ?? delivery.title })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
