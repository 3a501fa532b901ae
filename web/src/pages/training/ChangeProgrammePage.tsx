import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { etagOf } from '../../api/client.ts';
import { getProgramme } from '../../api/training.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { useNavigateWithNotice } from '../../state/notice.tsx';
import { useResource } from '../../state/useResource.ts';
import { ProgrammeForm } from './TrainingForms.tsx';

const TRAINING_PATH = '/training';

/** A programme's form, filled as it is now; saved against that version, then back to the list. */
export function ChangeProgrammePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigateWithNotice = useNavigateWithNotice();
  const resource = useResource(`training-programmes/${id}`, (signal) => getProgramme(id, signal));
  const title = t('training.changePage.title');
  return (
    <>
      <PageHeading title={title}>{resource.data ? `${title}: ${resource.data.data.name}` : title}</PageHeading>
      <p className="nl-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" href={TRAINING_PATH}>
          {t('training.changePage.back')}
        </Link>
      </p>
      {resource.status === 'ready' ? (
        // A new version (after loading the latest) is a new form, filled from it.
        <ProgrammeForm
          key={etagOf(resource.data)}
          changing={{ programme: resource.data.data, etag: etagOf(resource.data), reload: resource.reload }}
          onDone={() => navigateWithNotice(TRAINING_PATH, 'updated')}
        />
      ) : (
        <ResourceStatus resource={resource} onRetry={resource.reload} notFound={t('training.changePage.notFound')} />
      )}
    </>
  );
}
