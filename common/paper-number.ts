/**
 * A parliamentary paper as parliament cites it: "Kamerstuk 22 054, nr. 460". The dossier is five digits grouped
 * "36 045", a budget chapter after it as parliament writes it, by a space or a hyphen ("36 200 X", "36 200-X",
 * "36 200 IXB", "36 600 A"), or a subdossier by a hyphen ("21 501-28"). Checked by the server and, before it asks
 * for confirmation, by the browser.
 */
export const PAPER_NUMBER_PATTERN = /^Kamerstuk [1-9][0-9] [0-9]{3}(?:[ -](?:[IVX]{1,5}[A-C]?|[A-Z])|-[0-9]{1,2})?, nr\. [1-9][0-9]{0,4}$/;

/**
 * The dossier of a paper number in one way of writing it (a budget chapter after a hyphen: "36 200-X" for
 * "36 200 X") and its number in that dossier; undefined for text that is no paper number.
 */
export function paperNumberParts(paperNumber: string): { dossier: string; number: number } | undefined {
  if (!PAPER_NUMBER_PATTERN.test(paperNumber)) return undefined;
  const [, dossier, number] = /^Kamerstuk (.+), nr\. ([0-9]+)$/.exec(paperNumber)!;
  return { dossier: dossier!.replace(/ (?=[A-Z]+$)/, '-'), number: Number(number) };
}
