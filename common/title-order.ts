const collator = new Intl.Collator('nl', { numeric: true });

/**
 * Two titles or names in the order people read a list in: the numbers in them by value ("nr. 3", "nr. 11",
 * "nr. 101", where text order gives "nr. 101", "nr. 11", "nr. 3"), letters as Dutch sorts them.
 */
export const compareTitles: (a: string, b: string) => number = collator.compare;
