import { useId, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { EXPORT_CRITERIA, ASSESSMENT_OUTCOMES, CRITERION_FINDINGS, MILITARY_LIST_CATEGORIES, UN_REGISTER_CATEGORIES, WITHHELD_GROUNDS, type CriterionFinding, type AssessmentOutcome, type UnRegisterCategory, type WithheldGround } from '../../../../common/vocabulary/codes.ts';
import { etagOf } from '../../api/client.ts';
import { getDelivery } from '../../api/deliveries.ts';
import { getExportControl, grantInspection, issueLicence, recordAssessment, setRequirement, type ExportControl } from '../../api/export-control.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { fieldReader, type Problems } from '../../forms/fieldReader.ts';
import { SubmitButton } from '../../forms/SubmitButton.tsx';
import { CheckboxField, RadioGroupField, SelectField, TextAreaField, TextField } from '../../forms/controls.tsx';
import { useSubmission } from '../../forms/useSubmission.ts';
import { useCan } from '../../state/session.tsx';
import { useResource } from '../../state/useResource.ts';
import { useHistoryEntry, type ShownHistory } from '../../forms/useHistoryEntry.ts';
import { formatShortDate } from '../../format/dates.ts';
import { formatEuro } from '../../format/money.ts';
import { AssessmentView } from './AssessmentView.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useExportWords } from './useExportWords.ts';
import { todayInAmsterdam } from '../../../../common/dates.ts';

/** A delivery's export control: whether it needs a licence, its assessments and licences, and where it stands at the gate. */
export function ExportDeliveryPage({ id }: { id: string }) {
  const words = useExportWords();
  const d = words.delivery;
  const can = useCan();
  const control = useResource(id, (signal) => getExportControl(id, signal));
  const entry = useHistoryEntry(control.reload);
  // Who may read a delivery's export control may read the delivery: the heading names it.
  const delivery = useResource(`delivery:${id}`, (signal) => getDelivery(id, signal));
  const data = control.data?.data;
  // Every override, assessment and licence is sent on the version shown: one added since is seen before anything is added to it.
  const history = control.data && { etag: etagOf(control.data), entry };
  const title = delivery.data ? `${words.queues.title}: ${delivery.data.data.title}` : d.title;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="nl-paragraph">
        <Link className="utrecht-link" href="/exportcontrole">{d.back}</Link> ·{' '}
        <Link className="utrecht-link" href={`/leveringen/${id}`}>{words.queues.delivery}</Link>
      </p>
      <ResourceStatus resource={control} onRetry={control.reload} notFound={d.notFound} />
      {data && (
        <>
          <dl className="utrecht-data-list utrecht-data-list--rows details-list">
            <div className="utrecht-data-list__item"><dt className="utrecht-data-list__item-key">{d.gate}</dt><dd className="utrecht-data-list__item-value"><strong>{words.codes.gateStates[data.gate]}</strong></dd></div>
            {data.leftOn && <div className="utrecht-data-list__item"><dt className="utrecht-data-list__item-key">{d.leftOn}</dt><dd className="utrecht-data-list__item-value">{formatShortDate(data.leftOn, currentLanguage())}</dd></div>}
            <div className="utrecht-data-list__item"><dt className="utrecht-data-list__item-key">{d.required}</dt><dd className="utrecht-data-list__item-value">{data.required ? d.yes : d.no}</dd></div>
            <div className="utrecht-data-list__item"><dt className="utrecht-data-list__item-key">{d.requiredByRule}</dt><dd className="utrecht-data-list__item-value">{data.requiredByRule ? d.yes : d.no}</dd></div>
          </dl>
          {data.leftOn && <p className="nl-paragraph">{d.judgedOnLeaving}</p>}
          {data.requirements.length > 0 && <RequirementHistory control={data} />}
          {can('export.assess') && history && <RequirementForm deliveryId={id} required={data.required} history={history} onDone={control.reload} />}
          <h2 className="nl-heading nl-heading--level-2">{d.licences}</h2>
          {data.licences.length === 0 ? <p className="nl-paragraph">{d.noLicences}</p> : <LicenceTable control={data} />}
          {can('licence.issue') && history && <LicenceAction deliveryId={id} control={data} history={history} onDone={control.reload} />}
          <h2 className="nl-heading nl-heading--level-2">{d.assessments}</h2>
          {data.assessments.length === 0 && <p className="nl-paragraph">{d.noAssessments}</p>}
          {data.assessments.map((assessment) => (
            <div key={assessment.id}>
              <AssessmentView assessment={assessment} reassessment={isReassessment(data, assessment.assessedOn)} />
              {can('export.assess') && assessment.inspectionGrants.length === 0 && <GrantInspection assessmentId={assessment.id} onDone={control.reload} />}
            </div>
          ))}
          {can('export.assess') && history && <AssessmentForm deliveryId={id} history={history} onDone={control.reload} />}
        </>
      )}
    </>
  );
}

/** An assessment made after the goods left, where one made by then stands: a reassessment for the record (assessmentStandingOn). */
function isReassessment({ leftOn, assessments }: ExportControl, assessedOn: string): boolean {
  return leftOn !== null && assessedOn > leftOn && assessments.some((assessment) => assessment.assessedOn <= leftOn);
}

function LicenceTable({ control }: { control: ExportControl }) {
  const { delivery: d, codes } = useExportWords();
  const captionId = useId();
  return (
    <TableScroll labelledBy={captionId}>
      <table className="utrecht-table">
        <caption id={captionId} className="utrecht-table__caption">{d.licences}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {[d.number, d.issuedOn, d.validUntil, d.militaryList, d.unRegister, d.quantityAuthorised, d.valueAuthorised, d.withheld].map((heading) => <th key={heading} className="utrecht-table__header-cell">{heading}</th>)}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {control.licences.map((licence) => (
            <tr key={licence.id} className="utrecht-table__row">
              <td className="utrecht-table__cell">{licence.number}</td>
              <td className="utrecht-table__cell">{formatShortDate(licence.issuedOn, currentLanguage())}</td>
              <td className="utrecht-table__cell">{formatShortDate(licence.validUntil, currentLanguage())}</td>
              <td className="utrecht-table__cell">{licence.militaryListCategory}</td>
              <td className="utrecht-table__cell">{licence.unRegisterCategory ? codes.unRegisterCategories[licence.unRegisterCategory] : d.none}</td>
              <td className="utrecht-table__cell">{licence.quantityAuthorised ?? '—'}</td>
              <td className="utrecht-table__cell">{formatEuro(licence.valueAuthorisedCents, currentLanguage())}</td>
              <td className="utrecht-table__cell">{licence.withheldGround ? codes.withheldGrounds[licence.withheldGround] : d.no}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function RequirementHistory({ control }: { control: ExportControl }) {
  const { delivery: d, fill } = useExportWords();
  return (
    <>
      <h3 className="nl-heading nl-heading--level-3">{d.requirementHistory}</h3>
      <ul className="utrecht-unordered-list">
        {control.requirements.map((requirement) => (
          <li key={requirement.id} className="utrecht-unordered-list__item">
            {fill(requirement.required ? d.requiredFrom : d.notRequiredFrom, { effectiveOn: formatShortDate(requirement.effectiveOn, currentLanguage()) })}{' '}
            {fill(d.requirementDecided, { date: formatShortDate(todayInAmsterdam(new Date(requirement.decidedAt)), currentLanguage()), name: requirement.decidedByName })} {requirement.reason}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The assessor departs from the rule for one delivery from a date, with a reason. */
function RequirementForm({ deliveryId, required, history, onDone }: { deliveryId: string; required: boolean; history: ShownHistory; onDone: () => void }) {
  const { delivery: d } = useExportWords();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [choice, setChoice] = useState(required ? 'yes' : 'no');
  const [reason, setReason] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(() => todayInAmsterdam());
  const submission = useSubmission({ conflictText: history.entry.conflictText });

  function submit(event: FormEvent) {
    event.preventDefault();
    // The server judges the reason and the date in one answer, a date the browser cannot read among them.
    void submission.submit({}, async () => {
      await history.entry.add(deliveryId, history.etag, (ifMatch) => setRequirement(deliveryId, { required: choice === 'yes', reason, effectiveOn }, key, ifMatch));
      setKey(crypto.randomUUID());
      setReason('');
      setEffectiveOn(todayInAmsterdam());
      onDone();
    }, () => true);
  }

  return (
    <form ref={submission.formRef} onSubmit={submit} noValidate aria-labelledby="requirement" className="record-form">
      <h2 id="requirement" className="nl-heading nl-heading--level-2">{d.requirementTitle}</h2>
      <p className="nl-paragraph">{d.requirementHint}</p>
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={{ required: d.requirementChoice, reason: d.reason, effectiveOn: d.effectiveOn }} formError={submission.formError} refusals={submission.refusals} />
      <RadioGroupField name="required" label={d.requirementChoice} value={choice} onChange={setChoice} options={[{ value: 'yes', label: d.yes }, { value: 'no', label: d.no }]} />
      <TextAreaField name="reason" label={d.reason} value={reason} onChange={setReason} error={submission.fieldErrors.reason} rows={2} />
      <TextField name="effectiveOn" type="date" label={d.effectiveOn} value={effectiveOn} onChange={setEffectiveOn} error={submission.fieldErrors.effectiveOn} />
      <SubmitButton label={d.saveRequirement} submitting={submission.submitting} busyLabel={d.saving} />
    </form>
  );
}

function GrantInspection({ assessmentId, onDone }: { assessmentId: string; onDone: () => void }) {
  const { delivery: d } = useExportWords();
  const [key] = useState(() => crypto.randomUUID());
  const submission = useSubmission();
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submission.submit({}, async () => { await grantInspection(assessmentId, '', key); onDone(); }); }}>
      {/* A grant made meanwhile, as from another page, is refused: said here rather than leaving the button to do nothing. */}
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={{}} formError={submission.formError} refusals={submission.refusals} />
      <SubmitButton label={d.grantInspection} submitting={submission.submitting} busyLabel={d.saving} />
    </form>
  );
}


function AssessmentForm({ deliveryId, history, onDone }: { deliveryId: string; history: ShownHistory; onDone: () => void }) {
  const words = useExportWords();
  const d = words.delivery;
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [findings, setFindings] = useState<Record<number, CriterionFinding>>({});
  const [reasons, setReasons] = useState<Record<number, string>>({});
  // No outcome is chosen for the assessor: a positive one opens the way to a licence.
  const empty = () => ({ endUser: '', endUseStatement: '', outcome: '' as AssessmentOutcome | '', conditions: '', expedited: false, assessedOn: todayInAmsterdam() });
  const [fields, setFields] = useState(empty);
  const submission = useSubmission({ conflictText: history.entry.conflictText });
  const set = (name: keyof typeof fields) => (value: string) => setFields((previous) => ({ ...previous, [name]: value }));
  const labels: Record<string, string> = { endUser: d.endUser, endUseStatement: d.endUseStatement, outcome: d.outcome, conditions: d.conditions, assessedOn: d.assessedOn };
  for (const criterion of EXPORT_CRITERIA) {
    labels[`criteria.${criterion}`] = `${d.criterion} ${criterion}`;
    labels[`criteria.${criterion}.reasoning`] = `${d.reasoning} ${criterion}`;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const criteria = EXPORT_CRITERIA.filter((criterion) => findings[criterion]).map((criterion) => ({ criterion, finding: findings[criterion]!, reasoning: reasons[criterion] ?? '' }));
    // The server judges every field, in one answer: an outcome not chosen is sent empty and refused with the others' faults, as is a date the browser cannot read.
    const outcome = fields.outcome as AssessmentOutcome;
    void submission.submit({}, async () => {
      await history.entry.add(deliveryId, history.etag, (ifMatch) => recordAssessment(deliveryId, { ...fields, outcome, criteria }, key, ifMatch));
      setKey(crypto.randomUUID());
      // Emptied once recorded, so that saving again does not record the same assessment a second time, in the first one's place.
      setFindings({});
      setReasons({});
      setFields(empty());
      onDone();
    }, () => true);
  }

  return (
    <form ref={submission.formRef} onSubmit={submit} noValidate aria-labelledby="new-assessment" className="record-form">
      <h2 id="new-assessment" className="nl-heading nl-heading--level-2">{d.newAssessment}</h2>
      <p className="nl-paragraph">{d.newAssessmentHint}</p>
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels} formError={submission.formError} refusals={submission.refusals} />
      {EXPORT_CRITERIA.map((criterion) => (
        <fieldset key={criterion} className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">{criterion}. {words.codes.criteria[criterion]}</legend>
          <SelectField
            name={`criteria.${criterion}`}
            label={d.finding}
            value={findings[criterion] ?? ''}
            onChange={(value) => setFindings((previous) => ({ ...previous, [criterion]: value as CriterionFinding }))}
            options={[{ value: '', label: '—' }, ...CRITERION_FINDINGS.map((value) => ({ value, label: words.codes.findings[value] }))]}
            error={submission.fieldErrors[`criteria.${criterion}`]}
          />
          <TextAreaField name={`criteria.${criterion}.reasoning`} label={d.reasoning} value={reasons[criterion] ?? ''} onChange={(value) => setReasons((previous) => ({ ...previous, [criterion]: value }))} error={submission.fieldErrors[`criteria.${criterion}.reasoning`]} rows={2} />
        </fieldset>
      ))}
      <TextField name="endUser" label={d.endUser} value={fields.endUser} onChange={set('endUser')} error={submission.fieldErrors.endUser} />
      <TextAreaField name="endUseStatement" label={d.endUseStatement} value={fields.endUseStatement} onChange={set('endUseStatement')} error={submission.fieldErrors.endUseStatement} rows={2} />
      <SelectField name="outcome" label={d.outcome} value={fields.outcome} onChange={set('outcome')} options={[{ value: '', label: words.choose }, ...ASSESSMENT_OUTCOMES.map((value) => ({ value, label: words.codes.outcomes[value] }))]} error={submission.fieldErrors.outcome} />
      <TextAreaField name="conditions" label={d.conditions} value={fields.conditions} onChange={set('conditions')} error={submission.fieldErrors.conditions} rows={2} optional />
      <CheckboxField name="expedited" label={d.expedited} checked={fields.expedited} onChange={(expedited) => setFields((previous) => ({ ...previous, expedited }))} />
      <TextField name="assessedOn" type="date" label={d.assessedOn} value={fields.assessedOn} onChange={set('assessedOn')} error={submission.fieldErrors.assessedOn} />
      <SubmitButton label={d.saveAssessment} submitting={submission.submitting} busyLabel={d.saving} />
    </form>
  );
}

/** The licence form on the latest assessment where it is positive; where a licence is needed and none can be issued yet, why. */
function LicenceAction({ deliveryId, control, history, onDone }: { deliveryId: string; control: ExportControl; history: ShownHistory; onDone: () => void }) {
  const { delivery: d } = useExportWords();
  const [latest] = control.assessments;
  if (latest && latest.outcome !== 'negative') return <LicenceForm deliveryId={deliveryId} assessmentId={latest.id} history={history} onDone={onDone} />;
  if (!control.required) return null;
  return <p className="nl-paragraph">{latest ? d.licenceRefusedByAssessment : d.licenceAwaitsAssessment}</p>;
}

function LicenceForm({ deliveryId, assessmentId, history, onDone }: { deliveryId: string; assessmentId: string; history: ShownHistory; onDone: () => void }) {
  const words = useExportWords();
  const d = words.delivery;
  const [key, setKey] = useState(() => crypto.randomUUID());
  // No category is chosen for the licensing officer: it is what the licence allows to be exported.
  const [fields, setFields] = useState({ number: '', issuedOn: todayInAmsterdam(), validUntil: '', militaryListCategory: '', unRegisterCategory: '', quantityAuthorised: '', valueAuthorised: '', importingState: 'UA', withheldGround: '', conditions: '' });
  const submission = useSubmission({ conflictText: history.entry.conflictText });
  const set = (name: keyof typeof fields) => (value: string) => setFields((previous) => ({ ...previous, [name]: value }));
  const labels = { number: d.number, issuedOn: d.issuedOn, validUntil: d.validUntil, militaryListCategory: d.militaryList, unRegisterCategory: d.unRegister, quantityAuthorised: d.quantityAuthorised, valueAuthorisedCents: d.valueAuthorised, importingState: d.importingState, withheldGround: d.withheld, conditions: d.conditions, assessmentId: d.outcome };

  function submit(event: FormEvent) {
    event.preventDefault();
    // Read as every form reads amounts, codes and counts: an amount is never rounded to the cent, a country exists.
    // A field refused here is sent as typed, so that the server names the others' faults in the same round.
    const problems: Problems = {};
    const typed = { ...fields, valueAuthorisedCents: fields.valueAuthorised };
    const read = fieldReader(typed, problems, submission.unfinished());
    const licence = {
      assessmentId,
      number: read.text('number'),
      issuedOn: read.text('issuedOn'),
      validUntil: read.text('validUntil'),
      conditions: read.text('conditions'),
      militaryListCategory: read.code('militaryListCategory', MILITARY_LIST_CATEGORIES),
      unRegisterCategory: fields.unRegisterCategory === '' ? null : (fields.unRegisterCategory as UnRegisterCategory),
      quantityAuthorised: read.wholeNumber('quantityAuthorised'),
      valueAuthorisedCents: read.amount('valueAuthorisedCents', true),
      importingState: read.country('importingState'),
      withheldGround: fields.withheldGround === '' ? null : (fields.withheldGround as WithheldGround),
    };
    void submission.submitRequest(problems, licence, (name) => typed[name as keyof typeof typed], async (request) => {
      await history.entry.add(deliveryId, history.etag, (ifMatch) => issueLicence(deliveryId, request, key, ifMatch));
      setKey(crypto.randomUUID());
      onDone();
    });
  }

  return (
    <form ref={submission.formRef} onSubmit={submit} noValidate aria-labelledby="new-licence" className="record-form">
      <h3 id="new-licence" className="nl-heading nl-heading--level-3">{d.newLicence}</h3>
      <ErrorSummary fieldErrors={submission.fieldErrors} labels={labels} formError={submission.formError} refusals={submission.refusals} />
      <TextField name="number" label={d.number} value={fields.number} onChange={set('number')} error={submission.fieldErrors.number} />
      <TextField name="issuedOn" type="date" label={d.issuedOn} value={fields.issuedOn} onChange={set('issuedOn')} error={submission.fieldErrors.issuedOn} />
      <TextField name="validUntil" type="date" label={d.validUntil} value={fields.validUntil} onChange={set('validUntil')} error={submission.fieldErrors.validUntil} />
      <SelectField name="militaryListCategory" label={d.militaryList} value={fields.militaryListCategory} onChange={set('militaryListCategory')} options={[{ value: '', label: words.choose }, ...MILITARY_LIST_CATEGORIES.map((value) => ({ value, label: words.codes.militaryListCategories[value] }))]} error={submission.fieldErrors.militaryListCategory} />
      <SelectField name="unRegisterCategory" label={d.unRegister} value={fields.unRegisterCategory} onChange={set('unRegisterCategory')} options={[{ value: '', label: d.none }, ...UN_REGISTER_CATEGORIES.map((value) => ({ value, label: words.codes.unRegisterCategories[value] }))]} error={submission.fieldErrors.unRegisterCategory} />
      <TextField name="quantityAuthorised" inputMode="numeric" label={d.quantityAuthorised} value={fields.quantityAuthorised} onChange={set('quantityAuthorised')} error={submission.fieldErrors.quantityAuthorised} optional />
      <TextField name="valueAuthorisedCents" inputMode="decimal" label={d.valueAuthorised} value={fields.valueAuthorised} onChange={set('valueAuthorised')} error={submission.fieldErrors.valueAuthorisedCents} />
      <TextField name="importingState" label={d.importingState} value={fields.importingState} onChange={set('importingState')} error={submission.fieldErrors.importingState} size="small" />
      <SelectField name="withheldGround" label={d.withheld} value={fields.withheldGround} onChange={set('withheldGround')} options={[{ value: '', label: d.no }, ...WITHHELD_GROUNDS.map((value) => ({ value, label: words.codes.withheldGrounds[value] }))]} error={submission.fieldErrors.withheldGround} />
      <TextAreaField name="conditions" label={d.conditions} value={fields.conditions} onChange={set('conditions')} error={submission.fieldErrors.conditions} rows={2} optional />
      <SubmitButton label={d.saveLicence} submitting={submission.submitting} busyLabel={d.saving} />
    </form>
  );
}
