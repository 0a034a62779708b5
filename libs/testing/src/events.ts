import { randomUUID } from 'node:crypto';
import type { IdentityDiscoveredData, IdentitySnapshot, OwnershipAssignedData } from '@nhi/contracts';

/** A valid identity snapshot for a fresh identity; override what the test is about. */
export function identitySnapshot(overrides: Partial<IdentitySnapshot> = {}): IdentitySnapshot {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    kind: 'SERVICE_ACCOUNT',
    name: `svc-${id.slice(0, 8)}`,
    provider: 'aws',
    externalId: `arn:aws:iam::123456789012:role/${id}`,
    environment: 'PRODUCTION',
    environmentInferred: false,
    system: null,
    businessUnit: null,
    privilegeLevel: null,
    scopes: [],
    tags: {},
    createdAt: null,
    lastUsedAt: null,
    expiresAt: null,
    credentialFingerprint: null,
    status: 'ACTIVE',
    ...overrides,
  };
}

/** Valid `nhi.identity.discovered` data for a fresh identity. */
export function identityDiscoveredData(
  overrides: Partial<IdentitySnapshot> = {},
  discoveredAt = new Date().toISOString(),
  source = 'aws-config',
): IdentityDiscoveredData {
  return { identity: identitySnapshot(overrides), source, discoveredAt };
}

/** Ownership's event for a manual PRIMARY assignment of an identity to an owner. */
export function ownershipAssignedData(
  identityId: string,
  ownerId: string,
  overrides: Partial<OwnershipAssignedData> = {},
): OwnershipAssignedData {
  return {
    identityId,
    ownerId,
    ownerRef: `team-${ownerId.slice(0, 8)}`,
    role: 'PRIMARY',
    previousOwnerId: null,
    via: 'MANUAL',
    ownershipStatus: 'OWNED',
    actor: 'alice',
    reason: null,
    assignedAt: new Date().toISOString(),
    ...overrides,
  };
}
