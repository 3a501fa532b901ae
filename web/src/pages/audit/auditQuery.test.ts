import { describe, expect, it } from 'vitest';
import { auditAddress, auditApiQuery, parseAuditAddress } from './auditQuery.ts';

describe('the audit trail in the address bar', () => {
  it('keeps its filters and page through a round trip', () => {
    const filters = { objectType: 'delivery', objectId: 'abc', actor: 'demo-registrar', action: 'delivery.update', from: '2025-08-01', until: '2025-08-31', importId: '0b6f7a52-3c1d-4e8f-9a2b-5c6d7e8f9a0b' };
    const address = auditAddress(filters, 120);
    expect(parseAuditAddress(new URL(address, 'http://register.test').searchParams)).toEqual({ filters, before: 120 });
  });

  it('ignores what it does not understand', () => {
    expect(parseAuditAddress(new URLSearchParams('from=gisteren&before=-3&importId=42'))).toMatchObject({ filters: { from: '', importId: '' }, before: undefined });
  });

  it('asks the API for whole days in The Hague, the last one included', () => {
    const query = auditApiQuery(parseAuditAddress(new URLSearchParams('from=2025-08-01&until=2025-08-31')));
    expect(query).toMatchObject({ from: '2025-07-31T22:00:00.000Z', until: '2025-08-31T22:00:00.000Z', objectType: undefined });
  });
});
