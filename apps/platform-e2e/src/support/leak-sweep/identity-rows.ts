import { createHash } from 'node:crypto';
import type { CorpusSecret } from './secret-corpus';

/**
 * The text fields of an identity row (IdentityInput in apps/inventory/schema.graphql, RawIdentityRow
 * for NDJSON), each as a setter that puts a value in that field of an otherwise valid row.
 */
export const ROW_FIELDS: Array<[field: string, put: (row: Record<string, unknown>, value: string) => void]> = [
  ['provider', (row, v) => (row['provider'] = v)],
  ['externalId', (row, v) => (row['externalId'] = v)],
  ['kind', (row, v) => (row['kind'] = v)],
  ['name', (row, v) => (row['name'] = v)],
  ['environment', (row, v) => (row['environment'] = v)],
  ['system', (row, v) => (row['system'] = v)],
  ['businessUnit', (row, v) => (row['businessUnit'] = v)],
  ['scopes[]', (row, v) => (row['scopes'] = ['read', v])],
  ['usedScopes[]', (row, v) => (row['usedScopes'] = [v])],
  ['createdAt', (row, v) => (row['createdAt'] = v)],
  ['lastUsedAt', (row, v) => (row['lastUsedAt'] = v)],
  ['expiresAt', (row, v) => (row['expiresAt'] = v)],
  ['credentialFingerprint', (row, v) => (row['credentialFingerprint'] = v)],
  ['authMethod', (row, v) => (row['authMethod'] = v)],
  ['tags[].key', (row, v) => (row['tags'] = [{ key: v, value: 'leak' }])],
  ['tags[].value', (row, v) => (row['tags'] = [{ key: 'note', value: v }])],
  ['credentials[].externalId', (row, v) => (row['credentials'] = [{ type: 'TOKEN', externalId: v }])],
  ['credentials[].fingerprint', (row, v) => (row['credentials'] = [{ type: 'TOKEN', externalId: 'leak-token', fingerprint: v }])],
  ['permissions[].via', (row, v) => (row['permissions'] = [{ effect: 'Allow', actions: ['s3:GetObject'], via: v }])],
  [
    'permissions[].resources[]',
    (row, v) => (row['permissions'] = [{ effect: 'Allow', actions: ['s3:GetObject'], resources: [v], via: 'leak policy' }]),
  ],
  ['trustedPrincipals[]', (row, v) => (row['trustedPrincipals'] = [v])],
];

/** A row that passes every check: the secret in one field is the only thing wrong with it. */
export function validRow(label: string): Record<string, unknown> {
  return {
    provider: 'leakprov',
    externalId: `leak/${label}`,
    kind: 'API_KEY',
    name: `leak-${label}`,
    environment: 'DEVELOPMENT',
    system: 'leak-system',
    businessUnit: 'leak-unit',
    scopes: ['read'],
    usedScopes: ['read'],
    createdAt: '2024-01-01T00:00:00Z',
    lastUsedAt: '2024-06-01T00:00:00Z',
    expiresAt: '2030-01-01T00:00:00Z',
    credentialFingerprint: `sha256:${createHash('sha256').update(label).digest('hex')}`,
    authMethod: 'static-key',
    tags: [{ key: 'team', value: 'leak' }],
  };
}

/**
 * Every secret in every field: one row per (secret, field), the secret alone in that field.
 * Rows are interleaved so that every batch mixes fields and formats.
 */
export function secretRows(
  secrets: readonly CorpusSecret[],
  door: string,
  fields = ROW_FIELDS,
): Array<{ row: Record<string, unknown>; secret: CorpusSecret; field: string }> {
  const rows: Array<{ row: Record<string, unknown>; secret: CorpusSecret; field: string }> = [];
  secrets.forEach((secret, s) => {
    fields.forEach(([field, put], f) => {
      const row = validRow(`${door}/${s}/${f}`);
      put(row, secret.value);
      rows.push({ row, secret, field });
    });
  });
  return rows;
}

/**
 * Every secret in every field with 16 times fewer rows: row r carries secret (r + f) mod S in field f,
 * so over S rows each secret has been in each field once (a Latin square). Each row is refused for
 * its first secret, and the other fields' secrets must not be echoed or kept either.
 */
export function rotatedRows(secrets: readonly CorpusSecret[], door: string): Array<Record<string, unknown>> {
  return secrets.map((_, r) => {
    const row = validRow(`${door}/${r}`);
    const at = (f: number) => secrets[(r + f) % secrets.length]!.value;
    ROW_FIELDS.forEach(([, put], f) => put(row, at(f)));
    // The list setters each replace their list: put all their secrets back together.
    const [scope, used, key, value, credentialId, fingerprint, via, resource] = [7, 8, 14, 15, 16, 17, 18, 19].map(at);
    return {
      ...row,
      scopes: ['read', scope],
      usedScopes: [used],
      tags: [{ key, value }],
      credentials: [{ type: 'TOKEN', externalId: credentialId, fingerprint }],
      permissions: [{ effect: 'Allow', actions: ['s3:GetObject'], resources: [resource], via }],
    };
  });
}
