import { describe, expect, it } from 'vitest';
import { approvalOffer } from './approvalOffer.ts';

const submitted = { approval: null, approvalRefusal: null, problems: [] };

describe('the approval a letter page offers its reader', () => {
  it('is offered when nothing keeps the reader from approving', () => {
    expect(approvalOffer(submitted)).toEqual({ offered: true, heldBack: undefined });
  });

  it('is held back, saying so, while the text has problems an approval would be refused with', () => {
    expect(approvalOffer({ ...submitted, problems: ['In tekstblok 5 (Training) staat {{ zonder }}.'] })).toEqual({ offered: false, heldBack: 'problemsInText' });
  });

  it('gives the server’s reason first', () => {
    expect(approvalOffer({ ...submitted, approvalRefusal: 'approvalByWriter', problems: ['…'] })).toEqual({ offered: false, heldBack: 'approvalByWriter' });
    expect(approvalOffer({ ...submitted, approvalRefusal: 'notDisclosureOfficer', problems: ['…'] })).toEqual({ offered: false, heldBack: undefined });
  });

  it('is not offered again for the text as approved', () => {
    const approval = { sha256: 'a'.repeat(64), byName: 'Demonstratie openbaarmakingsfunctionaris', at: '2025-09-09T10:00:00.000Z', matchesCurrent: true };
    expect(approvalOffer({ ...submitted, approval })).toEqual({ offered: false, heldBack: undefined });
  });
});
