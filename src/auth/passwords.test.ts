import { describe, expect, it } from 'vitest';
import { passwordViolation } from './passwords.ts';

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
});
