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
  /** Credentials the identity holds: [{ type, externalId, fingerprint?, status?, createdAt?, expiresAt?, lastUsedAt?, lastRotatedAt? }]. */
  credentials?: unknown;
  /** Permission statements (see @nhi/privilege), from which the privilege level is derived. */
  permissions?: unknown;
  trustedPrincipals?: unknown;
  mfaEnabled?: unknown;
  /** The source knows the identity was never used (lastUsedAt absent says only that nothing is known). */
  neverUsed?: unknown;
}
