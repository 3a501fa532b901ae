import type { ReactNode } from 'react';
import type { FieldDescription } from '../../forms/DescribedField.tsx';
import type { FieldReader } from '../../forms/fieldReader.ts';
import { RecordForm } from '../../forms/RecordForm.tsx';
import { CorrectionChooser } from './CorrectionChooser.tsx';

/** What a correction form says: its legend and intro, the label of the choice of record, its button, and what it says once saved or when the record changed since. */
export interface CorrectionWords {
  legend: string;
  intro: string;
  choose: string;
  submit: string;
  done: string;
  conflict: string;
}

/**
 * Correcting a record of the overview in the fields of the form that records one: the registrar chooses it, and
 * those fields, filled as the overview shows it, are saved against that version (412 when someone changed it since,
 * with the offer to load the latest).
 */
export function FieldsCorrection<R extends { id: string; version: number }, N extends string, Input>({
  words,
  options,
  fields,
  read,
  send,
  actions,
  onReload,
  onRecorded,
}: {
  words: CorrectionWords;
  options: readonly { record: R; label: string }[];
  fields: (record: R) => Record<N, FieldDescription<N>>;
  read: (reader: FieldReader<N>) => Input;
  /** Sends the correction of the record with the warnings confirmed at its fields. */
  send: (record: R, input: Input, confirmed: readonly string[]) => Promise<unknown>;
  /** What else may be done with the record chosen, below its form. */
  actions?: (record: R) => ReactNode;
  onReload: () => void;
  onRecorded: () => void;
}) {
  return (
    <CorrectionChooser
      words={words}
      options={options}
      form={(record, saved) => (
        <>
          <RecordForm
            doneText={words.done}
            submitLabel={words.submit}
            conflictText={words.conflict}
            onReload={onReload}
            fields={fields(record)}
            read={read}
            send={(input, _key, confirmed) => send(record, input, confirmed)}
            onRecorded={saved}
          />
          {actions?.(record)}
        </>
      )}
      onRecorded={onRecorded}
    />
  );
}
