import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from './codes.ts';

describe('the audit trail codes', () => {
  it('names each action and object type once', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(new Set(AUDIT_OBJECT_TYPES).size).toBe(AUDIT_OBJECT_TYPES.length);
  });
});
