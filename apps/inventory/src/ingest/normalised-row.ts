import type { NhiEnvironment, NhiKind } from '@nhi/contracts';
import type { PermissionStatement } from '@nhi/privilege';
import type { NormalisedCredential } from './validation/credential-reader';

/** A row that passed every check, in canonical form. */
export interface NormalisedRow {
  provider: string;
  externalId: string;
  kind: NhiKind;
  /** The source's own word for the kind when no vocabulary knows it (kind is then OTHER); null otherwise. */
  sourceKind: string | null;
  name: string;
  /** Given by the source (in its own words, mapped). */
  environment: NhiEnvironment | null;
  /** Inferred from tags, name and account hints when the source gave none. */
  inferredEnvironment: NhiEnvironment | null;
  system: string | null;
  businessUnit: string | null;
  /** Null: the source does not know. Empty: it knows there are none. */
  scopes: string[] | null;
  usedScopes: string[] | null;
  createdAt: Date | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  credentialFingerprint: string | null;
  authMethod: string | null;
  interactiveUse: boolean | null;
  tags: Record<string, string>;
  /** Null: the source says nothing of them. Empty: it knows there are none. */
  credentials: NormalisedCredential[] | null;
  permissions: PermissionStatement[] | null;
  trustedPrincipals: string[] | null;
  mfaEnabled: boolean | null;
  neverUsed: boolean | null;
}
