import { describe, expect, it } from 'vitest';
import { asTyped, refusedField } from './typedRequest.ts';

describe('a request sent with the fields the client refused as typed', () => {
  const typed = (field: string) => `typed ${field}`;

  it('carries each refused field as typed where the form put it, nested or not', () => {
    const request = { count: refusedField<number>('count'), progress: { percent: refusedField<number>('percent') }, milestones: [{ title: refusedField<string>('milestones.0.title'), dueOn: '2025-05-01' }] };
    const { request: sent, carried } = asTyped(request, typed);
    expect(sent).toEqual({ count: 'typed count', progress: { percent: 'typed percent' }, milestones: [{ title: 'typed milestones.0.title', dueOn: '2025-05-01' }] });
    expect([...carried]).toEqual(['count', 'percent', 'milestones.0.title']);
  });

  it('carries none when the form changed a mark, which would otherwise be sent as a value', () => {
    const { carried } = asTyped({ country: refusedField<string>('country').toUpperCase(), name: refusedField<string>('name') }, typed);
    expect(carried.size).toBe(0);
  });

  it('does not carry a field whose mark the form read into something else', () => {
    const projects = [{ id: 'a' }];
    const { carried } = asTyped({ project: projects.find((project) => project.id === refusedField('projectId')) }, typed);
    expect(carried.has('projectId')).toBe(false);
  });
});
