import type { ImportedCredential } from '../../import-row';
import { expiryOf, isObject, listOf, objectOf, textOf, textsOf, timeOf, type JsonObject } from '../shared/fields';
import type { Tag } from '../shared/row-bounds';

/** What a record of an az export is, told by its shape. */
export type AzureRecord =
  | { type: 'servicePrincipal'; value: JsonObject }
  | { type: 'application'; value: JsonObject }
  | { type: 'identity'; value: JsonObject }
  | { type: 'roleAssignment'; value: JsonObject }
  | { type: 'metadata' }
  | { type: 'unknown' };

const ODATA_TYPE = '@odata.type';

export function classify(value: unknown): AzureRecord {
  if (!isObject(value)) return { type: 'unknown' };
  const odata = textOf(value[ODATA_TYPE])?.toLowerCase();
  if (odata === '#microsoft.graph.serviceprincipal' || 'servicePrincipalType' in value) return { type: 'servicePrincipal', value };
  if (
    odata === '#microsoft.graph.application' ||
    (textOf(value['appId']) && ('requiredResourceAccess' in value || 'publisherDomain' in value))
  ) {
    return { type: 'application', value };
  }
  if (/\/userAssignedIdentities$/i.test(textOf(value['type']) ?? '')) return { type: 'identity', value };
  if (textOf(value['principalId']) && textOf(value['scope']) && ('roleDefinitionId' in value || 'roleDefinitionName' in value)) {
    return { type: 'roleAssignment', value };
  }
  // The rest of a Graph page once its `value` list is read: `@odata.context`, `@odata.nextLink`.
  if (Object.keys(value).every((key) => key.startsWith('@odata.'))) return { type: 'metadata' };
  return { type: 'unknown' };
}

/** Object ids compare without case (Graph writes them lower-case, some tools upper). */
export const objectId = (value: unknown): string | undefined => textOf(value)?.toLowerCase();

/**
 * A service principal's or application's credentials: passwordCredentials as
 * CLIENT_SECRET, keyCredentials as CERTIFICATE; the key id, start and end times
 * only. Never secretText, hint (the first characters of the secret) or key.
 */
export function credentialsOf(value: JsonObject): ImportedCredential[] {
  const read = (type: ImportedCredential['type']) => (credential: unknown) => {
    const fields = objectOf(credential);
    const keyId = textOf(fields['keyId']);
    if (!keyId) return [];
    return [
      {
        type,
        externalId: keyId.toLowerCase(),
        status: 'ACTIVE' as const,
        createdAt: timeOf(fields['startDateTime']),
        expiresAt: expiryOf(fields['endDateTime']),
      },
    ];
  };
  return [
    ...listOf(value['passwordCredentials']).flatMap(read('CLIENT_SECRET')),
    ...listOf(value['keyCredentials']).flatMap(read('CERTIFICATE')),
  ];
}

/** Azure resource tags (`{"env": "prod"}`) or Graph's string tags (`["HideApp"]`, kept as keys without a value). */
export function tagsOf(value: unknown): Tag[] {
  if (Array.isArray(value)) return textsOf(value).map((key) => ({ key, value: null }));
  return Object.entries(objectOf(value)).map(([key, tag]) => ({ key, value: typeof tag === 'string' ? tag : null }));
}
