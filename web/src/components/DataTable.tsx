import { useId, type ReactNode } from 'react';
import { TableScroll } from './TableScroll.tsx';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  /** The first column names the row and is its header cell. */
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Said instead of the table when there are no rows; without it an empty table shows its headers. */
  empty?: string;
}

/** A read-only table in the NL Design System style, scrolling sideways on small screens. */
export function DataTable<Row>({ caption, columns, rows, rowKey, empty }: DataTableProps<Row>) {
  const captionId = useId();
  const [rowHeader, ...cells] = columns;
  if (!rowHeader) throw new Error('a table needs at least one column');
  if (empty !== undefined && rows.length === 0) return <p className="nl-paragraph">{empty}</p>;
  const headerCell = (numeric?: boolean) =>
    `utrecht-table__header-cell${numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`;
  return (
    <TableScroll labelledBy={captionId}>
      <table className="utrecht-table utrecht-table--html-table">
        <caption id={captionId} className="utrecht-table__caption">
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {columns.map((column) => (
              <th key={column.key} scope="col" className={headerCell(column.numeric)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell table-row-heading">
                {rowHeader.cell(row)}
              </th>
              {cells.map((column) => (
                <td key={column.key} className={`utrecht-table__cell${column.numeric ? ' utrecht-table__cell--numeric-data' : ''}`}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
