/**
 * Limits of one ingest row, from the identity event schema
 * (libs/contracts/schemas/definitions.schema.json, $defs/identity) and the
 * identities table, so a row that passes can always be stored and published.
 */
export const ROW_LIMITS = {
  provider: 64,
  /** Before mapping: a long alias may still map to a short canonical name. */
  providerWord: 100,
  externalId: 500,
  kind: 100,
  name: 300,
  environment: 50,
  system: 200,
  businessUnit: 200,
  authMethod: 50,
  /** Entries of scopes and usedScopes, and each entry's length. */
  scopes: 500,
  scope: 500,
  tags: 100,
  /** Tag keys: not bounded by the schema; 128 is AWS's and Azure's key limit, enough for every provider we read. */
  tagKey: 128,
  tagValue: 500,
  /** Credentials of one identity: an IAM user has at most 2 keys, 2 certificates and a password; 50 leaves room for app secrets. */
  credentials: 50,
  /** Permission statements of one identity, their actions or resources each, and the length of any text in them. */
  permissions: 500,
  permissionActions: 1000,
  permissionText: 500,
  /** Principals a trust policy names. */
  trustedPrincipals: 200,
} as const;
