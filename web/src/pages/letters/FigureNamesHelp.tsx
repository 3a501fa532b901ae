import { useTranslation } from 'react-i18next';
import { EPF_PARAMETERISED_FIGURES, LETTER_BUDGET_FIGURE_KINDS, LETTER_BUDGET_YEAR_PARTS, LETTER_FIGURE_NAMES } from '../../../../common/vocabulary/codes.ts';
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
        {[...EPF_PARAMETERISED_FIGURES, ...LETTER_BUDGET_FIGURE_KINDS].map((name) => (
          <li key={name}>
            <code>{`{{${name}:…}}`}</code> {words[name]}
          </li>
        ))}
        {LETTER_BUDGET_YEAR_PARTS.map((name) => {
          const [kind, part] = name.split('.');
          return (
            <li key={name}>
              <code>{`{{${kind}:….${part}}}`}</code> {words[name]}
            </li>
          );
        })}
        <li>
          <code>{'{{training:…}}'}</code> {words.training}
        </li>
      </ul>
    </div>
  );
}
