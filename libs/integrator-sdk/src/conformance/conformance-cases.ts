import { randomUUID } from 'node:crypto';
import type { RequestType } from '../events';
import type { ConformanceCase } from './conformance-case';

const MINUTE_MS = 60_000;

/** Where the requests that should not be answered point: a provider no integrator under test serves. */
export const ELSEWHERE_PROVIDER = 'conformance-kit-elsewhere';

function request(name: string, type: RequestType, provider: string, overrides: Partial<ConformanceCase['data']> = {}) {
  const now = new Date();
  return {
    requestId: randomUUID(),
    nhiId: randomUUID(),
    provider,
    externalId: `conformance/${name}`,
    kind: 'SECRET',
    reason: `conformance kit: ${name}`,
    requestedAt: now.toISOString(),
    deadline: new Date(now.getTime() + 5 * MINUTE_MS).toISOString(),
    ...(type === 'nhi.revocation.requested' ? { force: false } : {}),
    ...overrides,
  };
}

/**
 * What the kit asks of an integrator serving `provider`. Each case stands for a
 * rule of docs/integrators.md: answer your provider's requests, once per request,
 * before the deadline, never after it; report what you cannot do as a failure
 * with an error; leave other providers' requests alone.
 */
export function conformanceCases(provider: string): ConformanceCase[] {
  const past = new Date(Date.now() - MINUTE_MS).toISOString();
  return [
    {
      name: 'rotation',
      type: 'nhi.rotation.requested',
      data: request('rotation', 'nhi.rotation.requested', provider),
      copies: 1,
      expect: 'an answer',
    },
    {
      name: 'revocation',
      type: 'nhi.revocation.requested',
      data: request('revocation', 'nhi.revocation.requested', provider),
      copies: 1,
      expect: 'an answer',
    },
    {
      name: 'duplicate request',
      type: 'nhi.rotation.requested',
      data: request('duplicate', 'nhi.rotation.requested', provider),
      copies: 2,
      expect: 'an answer',
    },
    {
      name: 'expired deadline',
      type: 'nhi.rotation.requested',
      data: request('expired', 'nhi.rotation.requested', provider, { requestedAt: past, deadline: past }),
      copies: 1,
      expect: 'no completion',
    },
    {
      name: 'unknown kind',
      type: 'nhi.revocation.requested',
      data: request('unknown-kind', 'nhi.revocation.requested', provider, { kind: 'OTHER' }),
      copies: 1,
      expect: 'a failure with an error',
    },
    {
      name: 'another provider',
      type: 'nhi.rotation.requested',
      data: request('elsewhere', 'nhi.rotation.requested', ELSEWHERE_PROVIDER),
      copies: 1,
      expect: 'no answer',
    },
  ];
}
