import { DataTable, type DataTableProps } from './DataTable.tsx';
import { ExportLinks, type ExportLinksProps } from './ExportLinks.tsx';

/** A list as a table with its export links above it, or a sentence saying it is empty. */
export function ExportedTable<Row>({ exported, ...table }: DataTableProps<Row> & { exported: ExportLinksProps; empty: string }) {
  return (
    <>
      {table.rows.length > 0 && <ExportLinks {...exported} />}
      <DataTable {...table} />
    </>
  );
}
