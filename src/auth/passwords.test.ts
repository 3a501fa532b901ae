import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordMatches, passwordViolation } from './passwords.ts';

describe('the password rules (NIST SP 800-63B)', () => {
  it('asks for at least 15 characters, counted as code points, and accepts up to 256', () => {
    expect(passwordViolation('fourteen chars', 'k.jansen')).toBe('passwordTooShort');
    expect(passwordViolation('🐎🐎🐎 fifteen ok!', 'k.jansen')).toBeNull();
    expect(passwordViolation('x'.repeat(100) + 'y'.repeat(156), 'k.jansen')).toBeNull();
    expect(passwordViolation('xy'.repeat(128) + 'z', 'k.jansen')).toBe('passwordTooLong');
  });

  it('refuses common and breached passwords, repetitions, sequences and the username', () => {
    for (const common of ['password1234567', 'iloveyou!!!!!!!!', '123456789012345', 'passwordpassword', 'PasswordPassword']) {
      expect(passwordViolation(common, 'k.jansen'), common).toBe('passwordCommon');
    }
    for (const pattern of ['aaaaaaaaaaaaaaa', 'abcabcabcabcabc', 'abcdefghijklmnop', '987654321098765', 'qwertyuiopasdfgh']) {
      expect(passwordViolation(pattern, 'k.jansen'), pattern).toBe('passwordCommon');
    }
    expect(passwordViolation('k.jansen-is-mijn-naam', 'k.jansen')).toBe('passwordCommon');
    expect(passwordViolation('mijn steunregister wachtwoord', 'k.jansen')).toBe('passwordCommon');
    expect(passwordViolation('correct horse battery staple', 'k.jansen')).toBeNull();
    expect(passwordViolation('Zt4-vq9!mW2#pL0x', 'k.jansen')).toBeNull();
  });

  it('takes a password in whatever Unicode form its accents were typed', async () => {
    const composed = 'café crème tous les matins';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await passwordMatches(await hashPassword(composed), decomposed)).toBe(true);
    expect(await passwordMatches(await hashPassword(decomposed), composed)).toBe(true);
    expect(await passwordMatches(await hashPassword(composed), 'cafe crème tous les matins')).toBe(false);
    // Hashed as typed, before passwords were normalised: it still logs in as it was typed.
    expect(await passwordMatches(await hash(decomposed), decomposed)).toBe(true);
  });

  it('logs in with every password it accepts, counting characters as the rules count them', async () => {
    const animals = Array.from({ length: 200 }, (_, index) => String.fromCodePoint(0x1f400 + index)).join('');
    expect(passwordViolation(animals, 'k.jansen')).toBeNull();
    expect(await passwordMatches(await hashPassword(animals), animals)).toBe(true);
  });
});
