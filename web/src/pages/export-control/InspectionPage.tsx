import { Link } from 'wouter';
import { listInspectable, openAssessment } from '../../api/export-control.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatShortDate } from '../../format/dates.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useResource } from '../../state/useResource.ts';
import { AssessmentView } from './AssessmentView.tsx';
import { useExportWords } from './useExportWords.ts';

/** For parliament: the assessments opened for confidential inspection. */
export function InspectionPage() {
  const { inspection: i, codes } = useExportWords();
  const list = useResource('inspectable', (signal) => listInspectable(signal));
  const items = list.data?.data.items;
  return (
    <>
      <PageHeading title={i.title}>{i.title}</PageHeading>
      <p className="nl-paragraph">{i.intro}</p>
      <ResourceStatus resource={list} onRetry={list.reload} />
      {items && items.length === 0 && <p className="nl-paragraph">{i.empty}</p>}
      {items && items.length > 0 && (
        <ul className="utrecht-unordered-list">
          {items.map((item) => (
            <li key={item.assessmentId} className="utrecht-unordered-list__item">
              <Link className="utrecht-link" href={`/exportcontrole/inzage/${item.assessmentId}`}>{item.deliveryTitle}</Link> · {codes.outcomes[item.outcome]} ·{' '}
              {formatShortDate(item.assessedOn, currentLanguage())}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** One assessment, opened: the opening is recorded. */
export function InspectedAssessmentPage({ id }: { id: string }) {
  const { inspection: i } = useExportWords();
  const opened = useResource(id, (signal) => openAssessment(id, signal));
  const data = opened.data?.data;
  return (
    <>
      <p className="confidential-marking">{i.confidential}</p>
      <PageHeading title={data?.deliveryTitle ?? i.title}>{data?.deliveryTitle ?? i.title}</PageHeading>
      <ResourceStatus resource={opened} onRetry={opened.reload} notFound={i.notFound} />
      {data && <AssessmentView assessment={data.assessment} />}
    </>
  );
}
