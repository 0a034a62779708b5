import type { PermissionStatement } from '@nhi/privilege';

export type CredentialType =
  'ACCESS_KEY' | 'CLIENT_SECRET' | 'SERVICE_ACCOUNT_KEY' | 'CERTIFICATE' | 'TOKEN' | 'SSH_KEY' | 'PASSWORD' | 'PRIVATE_KEY';

export type CredentialStatus = 'ACTIVE' | 'INACTIVE' | 'EXPIRED' | 'REVOKED';

/** A credential an identity holds. Never the secret: the provider's id for it, and a fingerprint when the export has one. */
export interface ImportedCredential {
  type: CredentialType;
  /** The provider's id for the credential (an access key id, a key's name); for a password, `password`. */
  externalId: string;
  fingerprint?: string;
  status: CredentialStatus;
  createdAt?: string;
  expiresAt?: string;
  /** ISO time of the last use; null when the provider says it was never used; absent when unknown. */
  lastUsedAt?: string | null;
  lastRotatedAt?: string;
}

/**
 * One identity as an importer sends it to bulk ingest (one NDJSON line). The
 * fields before `credentials` are those of any ingest row; the rest come from
 * richer exports. Times are ISO 8601 strings.
 */
export interface ImportRow {
  provider: string;
  externalId: string;
  /** A kind word the inventory knows (`service-account`, `iam-role`, `iam-user`, `workload-identity` …). */
  kind: string;
  name: string;
  environment?: string;
  system?: string;
  businessUnit?: string;
  /** Granted scopes, roles or permissions in the provider's words (a summary a reader can scan). */
  scopes?: string[];
  createdAt?: string;
  /** ISO time of the last use; null when the provider says it was never used; absent when unknown. */
  lastUsedAt?: string | null;
  expiresAt?: string;
  authMethod?: string;
  interactiveUse?: boolean;
  /** Tags and labels as sent; owner-naming ones (owner, team, CostCenter, app.kubernetes.io/part-of …) are ownership hints. */
  tags?: Array<{ key: string; value: string | null }>;
  /** The credentials the identity holds (none for roles and federated workload identities). */
  credentials?: ImportedCredential[];
  /** The identity's permissions as statements (policy documents, RBAC rules, role bindings), for the privilege rules. */
  permissions?: PermissionStatement[];
  /** Who may assume or impersonate the identity (AWS trust policy principals, GCP token creators …), as written: `*`, account ids, ARNs. */
  trustedPrincipals?: string[];
  /** For identities that can sign in like a person: whether MFA is on. */
  mfaEnabled?: boolean;
}

/** Something in an export an importer could not use: where, and what was wrong, never the value. */
export interface ImportProblem {
  /** Where: `UserDetailList[12]`, `line 7`, `items[3] (ClusterRoleBinding)`. */
  location: string;
  problem: string;
}

export type ImportItem = { row: ImportRow } | { problem: ImportProblem };

/** One file of an export; open() may be called more than once (a converter may read it in two passes). */
export interface ImportInput {
  /** How to name it in messages: the file's name, or `standard input`. */
  label: string;
  open(): NodeJS.ReadableStream;
}

export interface ImportFormat {
  name: string;
  /** One line for `npm run import -- --help`. */
  summary: string;
  /** Converts the export's files into rows, streaming: memory stays bounded whatever the size. */
  convert(inputs: readonly ImportInput[]): AsyncIterable<ImportItem>;
}
