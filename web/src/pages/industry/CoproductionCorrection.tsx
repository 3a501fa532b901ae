import { useTranslation } from 'react-i18next';
import { versionTag } from '../../api/client.ts';
import { correctCoproduction, type IndustryOverview } from '../../api/industry.ts';
import { RecordForm } from '../../forms/RecordForm.tsx';
import { CorrectionChooser } from './CorrectionChooser.tsx';
import { coproductionProjectFields, readCoproductionProjectFields } from './coproductionFields.ts';

type Project = IndustryOverview['coproductionProjects'][number];

interface Recorded {
  onReload: () => void;
  onRecorded: () => void;
}

/**
 * Correcting a co-production project typed in error: the registrar chooses it, and its title and partner, filled as
 * the overview shows them, are saved against that version (412 when someone corrected it or recorded a stage of it
 * since, with the offer to load the latest).
 */
export function CoproductionCorrection({ overview, onReload, onRecorded }: Recorded & { overview: IndustryOverview }) {
  const { t } = useTranslation();
  const word = (key: 'legend' | 'intro' | 'project' | 'done') => t(`industry.forms.coproductionCorrection.${key}`);
  return (
    <CorrectionChooser
      words={{ legend: word('legend'), intro: word('intro'), choose: word('project'), done: word('done') }}
      options={overview.coproductionProjects.map((project) => ({ record: project, label: `${project.title} (${project.partner})` }))}
      form={(project, saved) => <CorrectionForm project={project} onReload={onReload} onRecorded={saved} />}
      onRecorded={onRecorded}
    />
  );
}

function CorrectionForm({ project, onReload, onRecorded }: Recorded & { project: Project }) {
  const { t } = useTranslation();
  return (
    <RecordForm
      doneText={t('industry.forms.coproductionCorrection.done')}
      submitLabel={t('industry.forms.coproductionCorrection.submit')}
      conflictText={t('industry.forms.coproductionCorrection.conflict')}
      onReload={onReload}
      fields={coproductionProjectFields(t, project)}
      read={readCoproductionProjectFields}
      send={(input) => correctCoproduction(project.id, input, versionTag(project.version))}
      onRecorded={onRecorded}
    />
  );
}
