import { describe, expect, it } from 'vitest';
import { ValidationError } from '../register/errors.ts';
import { versionsInIfMatch } from './if-match.ts';

describe('versionsInIfMatch', () => {
  it('names no condition without the header', () => {
    expect(versionsInIfMatch(undefined)).toBeUndefined();
  });

  it('takes one strong tag, or a list of them, as the versions of which one must be current', () => {
    expect(versionsInIfMatch('"3"')).toEqual([3]);
    expect(versionsInIfMatch(' "3" ')).toEqual([3]);
    expect(versionsInIfMatch('"3", "4"')).toEqual([3, 4]);
    expect(versionsInIfMatch('"3","4" ,"12"')).toEqual([3, 4, 12]);
    // Empty list members are allowed and ignored (RFC 9110 §5.6.1).
    expect(versionsInIfMatch('"3", , "4",')).toEqual([3, 4]);
  });

  it('takes * as whatever version the object has', () => {
    expect(versionsInIfMatch('*')).toBe('*');
    expect(versionsInIfMatch(' * ')).toBe('*');
  });

  it('lets a weak tag name no version, so that it never matches', () => {
    expect(versionsInIfMatch('W/"3"')).toEqual([]);
    expect(versionsInIfMatch('W/"3", "4"')).toEqual([4]);
  });

  it.each(['', ' ', ',', '3', '"3', 'versie 3', '"drie"', '"3" "4"', '"3";"4"', '*, "3"', '**', 'w/"3"', 'W/ "3"', '"-3"', '"3.0"'])(
    'refuses %j as invalidIfMatch',
    (header) => {
      let refusal: unknown;
      try {
        versionsInIfMatch(header);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(ValidationError);
      expect((refusal as ValidationError).violations).toEqual([{ field: 'If-Match', code: 'invalidIfMatch' }]);
    },
  );
});
