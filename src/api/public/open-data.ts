/**
 * The public deliveries as a file, written while it is read: a batch of rows at a time is read from the
 * database when the reader is ready for more, so that memory stays the same however long the file is and
 * however many read it at once.
 */
import { PUBLIC_DELIVERY_COLUMNS, type PublicDelivery } from '../../db/repositories/public.ts';
import { csvLine, csvRow } from './csv.ts';

export type OpenDataFormat = 'json' | 'csv';

const encoder = new TextEncoder();

/** How each format opens, writes a batch of rows and closes. */
const FORMATS: Record<OpenDataFormat, { start: string; batch: (rows: PublicDelivery[], first: boolean) => string; end: string }> = {
  json: {
    start: '{"items":[',
    batch: (rows, first) => (first ? '' : ',') + rows.map((row) => JSON.stringify(row)).join(','),
    end: ']}',
  },
  csv: {
    start: csvLine(PUBLIC_DELIVERY_COLUMNS),
    batch: (rows) => rows.map((row) => csvRow(PUBLIC_DELIVERY_COLUMNS, { ...row, isDemonstration: String(row.isDemonstration) })).join(''),
    end: '',
  },
};

export function openDataStream(format: OpenDataFormat, batches: AsyncGenerator<PublicDelivery[]>): ReadableStream<Uint8Array> {
  const { start, batch, end } = FORMATS[format];
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(start));
      },
      async pull(controller) {
        const next = await batches.next();
        if (next.done) {
          if (end) controller.enqueue(encoder.encode(end));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(batch(next.value, first)));
        first = false;
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    // One batch waiting at most: the next is read only when the reader has taken this one.
    { highWaterMark: 1 },
  );
}
