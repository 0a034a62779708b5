/** One identity as a source sends it, before anything is checked: GraphQL input and NDJSON lines alike. */
export interface RawIdentityRow {
  provider?: unknown;
  externalId?: unknown;
  kind?: unknown;
  name?: unknown;
  environment?: unknown;
  system?: unknown;
  businessUnit?: unknown;
  scopes?: unknown;
  usedScopes?: unknown;
  createdAt?: unknown;
  lastUsedAt?: unknown;
  expiresAt?: unknown;
  credentialFingerprint?: unknown;
  authMethod?: unknown;
  interactiveUse?: unknown;
  tags?: unknown;
}
