import { useTranslation } from 'react-i18next';

/** The figures the text can place by name; the letter computes each from the register. */
const FIGURE_NAMES = [
  'total',
  'stock',
  'procurement',
  'natoFund',
  'increase',
  'increasePercent',
  'headline',
  'referenceDate',
  'previousReferenceDate',
  'letterDate',
  'previousLetter',
  'figuresTable',
] as const;

/** How the text of a letter is written: paragraphs, bullets, footnotes and the names of the figures. */
export function FigureNamesHelp({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <div id={id} className="letter-help">
      <p className="nl-paragraph">{t('letters.editor.help')}</p>
      <ul className="letter-help__names">
        {FIGURE_NAMES.map((name) => (
          <li key={name}>
            <code>{`{{${name}}}`}</code> {t(`letters.figureNames.${name}`)}
          </li>
        ))}
        <li>
          <code>{'{{delivery:…}}'}</code> {t('letters.figureNames.delivery')}
        </li>
      </ul>
    </div>
  );
}
