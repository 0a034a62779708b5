import type { EntityManager } from 'typeorm';
import type { IdentitySnapshot } from '@nhi/contracts';
import type { ReceivedEventOf } from '@nhi/messaging';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';
import { nextRotationDue } from '../identity-data/rotation-schedule';
import { RotationPolicyEntity } from '../policies/rotation-policy.entity';
import { choosePolicy } from '../policies/policy-selection';

export type InventoryEvent = ReceivedEventOf<'nhi.identity.discovered' | 'nhi.identity.updated'>;

/** What an update keeps current: the attributes bulk revocation selects on (the system can change) and the credentials a rotation targets. */
type Refresh = Pick<IdentityLifecycleEntity, 'system' | 'businessUnit' | 'provider' | 'credentialFingerprint' | 'sources'> &
  Partial<Pick<IdentityLifecycleEntity, 'credentials'>>;

function refreshOf(identity: IdentitySnapshot, source: string): Refresh {
  return {
    system: identity.system,
    businessUnit: identity.businessUnit,
    provider: identity.provider,
    // The fingerprint a mass revocation of a leaked credential selects on follows what inventory knows.
    credentialFingerprint: identity.credentialFingerprint,
    sources: [source],
    // A 1.0 producer says nothing of credentials: what is known stays.
    ...(identity.credentials ? { credentials: identity.credentials } : {}),
  };
}

/** A newly discovered identity's row, under the policy that applies to it. */
function trackedRow(
  identity: IdentitySnapshot,
  source: string,
  discoveredAt: string,
  policy: RotationPolicyEntity,
): Partial<IdentityLifecycleEntity> {
  const credentialCreatedAt = identity.createdAt ? new Date(identity.createdAt) : null;
  return {
    identityId: identity.id,
    kind: identity.kind,
    provider: identity.provider,
    externalId: identity.externalId,
    environment: identity.environment,
    privilegeLevel: identity.privilegeLevel,
    // ACTIVE even when already due: the due clock moves it on, announcing it (and auto-rotating) in one place.
    state: 'ACTIVE',
    credentialCreatedAt,
    lastRotatedAt: null,
    nextRotationDueAt: nextRotationDue({
      lastRotatedAt: null,
      credentialCreatedAt,
      registeredAt: new Date(discoveredAt),
      maxAgeDays: policy.maxAgeDays,
    }),
    credentialFingerprint: identity.credentialFingerprint,
    credentials: identity.credentials ?? [],
    businessUnit: identity.businessUnit,
    system: identity.system,
    registeredAt: new Date(discoveredAt),
    expiresAt: identity.expiresAt ? new Date(identity.expiresAt) : null,
    policyId: policy.id,
    sources: [source],
  };
}

/**
 * Applies a run of inventory's events as one call per event would, in two
 * or three statements: a discovery starts tracking an identity lifecycle
 * does not know yet (a known one stays as it is), an update refreshes a
 * known one (an unknown one is not tracked by it). Events are folded in
 * partition order, so an update after a discovery in the same run lands in
 * the row the discovery inserts.
 */
export async function applyInventoryEvents(manager: EntityManager, events: readonly InventoryEvent[]): Promise<void> {
  if (events.length === 0) return;
  const ids = [...new Set(events.map((event) => event.data.identity.id))];
  const known: Array<{ identity_id: string }> = await manager.query(
    'SELECT identity_id FROM identity_lifecycle WHERE identity_id = ANY($1::uuid[])',
    [ids],
  );
  const existing = new Set(known.map((row) => row.identity_id));
  const inserts = new Map<string, Partial<IdentityLifecycleEntity>>();
  const updates = new Map<string, Refresh>();
  let policies: RotationPolicyEntity[] | undefined;
  for (const event of events) {
    const { identity } = event.data;
    if (event.type === 'nhi.identity.updated') {
      const refresh = refreshOf(identity, event.data.source);
      const inserted = inserts.get(identity.id);
      if (inserted) Object.assign(inserted, { ...refresh, sources: union(inserted.sources, refresh.sources) });
      else if (existing.has(identity.id)) {
        const earlier = updates.get(identity.id);
        updates.set(identity.id, { ...earlier, ...refresh, sources: union(earlier?.sources, refresh.sources) });
      }
      continue;
    }
    if (existing.has(identity.id) || inserts.has(identity.id)) continue;
    policies ??= await manager.getRepository(RotationPolicyEntity).find();
    const policy = choosePolicy(policies, identity);
    if (!policy) throw new Error('no default rotation policy: the lifecycle migrations seed one');
    inserts.set(identity.id, trackedRow(identity, event.data.source, event.data.discoveredAt, policy));
  }
  if (inserts.size > 0) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(IdentityLifecycleEntity)
      .values([...inserts.values()])
      .orIgnore()
      .execute();
  }
  if (updates.size > 0) await writeRefreshes(manager, updates);
}

/** An update's refreshes of rows lifecycle already tracks, in one statement. */
async function writeRefreshes(manager: EntityManager, updates: Map<string, Refresh>): Promise<void> {
  await manager.query(
    `UPDATE identity_lifecycle l SET system = u.system, business_unit = u.business_unit, provider = u.provider,
       credentials = coalesce(u.credentials, l.credentials), credential_fingerprint = u.credential_fingerprint,
       sources = ARRAY(SELECT DISTINCT s FROM unnest(l.sources || u.sources) s ORDER BY s)
     FROM jsonb_to_recordset($1::jsonb) AS u (identity_id uuid, system text, business_unit text, provider text, credentials jsonb,
       credential_fingerprint text, sources text[])
     WHERE l.identity_id = u.identity_id`,
    [
      JSON.stringify(
        [...updates].map(([identityId, refresh]) => ({
          identity_id: identityId,
          system: refresh.system,
          business_unit: refresh.businessUnit,
          provider: refresh.provider,
          credentials: refresh.credentials ?? null,
          credential_fingerprint: refresh.credentialFingerprint,
          sources: refresh.sources,
        })),
      ),
    ],
  );
}

/** The sources of both, each once. */
function union(a: readonly string[] | undefined, b: readonly string[]): string[] {
  return [...new Set([...(a ?? []), ...b])].sort();
}
