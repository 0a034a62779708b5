// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.

/** OTHER: the source's word is not in the platform's vocabulary; inventory keeps the word as the identity's sourceKind. */
export type NhiKind =
  | 'SERVICE_ACCOUNT'
  | 'API_KEY'
  | 'ACCESS_TOKEN'
  | 'OAUTH_CLIENT'
  | 'CERTIFICATE'
  | 'SSH_KEY'
  | 'SECRET'
  | 'WORKLOAD_IDENTITY'
  | 'AI_AGENT'
  | 'OTHER';

/** The platform asks an integrator to rotate a credential */
export interface RotationRequestedData {
  requestId: string;
  nhiId: string;
  provider: string;
  externalId: string;
  kind: NhiKind;
  reason: string;
  requestedAt: string;
  deadline: string;
  /** The credentials this rotation targets (every active long-lived one the identity holds). Absent: the identity is the credential, named by externalId. Added in 1.1, additively. */
  credentials?: {
    id: string;
    type: 'ACCESS_KEY' | 'CLIENT_SECRET' | 'SERVICE_ACCOUNT_KEY' | 'CERTIFICATE' | 'TOKEN' | 'SSH_KEY' | 'PASSWORD' | 'PRIVATE_KEY';
    externalId: string;
  }[];
}

/** An integrator rotated a credential */
export interface RotationCompletedData {
  requestId: string;
  nhiId: string;
  rotatedAt: string;
  newCredentialFingerprint?: string;
  newExpiresAt?: string;
  /** Which targeted credential was replaced by which new one (the provider's ids). Optional; send it when the request named credentials. Added in 1.1, additively. */
  replaced?: {
    previousExternalId: string;
    externalId: string;
    fingerprint?: string;
    expiresAt?: string;
  }[];
}

/** An integrator could not rotate a credential */
export interface RotationFailedData {
  requestId: string;
  nhiId: string;
  error: string;
}

/** The platform asks an integrator to revoke a credential */
export interface RevocationRequestedData {
  requestId: string;
  nhiId: string;
  provider: string;
  externalId: string;
  kind: NhiKind;
  reason: string;
  force: boolean;
  requestedAt: string;
  deadline: string;
}

/** An integrator revoked a credential */
export interface RevocationCompletedData {
  requestId: string;
  nhiId: string;
  revokedAt: string;
}

/** An integrator could not revoke a credential */
export interface RevocationFailedData {
  requestId: string;
  nhiId: string;
  error: string;
}

/** Published on nhi.integration.feedback.v1, keyed like the refused message, so an integrator can alert on its own mistakes. It names where the message was and what was wrong by field, never the values. */
export interface IntegrationRejectedData {
  /** The topic the refused message was on (without a deployment's prefix). */
  topic: string;
  partition: number;
  offset: string;
  /** The CloudEvents source of the refused event, when it could be read and is safe to repeat. */
  originalSource: string | null;
  /** The CloudEvents id of the refused event, when it could be read and is safe to repeat. */
  originalId: string | null;
  originalType: string | null;
  reason: string;
  problems: {
    /** A path such as event/id or data/requestId. */
    field: string;
    problem: string;
  }[];
  /** The platform service that refused it. */
  consumer: string;
  rejectedAt: string;
}

/** Event type -> data shape, for the events an integrator handles. */
export interface IntegratorEventData {
  'nhi.rotation.requested': RotationRequestedData;
  'nhi.rotation.completed': RotationCompletedData;
  'nhi.rotation.failed': RotationFailedData;
  'nhi.revocation.requested': RevocationRequestedData;
  'nhi.revocation.completed': RevocationCompletedData;
  'nhi.revocation.failed': RevocationFailedData;
  'nhi.integration.rejected': IntegrationRejectedData;
}
