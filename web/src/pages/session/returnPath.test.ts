import { describe, expect, it } from 'vitest';
import { loginPathReturningTo, returnPathOf } from './returnPath.ts';

describe('the way back after logging in', () => {
  it('returns to the page the user was on, with its query', () => {
    const login = loginPathReturningTo('/leveringen?category=ammunition&page=2');
    expect(returnPathOf(new URL(login, 'http://register.test').search)).toBe('/leveringen?category=ammunition&page=2');
  });

  it('goes nowhere but to a page of this site', () => {
    for (const path of ['https://elsewhere.test/', '//elsewhere.test/', '/\\elsewhere.test', 'javascript:alert(1)', '/inloggen?terug=/x', '']) {
      expect(returnPathOf(`?terug=${encodeURIComponent(path)}`)).toBe('/');
    }
    expect(returnPathOf('')).toBe('/');
  });
});
