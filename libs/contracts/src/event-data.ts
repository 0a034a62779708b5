/**
 * TypeScript shapes of event data. The JSON Schemas in ../schemas are the
 * contract; these types mirror them, and event-types.spec.ts keeps the two in step.
 */
/**
 * Every kind, in the order of the schema's enum ($defs/kind). OTHER is a
 * source's word that no vocabulary knows yet: the identity is kept (dropping it
 * would hide it from governance) and inventory keeps the word as `sourceKind`.
 */
export const NHI_KINDS = [
  'SERVICE_ACCOUNT',
  'API_KEY',
  'ACCESS_TOKEN',
  'OAUTH_CLIENT',
  'CERTIFICATE',
  'SSH_KEY',
  'SECRET',
  'WORKLOAD_IDENTITY',
  'AI_AGENT',
  'OTHER',
] as const;

export type NhiKind = (typeof NHI_KINDS)[number];

export type NhiEnvironment = 'PRODUCTION' | 'STAGING' | 'DEVELOPMENT' | 'TEST' | 'UNKNOWN';

export type PrivilegeLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'ADMIN';

export type IdentityStatus = 'ACTIVE' | 'STALE' | 'DECOMMISSIONED';

export type FindingCategory = 'NHI1' | 'NHI2' | 'NHI3' | 'NHI4' | 'NHI5' | 'NHI6' | 'NHI7' | 'NHI8' | 'NHI9' | 'NHI10';

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** What inventory knows about an identity: metadata only, never secret material. */
export interface IdentitySnapshot {
  id: string;
  kind: NhiKind;
  name: string;
  provider: string;
  externalId: string;
  environment: NhiEnvironment;
  /** True when no source gave the environment and inventory inferred it. */
  environmentInferred: boolean;
  system: string | null;
  businessUnit: string | null;
  privilegeLevel: PrivilegeLevel | null;
  scopes: string[];
  tags: Record<string, string>;
  createdAt: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  credentialFingerprint: string | null;
  status: IdentityStatus;
  /**
   * The source's own word for the kind, kept when it mapped to OTHER (null for
   * a known word). Optional: events published before it existed leave it out.
   */
  sourceKind?: string | null;
}

export interface IdentityDiscoveredData {
  identity: IdentitySnapshot;
  source: string;
  discoveredAt: string;
}

export interface FieldChange {
  field: string;
  previous: unknown;
  current: unknown;
}

export interface IdentityUpdatedData {
  identity: IdentitySnapshot;
  changes: FieldChange[];
  source: string;
  updatedAt: string;
}

export interface IdentityStaleData {
  id: string;
  lastSeenAt: string;
  staleAt: string;
  missedSnapshots: number;
}

export interface IdentityDecommissionedData {
  id: string;
  reason: string;
  decommissionedBy: string;
  decommissionedAt: string;
}

export interface FindingOpenedData {
  identityId: string;
  findingId: string;
  category: FindingCategory;
  code: string;
  severity: Severity;
  detail: string;
  detectedAt: string;
}

export interface FindingClosedData {
  identityId: string;
  findingId: string;
  category: FindingCategory;
  code: string;
  closedAt: string;
}

export interface RotationRequestedData {
  requestId: string;
  nhiId: string;
  provider: string;
  externalId: string;
  kind: NhiKind;
  reason: string;
  requestedAt: string;
  deadline: string;
}

export interface RotationCompletedData {
  requestId: string;
  nhiId: string;
  rotatedAt: string;
  newCredentialFingerprint?: string;
  newExpiresAt?: string;
}

export interface RotationFailedData {
  requestId: string;
  nhiId: string;
  error: string;
}

export interface RevocationRequestedData extends RotationRequestedData {
  force: boolean;
}

export interface RevocationCompletedData {
  requestId: string;
  nhiId: string;
  revokedAt: string;
}

export type RevocationFailedData = RotationFailedData;

export type OwnershipStatus = 'OWNED' | 'ORPHANED' | 'UNASSIGNED';
export type OwnerRole = 'PRIMARY' | 'BACKUP';
/** What made an assignment: a person, a rule, an accepted suggestion, a handoff, or a departure (backup or parent team). */
export type AssignmentVia = 'MANUAL' | 'RULE' | 'SUGGESTION' | 'HANDOFF' | 'BACKUP_PROMOTED' | 'PARENT_TEAM' | 'TEAM_MERGE';

export interface OwnershipAssignedData {
  identityId: string;
  ownerId: string;
  ownerRef: string;
  /** The owner's reference, then its teams' references, innermost first (absent in events from before it existed). */
  ownerPath?: string[];
  role: OwnerRole;
  previousOwnerId: string | null;
  via: AssignmentVia;
  ownershipStatus: OwnershipStatus;
  actor: string;
  reason: string | null;
  assignedAt: string;
}

/** Who may act on the identity as its owner; events from before ownerPath existed name the owner alone. */
export function ownerPathOf(data: OwnershipAssignedData): string[] {
  return data.ownerPath ?? [data.ownerRef];
}

export interface OwnershipUnassignedData {
  identityId: string;
  ownerId: string;
  role: OwnerRole;
  ownershipStatus: OwnershipStatus;
  actor: string;
  reason: string | null;
  unassignedAt: string;
}

export interface OwnershipOrphanedData {
  identityId: string;
  previousOwnerId: string;
  cause: 'OWNER_DEACTIVATED' | 'TEAM_REMOVED' | 'TEAM_MERGED';
  actor: string;
  orphanedAt: string;
  /** Re-owned before this, nothing more happens; after it, the orphan is escalated and then revoked. */
  graceEndsAt: string;
}

export interface OwnershipEscalatedData {
  identityId: string;
  reason: 'ORPHAN_GRACE_EXPIRED' | 'ATTESTATION_MISSED';
  detail: string;
  /** When the problem started: the orphaning, or the campaign's deadline. */
  since: string;
  escalatedAt: string;
}

export interface OwnershipRevocationRequestedData {
  identityId: string;
  reason: string;
  orphanedAt: string;
  requestedAt: string;
}

export type AttestationDecision = 'KEEP' | 'NOT_MINE' | 'DECOMMISSION';

export interface OwnershipAttestedData {
  identityId: string;
  campaignId: string;
  ownerId: string;
  decision: AttestationDecision;
  note: string | null;
  actor: string;
  attestedAt: string;
}

interface HandoffEventData {
  handoffId: string;
  identityId: string;
  fromOwnerId: string | null;
  toOwnerId: string;
  actor: string;
  at: string;
}

export interface HandoffRequestedData extends HandoffEventData {
  reason: string;
}

export interface HandoffCompletedData extends HandoffEventData {
  /** False when the identity had changed hands since the request and stayed where it was. */
  moved: boolean;
}

export interface HandoffDeclinedData extends HandoffEventData {
  note: string | null;
}

export interface CredentialRotationRequestedData {
  requestId: string;
  identityId: string;
  attempt: number;
  reason: string;
  requestedAt: string;
  deadline: string;
}

export interface CredentialRotatedData {
  requestId: string;
  identityId: string;
  rotatedAt: string;
  newCredentialFingerprint: string | null;
  newExpiresAt: string | null;
  nextRotationDueAt: string;
}

export interface CredentialRotationFailedData {
  requestId: string;
  identityId: string;
  attempt: number;
  error: string;
  /** No attempt left: the identity is ROTATION_FAILED until someone acts. */
  final: boolean;
  nextAttemptAt: string | null;
  failedAt: string;
}

export interface CredentialRotationTimedOutData {
  requestId: string;
  identityId: string;
  attempt: number;
  deadline: string;
  final: boolean;
  nextAttemptAt: string | null;
}

export interface CredentialRevocationRequestedData {
  requestId: string;
  identityId: string;
  attempt: number;
  reason: string;
  force: boolean;
  requestedAt: string;
  deadline: string;
}

export interface CredentialRevokedData {
  requestId: string;
  identityId: string;
  revokedAt: string;
}

export interface CredentialRevocationFailedData {
  requestId: string;
  identityId: string;
  attempt: number;
  status: 'FAILED' | 'TIMED_OUT';
  error: string;
  final: boolean;
  nextAttemptAt: string | null;
  failedAt: string;
}

export interface CredentialRotationDueData {
  identityId: string;
  dueAt: string;
  /** true: it falls due in the policy's warnDays; false: it is due now. */
  warning: boolean;
  policy: string;
  autoRotate: boolean;
}

export interface CredentialExpiredData {
  identityId: string;
  expiresAt: string;
  expiredAt: string;
}

export type ExceptionControlName =
  | 'ROTATION'
  | 'OWNERSHIP'
  | 'REVOCATION'
  | 'PRIVILEGE'
  | 'NHI1'
  | 'NHI2'
  | 'NHI3'
  | 'NHI4'
  | 'NHI5'
  | 'NHI6'
  | 'NHI7'
  | 'NHI8'
  | 'NHI9'
  | 'NHI10';

/** What every exceptions event carries: enough for lifecycle to suspend or resume a control without asking. */
export interface ExceptionEventData {
  exceptionId: string;
  identityId: string;
  control: ExceptionControlName;
  expiresAt: string;
  /** Set when the exception is one of several requested together; approval covers the group. */
  groupId: string | null;
  /** Who acted; `exceptions` for what the service does on its own (expiry, reminders). */
  actor: string;
  at: string;
}

export interface ExceptionRequestedData extends ExceptionEventData {
  justification: string;
  compensatingControls: string[];
  riskRating: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL' | null;
  renewsId: string | null;
}

export interface ExceptionApprovedData extends ExceptionEventData {
  note: string | null;
}

export interface ExceptionRejectedData extends ExceptionEventData {
  note: string;
}

export interface ExceptionExpiredData extends ExceptionEventData {
  /** APPROVED: enforcement resumes; REQUESTED: it was never decided. */
  previousStatus: 'REQUESTED' | 'APPROVED';
}

export interface ExceptionRevokedData extends ExceptionEventData {
  reason: string;
}

export interface ExceptionExpiringSoonData extends ExceptionEventData {
  daysLeft: number;
}

/** How a recorded operation ended. */
export type AuditOutcome = 'SUCCEEDED' | 'FORBIDDEN' | 'REJECTED' | 'FAILED';

/**
 * One audit record: who did what to which targets, when, and how it ended.
 * Inputs are redacted before they are recorded (secret-looking keys and values).
 */
export interface AuditRecordedData {
  /** The actor's subject (`anonymous` when a request could not be authenticated). */
  actor: string;
  roles: string[];
  /** The service that ran the operation. */
  service: string;
  /** The GraphQL mutation field, or `bulkIngest`. */
  operation: string;
  /** Ids the operation named or produced (identities, exceptions, owners ...; the source for bulk ingest). */
  targetIds: string[];
  outcome: AuditOutcome;
  /** The error code (FORBIDDEN, BAD_USER_INPUT ...) when the operation did not succeed. */
  errorCode: string | null;
  /** The error message (redacted) when the operation did not succeed. */
  error: string | null;
  /** The arguments, redacted and bounded in size. */
  input: Record<string, unknown>;
  /** Figures about the outcome (bulk ingest: rows received, created, rejected ...). */
  details: Record<string, number | boolean | string> | null;
  /** When the operation settled. */
  at: string;
  durationMs: number;
}

/** One thing wrong with a refused event: where, and what was expected. */
export interface IntegrationProblem {
  /** A path such as `event/id` or `data/requestId`. */
  field: string;
  problem: string;
}

export interface IntegrationRejectedData {
  /** The topic without a deployment's prefix. */
  topic: string;
  partition: number;
  offset: string;
  /** Null when the event could not be read or the value is not safe to repeat. */
  originalSource: string | null;
  originalId: string | null;
  originalType: string | null;
  reason: string;
  problems: IntegrationProblem[];
  /** The platform service that refused it. */
  consumer: string;
  rejectedAt: string;
}

/** Event type -> data shape. Adding an event means adding it here and in event-types.ts. */
export interface EventDataByType {
  'nhi.identity.discovered': IdentityDiscoveredData;
  'nhi.identity.updated': IdentityUpdatedData;
  'nhi.identity.stale': IdentityStaleData;
  'nhi.identity.decommissioned': IdentityDecommissionedData;
  'nhi.finding.opened': FindingOpenedData;
  'nhi.finding.closed': FindingClosedData;
  'nhi.rotation.requested': RotationRequestedData;
  'nhi.rotation.completed': RotationCompletedData;
  'nhi.rotation.failed': RotationFailedData;
  'nhi.revocation.requested': RevocationRequestedData;
  'nhi.revocation.completed': RevocationCompletedData;
  'nhi.revocation.failed': RevocationFailedData;
  'nhi.ownership.assigned': OwnershipAssignedData;
  'nhi.ownership.unassigned': OwnershipUnassignedData;
  'nhi.ownership.orphaned': OwnershipOrphanedData;
  'nhi.ownership.escalated': OwnershipEscalatedData;
  'nhi.ownership.revocation-requested': OwnershipRevocationRequestedData;
  'nhi.ownership.attested': OwnershipAttestedData;
  'nhi.handoff.requested': HandoffRequestedData;
  'nhi.handoff.completed': HandoffCompletedData;
  'nhi.handoff.declined': HandoffDeclinedData;
  'nhi.credential.rotation-requested': CredentialRotationRequestedData;
  'nhi.credential.rotated': CredentialRotatedData;
  'nhi.credential.rotation-failed': CredentialRotationFailedData;
  'nhi.credential.rotation-timed-out': CredentialRotationTimedOutData;
  'nhi.credential.revocation-requested': CredentialRevocationRequestedData;
  'nhi.credential.revoked': CredentialRevokedData;
  'nhi.credential.revocation-failed': CredentialRevocationFailedData;
  'nhi.credential.rotation-due': CredentialRotationDueData;
  'nhi.credential.expired': CredentialExpiredData;
  'nhi.exception.requested': ExceptionRequestedData;
  'nhi.exception.approved': ExceptionApprovedData;
  'nhi.exception.rejected': ExceptionRejectedData;
  'nhi.exception.expired': ExceptionExpiredData;
  'nhi.exception.revoked': ExceptionRevokedData;
  'nhi.exception.expiring-soon': ExceptionExpiringSoonData;
  'nhi.audit.recorded': AuditRecordedData;
  'nhi.integration.rejected': IntegrationRejectedData;
}

export type EventType = keyof EventDataByType;
