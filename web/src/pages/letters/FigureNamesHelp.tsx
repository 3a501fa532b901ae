import { useTranslation } from 'react-i18next';
import { EPF_PARAMETERISED_FIGURES, LETTER_FIGURE_NAMES } from '../../../../common/vocabulary/codes.ts';
import { vocabulary } from '../../../../common/vocabulary/index.ts';
import { currentLanguage } from '../../i18n/index.ts';

/** How the text of a letter is written: paragraphs, bullets, footnotes and the names of the figures. */
export function FigureNamesHelp({ id }: { id: string }) {
  const { t } = useTranslation();
  const words = vocabulary(currentLanguage()).letterFigures;
  return (
    <div id={id} className="letter-help">
      <p className="nl-paragraph">{t('letters.editor.help')}</p>
      <ul className="letter-help__names">
        {LETTER_FIGURE_NAMES.map((name) => (
          <li key={name}>
            <code>{`{{${name}}}`}</code> {words[name]}
          </li>
        ))}
        <li>
          <code>{'{{delivery:…}}'}</code> {words.delivery}
        </li>
        {EPF_PARAMETERISED_FIGURES.map((name) => (
          <li key={name}>
            <code>{`{{${name}:…}}`}</code> {words[name]}
          </li>
        ))}
      </ul>
    </div>
  );
}
