import { useTranslation } from 'react-i18next';
import { versionTag } from '../../api/client.ts';
import { correctCoproduction, correctDemandBundle, type IndustryOverview } from '../../api/industry.ts';
import { confirmedPeriod } from '../../forms/WarningConfirmation.tsx';
import { FieldsCorrection } from './FieldsCorrection.tsx';
import { coproductionProjectFields, readCoproductionProjectFields } from './coproductionFields.ts';
import { demandBundleFields, readDemandBundleFields } from './demandBundleFields.ts';

interface Recorded {
  onReload: () => void;
  onRecorded: () => void;
}

/** Correcting a co-production project typed in error: its title and partner, at the version the page shows (its stages keep their own history). */
export function CoproductionCorrection({ overview, onReload, onRecorded }: Recorded & { overview: IndustryOverview }) {
  const { t } = useTranslation();
  const word = (key: 'legend' | 'intro' | 'project' | 'submit' | 'done' | 'conflict') => t(`industry.forms.coproductionCorrection.${key}`);
  return (
    <FieldsCorrection
      words={{ legend: word('legend'), intro: word('intro'), choose: word('project'), submit: word('submit'), done: word('done'), conflict: word('conflict') }}
      options={overview.coproductionProjects.map((project) => ({ record: project, label: `${project.title} (${project.partner})` }))}
      fields={(project) => coproductionProjectFields(t, project)}
      read={readCoproductionProjectFields}
      send={(project, input) => correctCoproduction(project.id, input, versionTag(project.version))}
      onReload={onReload}
      onRecorded={onRecorded}
    />
  );
}

/** Correcting a shared need typed in error: its need, category, quantities, date and note, at the version the page shows. */
export function DemandBundleCorrection({ overview, onReload, onRecorded }: Recorded & { overview: IndustryOverview }) {
  const { t } = useTranslation();
  const word = (key: 'legend' | 'intro' | 'need' | 'submit' | 'done' | 'conflict') => t(`industry.forms.demandBundleCorrection.${key}`);
  return (
    <FieldsCorrection
      words={{ legend: word('legend'), intro: word('intro'), choose: word('need'), submit: word('submit'), done: word('done'), conflict: word('conflict') }}
      options={overview.demandBundles.map((bundle) => ({ record: bundle, label: `${bundle.need} (${t(`categories.${bundle.category}`)})` }))}
      fields={(bundle) => demandBundleFields(t, bundle)}
      read={readDemandBundleFields}
      send={(bundle, input, confirmed) => correctDemandBundle(bundle.id, { ...input, ...confirmedPeriod(confirmed) }, versionTag(bundle.version))}
      onReload={onReload}
      onRecorded={onRecorded}
    />
  );
}
