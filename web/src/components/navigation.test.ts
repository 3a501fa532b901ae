import { describe, expect, it } from 'vitest';
import { isAllowed, ROLES, type Role } from '../../../src/domain/access.ts';
import { NAVIGATION } from './navigation.ts';

const offeredTo = (role: Role) => NAVIGATION.filter((item) => isAllowed(role, item.action)).map((item) => item.key);

describe('the main menu', () => {
  it('offers a member of parliament the annexes and the assessments opened for inspection, which are all that role may use', () => {
    expect(offeredTo('parliamentReader')).toEqual(['annexes', 'exportInspection']);
  });

  it('marks one item as the current page wherever a role is', () => {
    for (const location of ['/exportcontrole', '/exportcontrole/leveringen/1', '/exportcontrole/inzage', '/exportcontrole/inzage/1', '/bijlagen']) {
      for (const role of ROLES) {
        expect(NAVIGATION.filter((item) => isAllowed(role, item.action) && item.matches(location)).length).toBeLessThanOrEqual(1);
      }
    }
  });
});
