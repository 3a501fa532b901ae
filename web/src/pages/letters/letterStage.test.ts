import { describe, expect, it } from 'vitest';
import { letterStage } from './letterStage.ts';

const draft = { status: 'draft', submittedAt: null, sentAt: null, publishAt: null, publishedAt: null } as const;
const final = { ...draft, status: 'final', submittedAt: '2025-09-08T10:00:00.000Z' } as const;

describe('the step a letter has reached, as the list of letters tells it', () => {
  it('tells of a draft only once it is offered for approval', () => {
    expect(letterStage(draft)).toBeNull();
    expect(letterStage({ ...draft, submittedAt: '2025-09-08T10:00:00.000Z' })).toBe('submitted');
  });

  it('follows a final letter from unsent through the embargo to its publication', () => {
    expect(letterStage(final)).toBe('notSent');
    const sent = { ...final, sentAt: '2025-09-10T09:00:00.000Z' };
    expect(letterStage(sent)).toBe('sent');
    const scheduled = { ...sent, publishAt: '2025-09-10T16:00:00.000Z' };
    expect(letterStage(scheduled)).toBe('scheduled');
    expect(letterStage({ ...scheduled, publishedAt: '2025-09-10T16:00:00.000Z' })).toBe('published');
  });

  it('tells of no step of a letter withdrawn: it is never sent', () => {
    expect(letterStage({ ...final, status: 'withdrawn' })).toBeNull();
  });
});
