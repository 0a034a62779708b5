import { validate } from './validate';

const event = {
  specversion: '1.0',
  id: 'acme-1',
  source: '/integrators/acme',
  type: 'nhi.revocation.completed',
  data: {
    requestId: '01900000-0000-7000-8000-000000000001',
    nhiId: '01900000-0000-7000-8000-000000000002',
    revokedAt: '2026-12-01T10:00:00Z',
  },
};

describe('validate', () => {
  it('accepts a minimal CloudEvent: any id, our own source, no time or dataschema', () => {
    expect(validate(event)).toEqual({ valid: true, event });
  });

  it('names what is wrong in the envelope, the type and the data, by field', () => {
    expect(validate({ ...event, specversion: '0.3' })).toMatchObject({ valid: false, problems: [{ field: 'event/specversion' }] });
    expect(validate({ ...event, type: 'nhi.identity.discovered' })).toMatchObject({ valid: false, problems: [{ field: 'event/type' }] });
    const { revokedAt: _revokedAt, ...withoutTime } = event.data;
    expect(validate({ ...event, data: withoutTime })).toMatchObject({ valid: false, problems: [{ field: 'data/revokedAt' }] });
  });
});
