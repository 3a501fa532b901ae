import { describe, expect, it } from 'vitest';
import { ACTIONS, isAllowed, may, ROLES } from './access.ts';

describe('may', () => {
  it('answers as the role matrix for an action without a record', () => {
    for (const role of ROLES) {
      for (const action of ACTIONS) expect(may({ role }, action), `${role} ${action}`).toBe(isAllowed(role, action));
    }
  });

  it('lets every role that may read annexes read the annex of a letter sent to parliament', () => {
    const sent = { type: 'letter', status: 'final', sent: true } as const;
    for (const role of ROLES) expect(may({ role }, 'annex.read', sent), role).toBe(isAllowed(role, 'annex.read'));
  });

  it('keeps the annex of a final letter not yet sent for those who may read the letter itself', () => {
    const unsent = { type: 'letter', status: 'final', sent: false } as const;
    expect(may({ role: 'parliamentReader' }, 'annex.read', unsent)).toBe(false);
    for (const role of ROLES) {
      expect(may({ role }, 'annex.read', unsent), role).toBe(isAllowed(role, 'annex.read') && isAllowed(role, 'letter.read'));
    }
  });

  it('keeps the annex of a draft for those who may read the draft itself', () => {
    const draft = { type: 'letter', status: 'draft', sent: false } as const;
    expect(may({ role: 'parliamentReader' }, 'annex.read', draft)).toBe(false);
    for (const role of ['letterAuthor', 'disclosureOfficer', 'auditor'] as const) expect(may({ role }, 'annex.read', draft), role).toBe(true);
    for (const role of ROLES) {
      expect(may({ role }, 'annex.read', draft), role).toBe(isAllowed(role, 'annex.read') && isAllowed(role, 'letter.read'));
    }
  });

  it('never allows through a record what the role may not do', () => {
    for (const status of ['draft', 'final'] as const) {
      expect(may({ role: 'registrar' }, 'annex.read', { type: 'letter', status, sent: status === 'final' })).toBe(false);
      expect(may({ role: 'administrator' }, 'annex.read', { type: 'letter', status, sent: status === 'final' })).toBe(false);
    }
  });
});
