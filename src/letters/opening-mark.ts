import { randomBytes } from 'node:crypto';

/** Digits and capitals no reader takes for one another off a page: no 0 or O, no 1 or I. Thirty-two, so a byte gives one evenly. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A new mark for one opening of the annex, such as "7KQ2-M9PX": eight characters drawn at random (40 bits),
 * printed in the watermark and kept in the opening's audit event, so that a copy leads to the one opening it
 * came from. Drawn, not counted or derived: it tells nothing of the reader's account or session, nor how many
 * openings came before it.
 */
export function newOpeningMark(): string {
  const characters = Array.from(randomBytes(8), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return `${characters.slice(0, 4)}-${characters.slice(4)}`;
}
