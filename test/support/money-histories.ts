/** What the property tests of the figures draw: dates and withdrawals. */
import fc from 'fast-check';

/** A few dates drawn often, so that entries, withdrawals and probes share days and ties get tested. */
export const dateArbitrary = fc.oneof(
  fc.constantFrom('2024-02-04', '2025-02-04', '2025-08-31'),
  fc.date({ min: new Date('2022-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
);

/** How many days after its own date an entry is withdrawn, if it is. */
export const withdrawalArbitrary = fc.option(fc.integer({ min: 0, max: 400 }), { nil: null });

export function daysAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
