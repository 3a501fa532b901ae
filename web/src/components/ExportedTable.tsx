import { DataTable, type DataTableProps } from './DataTable.tsx';
import { ExportLinks, type ExportLinksProps } from './ExportLinks.tsx';

/** A list as a table with its export links above it, or a sentence saying it is empty. */
export function ExportedTable<Row>({ exported, empty, ...table }: DataTableProps<Row> & { exported: ExportLinksProps; empty: string }) {
  if (table.rows.length === 0) return <p className="nl-paragraph">{empty}</p>;
  return (
    <>
      <ExportLinks {...exported} />
      <DataTable {...table} />
    </>
  );
}
