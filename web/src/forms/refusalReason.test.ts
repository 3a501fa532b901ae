import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { refusalReason } from './refusalReason.ts';

const t = ((key: string) => key) as unknown as TFunction;

describe('refusalReason', () => {
  it('names the dialog field a reason is about, and gives other reasons as the server wrote them', () => {
    const error = new ApiError(400, {
      invalidParams: [
        { name: 'reason', code: 'required', reason: 'Vul dit veld in.' },
        { name: 'body', code: 'notWithdrawable', reason: 'Deze boeking is al ingetrokken.' },
      ],
    });
    expect(refusalReason(error, t, '', { reason: 'Reden', withdrawnOn: 'Telt niet meer mee vanaf' })).toBe('Reden: Vul dit veld in. Deze boeking is al ingetrokken.');
    expect(refusalReason(error, t, '')).toBe('Vul dit veld in. Deze boeking is al ingetrokken.');
  });
});
