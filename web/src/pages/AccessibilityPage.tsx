import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.tsx';

/** The accessibility statement that Dutch law asks of every government application. */
export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('accessibility.title')}>{t('accessibility.title')}</PageHeading>
      <p className="nl-paragraph">{t('accessibility.aim')}</p>
      <h2 className="nl-heading nl-heading--level-2">{t('accessibility.testingHeading')}</h2>
      <p className="nl-paragraph">{t('accessibility.testing')}</p>
      <h2 className="nl-heading nl-heading--level-2">{t('accessibility.limitationsHeading')}</h2>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">{t('accessibility.chart')}</li>
        <li className="utrecht-unordered-list__item">{t('accessibility.dates')}</li>
      </ul>
      <h2 className="nl-heading nl-heading--level-2">{t('accessibility.reportHeading')}</h2>
      <p className="nl-paragraph">{t('accessibility.report')}</p>
    </>
  );
}
