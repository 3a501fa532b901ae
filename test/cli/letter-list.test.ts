/**
 * `letter list` prints a letter a line in columns that line up, whatever a letter's status ("withdrawn" is the
 * longest) and whichever of its fields it lacks (a draft's date, a hash and a paper number before it is final).
 */
import { expect, it } from 'vitest';
import { letterListLines } from '../../src/cli/letter-commands.ts';

const letters = [
  { referenceDate: '2025-08-31', status: 'draft', letterDate: null, id: '4b1f0c2e-0d3a-4c55-9d1e-6f0a1b2c3d41', publicSha256: null, paperNumber: null, isDemonstration: true },
  { referenceDate: '2025-05-31', status: 'withdrawn', letterDate: '2025-06-12', id: '4b1f0c2e-0d3a-4c55-9d1e-6f0a1b2c3d42', publicSha256: 'ab'.repeat(32), paperNumber: null, isDemonstration: true },
  { referenceDate: '2025-02-04', status: 'final', letterDate: '2025-02-17', id: '4b1f0c2e-0d3a-4c55-9d1e-6f0a1b2c3d43', publicSha256: 'cd'.repeat(32), paperNumber: 'Kamerstuk 22 054, nr. 453', isDemonstration: true },
] as const;

it('starts each column at the same place on every line, a withdrawn letter and missing fields included', () => {
  const lines = letterListLines(letters);
  expect(lines).toHaveLength(3);
  const startsOf = (text: (letter: (typeof letters)[number]) => string) => lines.map((line, index) => line.indexOf(text(letters[index]!)));
  for (const column of [(letter: (typeof letters)[number]) => letter.id, () => '(demonstration)']) {
    const starts = startsOf(column);
    expect(starts.every((start) => start > 0 && start === starts[0]), lines.join('\n')).toBe(true);
  }
  expect(lines[0]).toMatch(/^2025-08-31 {2}draft {6}- {11}4b1f0c2e-/);
  expect(lines[1]).toMatch(/^2025-05-31 {2}withdrawn {2}2025-06-12 {2}4b1f0c2e-[0-9a-f-]{27} {2}sha256 (ab){8}… {29}\(demonstration\)$/);
  expect(lines[2]).toMatch(/ {2}Kamerstuk 22 054, nr\. 453 {2}\(demonstration\)$/);
});
