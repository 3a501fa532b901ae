/**
 * A file written while it is read: its start, then a batch of rows each time the reader is ready for more,
 * then its end. Memory stays that of one batch however long the file is, and the server answers other
 * requests between batches.
 */

/** How a file opens, writes a batch of rows and closes. */
export interface FileShape<Row> {
  start: string;
  batch: (rows: Row[], first: boolean) => string;
  end: string;
}

const encoder = new TextEncoder();

export function streamedFile<Row>({ start, batch, end }: FileShape<Row>, batches: AsyncGenerator<Row[]>): ReadableStream<Uint8Array> {
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
    // One batch waiting at most: the next is made only when the reader has taken this one.
    { highWaterMark: 1 },
  );
}
