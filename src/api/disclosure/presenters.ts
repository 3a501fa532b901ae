/** Between the JSON of the API and the register: a decision's body as the register takes it. */
import type { z } from '@hono/zod-openapi';
import type { DecisionInput } from '../../domain/disclosure.ts';
import type { DecisionInputSchema } from './schemas.ts';

type DecisionBody = z.infer<typeof DecisionInputSchema>;

export function decisionInput(body: DecisionBody): DecisionInput {
  const note = body.note ?? '';
  if (body.state === 'public') {
    return {
      state: 'public',
      note,
      publicFrom: body.publicFrom ?? null,
      openData: { realisedDate: body.publicRealisedDate ?? null, value: body.publicValue ?? false },
      presentation: { title: body.publicTitle ?? '', detail: body.publicDetail ?? '', category: body.publicCategory ?? 'other', quantity: body.publicQuantity ?? null },
    };
  }
  return { state: 'confidential', note, ground: body.ground!, reviewOn: body.reviewOn ?? null };
}
