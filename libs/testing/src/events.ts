import { randomUUID } from 'node:crypto';
import type { IdentityRegisteredData } from '@nhi/contracts';

/** Valid `nhi.identity.registered` data for a fresh identity; override what the test is about. */
export function identityRegisteredData(overrides: Partial<IdentityRegisteredData> = {}): IdentityRegisteredData {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    kind: 'SERVICE_ACCOUNT',
    name: `svc-${id.slice(0, 8)}`,
    provider: 'aws',
    externalId: `arn:aws:iam::123456789012:role/${id}`,
    environment: 'PRODUCTION',
    registeredAt: new Date().toISOString(),
    ...overrides,
  };
}
