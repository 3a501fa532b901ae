import { describe, expect, it } from 'vitest';
import { ApiError, namesNothing } from './client.ts';

describe('namesNothing', () => {
  it('is a record not found, or an id refused as one that cannot be a record', () => {
    expect(namesNothing(new ApiError(404, { title: 'Niet gevonden' }))).toBe(true);
    expect(namesNothing(new ApiError(400, { invalidParams: [{ name: 'id', code: 'invalidFormat', reason: 'Geen geldige UUID.' }] }))).toBe(true);
  });

  it('is not any other refusal or failure, which trying again or changing the input may mend', () => {
    expect(namesNothing(new ApiError(400, { invalidParams: [{ name: 'title', code: 'required', reason: 'Vul dit veld in.' }] }))).toBe(false);
    expect(namesNothing(new ApiError(400, { invalidParams: [{ name: 'id', code: 'invalidFormat', reason: '' }, { name: 'date', code: 'invalidFormat', reason: '' }] }))).toBe(false);
    expect(namesNothing(new ApiError(400, {}))).toBe(false);
    expect(namesNothing(new ApiError(403, {}))).toBe(false);
    expect(namesNothing(new ApiError(500, {}))).toBe(false);
    expect(namesNothing(new TypeError('Failed to fetch'))).toBe(false);
  });
});
