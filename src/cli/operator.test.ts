import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { isoDateOption } from './operator.ts';

describe('a date typed as an option', () => {
  it('takes a date the API would take', () => {
    for (const date of ['2014-01-01', '2025-08-31', '2099-12-31']) expect(isoDateOption(date)).toBe(date);
  });

  it('refuses a date that does not exist or lies outside 2014 to the end of the century', () => {
    for (const date of ['2025-02-31', '31-08-2025', '2025-8-31', '1999-01-01', '2013-12-31', '2100-01-01', '']) {
      expect(() => isoDateOption(date), date).toThrow(InvalidArgumentError);
    }
  });
});
