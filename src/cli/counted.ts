/** A count with its noun in the number it takes: "1 row", "2 rows", "1,234 events". */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${inNumber(count, noun, plural)}`;
}

/** The word for a count of one, or the word for any other count ("is" or "are"). */
export function inNumber(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
