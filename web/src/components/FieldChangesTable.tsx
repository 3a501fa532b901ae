import type { FieldChange } from '../format/changes.ts';
import { useFieldText } from '../format/useFieldText.ts';
import { DataTable, type Column } from './DataTable.tsx';

interface FieldChangesTableProps {
  caption: string;
  headers: { field: string; before: string; after: string };
  changes: readonly FieldChange[];
  /** The labels and values of the fields, where the page has words of its own for them (the audit trail's). */
  text?: ReturnType<typeof useFieldText>;
}

/** Per field that changed: its name, the value before and the value after, in words. */
export function FieldChangesTable({ caption, headers, changes, text: pageText }: FieldChangesTableProps) {
  const fieldText = useFieldText();
  const text = pageText ?? fieldText;
  const columns: Column<FieldChange>[] = [
    { key: 'field', header: headers.field, cell: (change) => text.label(change.field) },
    { key: 'before', header: headers.before, cell: (change) => text.value(change.field, change.before) },
    { key: 'after', header: headers.after, cell: (change) => text.value(change.field, change.after) },
  ];
  return (
    <div className="field-changes">
      <DataTable caption={caption} columns={columns} rows={changes} rowKey={(change) => change.field} />
    </div>
  );
}
