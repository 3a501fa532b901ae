import type { FieldDescription } from './DescribedField.tsx';
import type { DeliveryFilter } from './useDeliverySearch.ts';

/** How many deliveries one save can link besides those already linked. */
const NEW_LINKS_PER_SAVE = 10;

/** A field that links a delivery, by the API's name for the list it fills (so that its refusals land there). */
export type DeliveryLinkField = `deliveryIds.${number}`;

interface DeliveryLinkOptions {
  /** The deliveries linked now. */
  linked: readonly string[];
  /** The label of the field with this number, counted from 1. */
  label: (number: number) => string;
  noneLabel: string;
  /** Said under a field that holds a linked delivery. */
  unlinkHint?: string;
  filter?: DeliveryFilter;
}

/**
 * The fields that link a record to deliveries: one per delivery linked now, where choosing none unlinks
 * it; then one to link another, and once that is chosen one more, up to ten new ones per save. Emptying a
 * new field hides those after it, which then link nothing. `chosen` reads the deliveries the fields link,
 * each once.
 */
export function deliveryLinkFields<N extends string>({ linked, label, noneLabel, unlinkHint, filter }: DeliveryLinkOptions) {
  const slot = (index: number): DeliveryLinkField => `deliveryIds.${index}`;
  /** How many new fields, from the first, hold a delivery. */
  const filledNewLinks = (valueOf: (field: DeliveryLinkField) => string) => {
    let filled = 0;
    while (filled < NEW_LINKS_PER_SAVE && valueOf(slot(linked.length + filled)) !== '') filled++;
    return filled;
  };
  const initial = [...linked, ...Array<string>(NEW_LINKS_PER_SAVE).fill('')];
  const fields = Object.fromEntries(
    initial.map((id, index): [DeliveryLinkField, FieldDescription<N | DeliveryLinkField>] => [
      slot(index),
      {
        label: label(index + 1),
        control: 'delivery',
        filter,
        noneLabel,
        optional: true,
        initial: id,
        hint: id ? unlinkHint : undefined,
        shownWhen: index <= linked.length ? undefined : (values) => filledNewLinks((field) => (values as Record<string, string | undefined>)[field] ?? '') >= index - linked.length,
      },
    ]),
  ) as Record<DeliveryLinkField, FieldDescription<N | DeliveryLinkField>>;
  const chosen = (valueOf: (field: DeliveryLinkField) => string): string[] => [
    ...new Set(initial.slice(0, linked.length + filledNewLinks(valueOf)).map((_, index) => valueOf(slot(index))).filter(Boolean)),
  ];
  return { fields, chosen };
}
