/** The fixed Dutch words of the letter's layout, shared by every format. */
export const LABELS = {
  returnAddress: 'Retouradres',
  date: 'Datum',
  subject: 'Betreft',
  footnotes: 'Voetnoten',
  ourReference: 'Onze referentie',
  whenAnswering: 'Bij beantwoording, datum, onze referentie en onderwerp vermelden',
  enclosures: 'Bijlage(n)',
  page: 'Pagina',
  of: 'van',
  demonstrationMark: 'DEMONSTRATIEGEGEVENS',
  demonstrationNote:
    'Dit document is gemaakt uit demonstratiegegevens en beschrijft geen werkelijke leveringen.',
} as const;

/** "Pagina 2 van 5", as printed in the footer of a paged format. */
export function pageLabel(page: number, pages: number): string {
  return `${LABELS.page} ${page} ${LABELS.of} ${pages}`;
}

/** The return address as printed above the addressee; the model holds only the address itself. */
export function returnAddressLine(address: string): string {
  return `${LABELS.returnAddress} ${address}`;
}
