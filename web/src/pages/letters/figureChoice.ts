/**
 * Whether the letter's list of computed figures offers the figure: not a delivery's value, which is searched by
 * title, nor the words the text has a count choose (`training:stc.trainers|trainer|trainers`), which are the
 * author's, not a figure.
 */
export const isOffered = (name: string) => !name.startsWith('delivery:') && !name.includes('|');

/**
 * What a figure's name stands for, in the words given (the vocabulary's `letterFigures`): its own, its kind's with
 * what it is about (`training:stc.trainers`), or for a year of a budget record that part's (`budgetShift:ID.fromYear`).
 */
export function describeFigure(name: string, words: Readonly<Record<string, string>>): string {
  if (words[name]) return words[name];
  const [kind = '', about = ''] = name.split(/:(.*)/s);
  const [id = '', part] = about.split('.');
  const yearPart = part === undefined ? undefined : words[`${kind}.${part}`];
  if (yearPart) return `${yearPart} (${id})`;
  return words[kind] ? `${words[kind]} (${about})` : name;
}
