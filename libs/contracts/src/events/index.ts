// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
import type { EventMetadata } from './event-metadata';
import { event as auditRecorded } from './nhi.audit.recorded/event';
import auditRecordedSchema from './nhi.audit.recorded/schema.json';
import type { AuditRecordedData } from './nhi.audit.recorded/data';
import { event as credentialExpired } from './nhi.credential.expired/event';
import credentialExpiredSchema from './nhi.credential.expired/schema.json';
import type { CredentialExpiredData } from './nhi.credential.expired/data';
import { event as credentialRevocationFailed } from './nhi.credential.revocation-failed/event';
import credentialRevocationFailedSchema from './nhi.credential.revocation-failed/schema.json';
import type { CredentialRevocationFailedData } from './nhi.credential.revocation-failed/data';
import { event as credentialRevocationRequested } from './nhi.credential.revocation-requested/event';
import credentialRevocationRequestedSchema from './nhi.credential.revocation-requested/schema.json';
import type { CredentialRevocationRequestedData } from './nhi.credential.revocation-requested/data';
import { event as credentialRevoked } from './nhi.credential.revoked/event';
import credentialRevokedSchema from './nhi.credential.revoked/schema.json';
import type { CredentialRevokedData } from './nhi.credential.revoked/data';
import { event as credentialRotated } from './nhi.credential.rotated/event';
import credentialRotatedSchema from './nhi.credential.rotated/schema.json';
import type { CredentialRotatedData } from './nhi.credential.rotated/data';
import { event as credentialRotationDue } from './nhi.credential.rotation-due/event';
import credentialRotationDueSchema from './nhi.credential.rotation-due/schema.json';
import type { CredentialRotationDueData } from './nhi.credential.rotation-due/data';
import { event as credentialRotationFailed } from './nhi.credential.rotation-failed/event';
import credentialRotationFailedSchema from './nhi.credential.rotation-failed/schema.json';
import type { CredentialRotationFailedData } from './nhi.credential.rotation-failed/data';
import { event as credentialRotationRequested } from './nhi.credential.rotation-requested/event';
import credentialRotationRequestedSchema from './nhi.credential.rotation-requested/schema.json';
import type { CredentialRotationRequestedData } from './nhi.credential.rotation-requested/data';
import { event as credentialRotationTimedOut } from './nhi.credential.rotation-timed-out/event';
import credentialRotationTimedOutSchema from './nhi.credential.rotation-timed-out/schema.json';
import type { CredentialRotationTimedOutData } from './nhi.credential.rotation-timed-out/data';
import { event as exceptionApproved } from './nhi.exception.approved/event';
import exceptionApprovedSchema from './nhi.exception.approved/schema.json';
import type { ExceptionApprovedData } from './nhi.exception.approved/data';
import { event as exceptionExpired } from './nhi.exception.expired/event';
import exceptionExpiredSchema from './nhi.exception.expired/schema.json';
import type { ExceptionExpiredData } from './nhi.exception.expired/data';
import { event as exceptionExpiringSoon } from './nhi.exception.expiring-soon/event';
import exceptionExpiringSoonSchema from './nhi.exception.expiring-soon/schema.json';
import type { ExceptionExpiringSoonData } from './nhi.exception.expiring-soon/data';
import { event as exceptionRejected } from './nhi.exception.rejected/event';
import exceptionRejectedSchema from './nhi.exception.rejected/schema.json';
import type { ExceptionRejectedData } from './nhi.exception.rejected/data';
import { event as exceptionRequested } from './nhi.exception.requested/event';
import exceptionRequestedSchema from './nhi.exception.requested/schema.json';
import type { ExceptionRequestedData } from './nhi.exception.requested/data';
import { event as exceptionRevoked } from './nhi.exception.revoked/event';
import exceptionRevokedSchema from './nhi.exception.revoked/schema.json';
import type { ExceptionRevokedData } from './nhi.exception.revoked/data';
import { event as findingClosed } from './nhi.finding.closed/event';
import findingClosedSchema from './nhi.finding.closed/schema.json';
import type { FindingClosedData } from './nhi.finding.closed/data';
import { event as findingOpened } from './nhi.finding.opened/event';
import findingOpenedSchema from './nhi.finding.opened/schema.json';
import type { FindingOpenedData } from './nhi.finding.opened/data';
import { event as handoffCompleted } from './nhi.handoff.completed/event';
import handoffCompletedSchema from './nhi.handoff.completed/schema.json';
import type { HandoffCompletedData } from './nhi.handoff.completed/data';
import { event as handoffDeclined } from './nhi.handoff.declined/event';
import handoffDeclinedSchema from './nhi.handoff.declined/schema.json';
import type { HandoffDeclinedData } from './nhi.handoff.declined/data';
import { event as handoffRequested } from './nhi.handoff.requested/event';
import handoffRequestedSchema from './nhi.handoff.requested/schema.json';
import type { HandoffRequestedData } from './nhi.handoff.requested/data';
import { event as identityDecommissioned } from './nhi.identity.decommissioned/event';
import identityDecommissionedSchema from './nhi.identity.decommissioned/schema.json';
import type { IdentityDecommissionedData } from './nhi.identity.decommissioned/data';
import { event as identityDiscovered } from './nhi.identity.discovered/event';
import identityDiscoveredSchema from './nhi.identity.discovered/schema.json';
import type { IdentityDiscoveredData } from './nhi.identity.discovered/data';
import { event as identityStale } from './nhi.identity.stale/event';
import identityStaleSchema from './nhi.identity.stale/schema.json';
import type { IdentityStaleData } from './nhi.identity.stale/data';
import { event as identityUpdated } from './nhi.identity.updated/event';
import identityUpdatedSchema from './nhi.identity.updated/schema.json';
import type { IdentityUpdatedData } from './nhi.identity.updated/data';
import { event as integrationRejected } from './nhi.integration.rejected/event';
import integrationRejectedSchema from './nhi.integration.rejected/schema.json';
import type { IntegrationRejectedData } from './nhi.integration.rejected/data';
import { event as massActionFinished } from './nhi.mass-action.finished/event';
import massActionFinishedSchema from './nhi.mass-action.finished/schema.json';
import type { MassActionFinishedData } from './nhi.mass-action.finished/data';
import { event as massActionStarted } from './nhi.mass-action.started/event';
import massActionStartedSchema from './nhi.mass-action.started/schema.json';
import type { MassActionStartedData } from './nhi.mass-action.started/data';
import { event as ownershipAssigned } from './nhi.ownership.assigned/event';
import ownershipAssignedSchema from './nhi.ownership.assigned/schema.json';
import type { OwnershipAssignedData } from './nhi.ownership.assigned/data';
import { event as ownershipAttested } from './nhi.ownership.attested/event';
import ownershipAttestedSchema from './nhi.ownership.attested/schema.json';
import type { OwnershipAttestedData } from './nhi.ownership.attested/data';
import { event as ownershipEscalated } from './nhi.ownership.escalated/event';
import ownershipEscalatedSchema from './nhi.ownership.escalated/schema.json';
import type { OwnershipEscalatedData } from './nhi.ownership.escalated/data';
import { event as ownershipOrphaned } from './nhi.ownership.orphaned/event';
import ownershipOrphanedSchema from './nhi.ownership.orphaned/schema.json';
import type { OwnershipOrphanedData } from './nhi.ownership.orphaned/data';
import { event as ownershipRevocationRequested } from './nhi.ownership.revocation-requested/event';
import ownershipRevocationRequestedSchema from './nhi.ownership.revocation-requested/schema.json';
import type { OwnershipRevocationRequestedData } from './nhi.ownership.revocation-requested/data';
import { event as ownershipUnassigned } from './nhi.ownership.unassigned/event';
import ownershipUnassignedSchema from './nhi.ownership.unassigned/schema.json';
import type { OwnershipUnassignedData } from './nhi.ownership.unassigned/data';
import { event as revocationCompleted } from './nhi.revocation.completed/event';
import revocationCompletedSchema from './nhi.revocation.completed/schema.json';
import type { RevocationCompletedData } from './nhi.revocation.completed/data';
import { event as revocationFailed } from './nhi.revocation.failed/event';
import revocationFailedSchema from './nhi.revocation.failed/schema.json';
import type { RevocationFailedData } from './nhi.revocation.failed/data';
import { event as revocationRequested } from './nhi.revocation.requested/event';
import revocationRequestedSchema from './nhi.revocation.requested/schema.json';
import type { RevocationRequestedData } from './nhi.revocation.requested/data';
import { event as rotationCompleted } from './nhi.rotation.completed/event';
import rotationCompletedSchema from './nhi.rotation.completed/schema.json';
import type { RotationCompletedData } from './nhi.rotation.completed/data';
import { event as rotationFailed } from './nhi.rotation.failed/event';
import rotationFailedSchema from './nhi.rotation.failed/schema.json';
import type { RotationFailedData } from './nhi.rotation.failed/data';
import { event as rotationRequested } from './nhi.rotation.requested/event';
import rotationRequestedSchema from './nhi.rotation.requested/schema.json';
import type { RotationRequestedData } from './nhi.rotation.requested/data';

export * from './definitions';
export type { AuditRecordedData } from './nhi.audit.recorded/data';
export type { CredentialExpiredData } from './nhi.credential.expired/data';
export type { CredentialRevocationFailedData } from './nhi.credential.revocation-failed/data';
export type { CredentialRevocationRequestedData } from './nhi.credential.revocation-requested/data';
export type { CredentialRevokedData } from './nhi.credential.revoked/data';
export type { CredentialRotatedData } from './nhi.credential.rotated/data';
export type { CredentialRotationDueData } from './nhi.credential.rotation-due/data';
export type { CredentialRotationFailedData } from './nhi.credential.rotation-failed/data';
export type { CredentialRotationRequestedData } from './nhi.credential.rotation-requested/data';
export type { CredentialRotationTimedOutData } from './nhi.credential.rotation-timed-out/data';
export type { ExceptionApprovedData } from './nhi.exception.approved/data';
export type { ExceptionExpiredData } from './nhi.exception.expired/data';
export type { ExceptionExpiringSoonData } from './nhi.exception.expiring-soon/data';
export type { ExceptionRejectedData } from './nhi.exception.rejected/data';
export type { ExceptionRequestedData } from './nhi.exception.requested/data';
export type { ExceptionRevokedData } from './nhi.exception.revoked/data';
export type { FindingClosedData } from './nhi.finding.closed/data';
export type { FindingOpenedData } from './nhi.finding.opened/data';
export type { HandoffCompletedData } from './nhi.handoff.completed/data';
export type { HandoffDeclinedData } from './nhi.handoff.declined/data';
export type { HandoffRequestedData } from './nhi.handoff.requested/data';
export type { IdentityDecommissionedData } from './nhi.identity.decommissioned/data';
export type { IdentityDiscoveredData } from './nhi.identity.discovered/data';
export type { IdentityStaleData } from './nhi.identity.stale/data';
export type { IdentityUpdatedData } from './nhi.identity.updated/data';
export type { IntegrationRejectedData } from './nhi.integration.rejected/data';
export type { MassActionFinishedData } from './nhi.mass-action.finished/data';
export type { MassActionStartedData } from './nhi.mass-action.started/data';
export type { OwnershipAssignedData } from './nhi.ownership.assigned/data';
export type { OwnershipAttestedData } from './nhi.ownership.attested/data';
export type { OwnershipEscalatedData } from './nhi.ownership.escalated/data';
export type { OwnershipOrphanedData } from './nhi.ownership.orphaned/data';
export type { OwnershipRevocationRequestedData } from './nhi.ownership.revocation-requested/data';
export type { OwnershipUnassignedData } from './nhi.ownership.unassigned/data';
export type { RevocationCompletedData } from './nhi.revocation.completed/data';
export type { RevocationFailedData } from './nhi.revocation.failed/data';
export type { RevocationRequestedData } from './nhi.revocation.requested/data';
export type { RotationCompletedData } from './nhi.rotation.completed/data';
export type { RotationFailedData } from './nhi.rotation.failed/data';
export type { RotationRequestedData } from './nhi.rotation.requested/data';

/** Event type -> data shape. Adding an event is adding its folder (schema.json, event.ts) and regenerating. */
export interface EventDataByType {
  'nhi.audit.recorded': AuditRecordedData;
  'nhi.credential.expired': CredentialExpiredData;
  'nhi.credential.revocation-failed': CredentialRevocationFailedData;
  'nhi.credential.revocation-requested': CredentialRevocationRequestedData;
  'nhi.credential.revoked': CredentialRevokedData;
  'nhi.credential.rotated': CredentialRotatedData;
  'nhi.credential.rotation-due': CredentialRotationDueData;
  'nhi.credential.rotation-failed': CredentialRotationFailedData;
  'nhi.credential.rotation-requested': CredentialRotationRequestedData;
  'nhi.credential.rotation-timed-out': CredentialRotationTimedOutData;
  'nhi.exception.approved': ExceptionApprovedData;
  'nhi.exception.expired': ExceptionExpiredData;
  'nhi.exception.expiring-soon': ExceptionExpiringSoonData;
  'nhi.exception.rejected': ExceptionRejectedData;
  'nhi.exception.requested': ExceptionRequestedData;
  'nhi.exception.revoked': ExceptionRevokedData;
  'nhi.finding.closed': FindingClosedData;
  'nhi.finding.opened': FindingOpenedData;
  'nhi.handoff.completed': HandoffCompletedData;
  'nhi.handoff.declined': HandoffDeclinedData;
  'nhi.handoff.requested': HandoffRequestedData;
  'nhi.identity.decommissioned': IdentityDecommissionedData;
  'nhi.identity.discovered': IdentityDiscoveredData;
  'nhi.identity.stale': IdentityStaleData;
  'nhi.identity.updated': IdentityUpdatedData;
  'nhi.integration.rejected': IntegrationRejectedData;
  'nhi.mass-action.finished': MassActionFinishedData;
  'nhi.mass-action.started': MassActionStartedData;
  'nhi.ownership.assigned': OwnershipAssignedData;
  'nhi.ownership.attested': OwnershipAttestedData;
  'nhi.ownership.escalated': OwnershipEscalatedData;
  'nhi.ownership.orphaned': OwnershipOrphanedData;
  'nhi.ownership.revocation-requested': OwnershipRevocationRequestedData;
  'nhi.ownership.unassigned': OwnershipUnassignedData;
  'nhi.revocation.completed': RevocationCompletedData;
  'nhi.revocation.failed': RevocationFailedData;
  'nhi.revocation.requested': RevocationRequestedData;
  'nhi.rotation.completed': RotationCompletedData;
  'nhi.rotation.failed': RotationFailedData;
  'nhi.rotation.requested': RotationRequestedData;
}

export type EventType = keyof EventDataByType;

/** Each event folder: its metadata and its schema. */
export const EVENT_FOLDERS: Readonly<Record<EventType, EventMetadata & { schema: { $id: string } & Record<string, unknown> }>> = {
  'nhi.audit.recorded': { ...auditRecorded, schema: auditRecordedSchema },
  'nhi.credential.expired': { ...credentialExpired, schema: credentialExpiredSchema },
  'nhi.credential.revocation-failed': { ...credentialRevocationFailed, schema: credentialRevocationFailedSchema },
  'nhi.credential.revocation-requested': { ...credentialRevocationRequested, schema: credentialRevocationRequestedSchema },
  'nhi.credential.revoked': { ...credentialRevoked, schema: credentialRevokedSchema },
  'nhi.credential.rotated': { ...credentialRotated, schema: credentialRotatedSchema },
  'nhi.credential.rotation-due': { ...credentialRotationDue, schema: credentialRotationDueSchema },
  'nhi.credential.rotation-failed': { ...credentialRotationFailed, schema: credentialRotationFailedSchema },
  'nhi.credential.rotation-requested': { ...credentialRotationRequested, schema: credentialRotationRequestedSchema },
  'nhi.credential.rotation-timed-out': { ...credentialRotationTimedOut, schema: credentialRotationTimedOutSchema },
  'nhi.exception.approved': { ...exceptionApproved, schema: exceptionApprovedSchema },
  'nhi.exception.expired': { ...exceptionExpired, schema: exceptionExpiredSchema },
  'nhi.exception.expiring-soon': { ...exceptionExpiringSoon, schema: exceptionExpiringSoonSchema },
  'nhi.exception.rejected': { ...exceptionRejected, schema: exceptionRejectedSchema },
  'nhi.exception.requested': { ...exceptionRequested, schema: exceptionRequestedSchema },
  'nhi.exception.revoked': { ...exceptionRevoked, schema: exceptionRevokedSchema },
  'nhi.finding.closed': { ...findingClosed, schema: findingClosedSchema },
  'nhi.finding.opened': { ...findingOpened, schema: findingOpenedSchema },
  'nhi.handoff.completed': { ...handoffCompleted, schema: handoffCompletedSchema },
  'nhi.handoff.declined': { ...handoffDeclined, schema: handoffDeclinedSchema },
  'nhi.handoff.requested': { ...handoffRequested, schema: handoffRequestedSchema },
  'nhi.identity.decommissioned': { ...identityDecommissioned, schema: identityDecommissionedSchema },
  'nhi.identity.discovered': { ...identityDiscovered, schema: identityDiscoveredSchema },
  'nhi.identity.stale': { ...identityStale, schema: identityStaleSchema },
  'nhi.identity.updated': { ...identityUpdated, schema: identityUpdatedSchema },
  'nhi.integration.rejected': { ...integrationRejected, schema: integrationRejectedSchema },
  'nhi.mass-action.finished': { ...massActionFinished, schema: massActionFinishedSchema },
  'nhi.mass-action.started': { ...massActionStarted, schema: massActionStartedSchema },
  'nhi.ownership.assigned': { ...ownershipAssigned, schema: ownershipAssignedSchema },
  'nhi.ownership.attested': { ...ownershipAttested, schema: ownershipAttestedSchema },
  'nhi.ownership.escalated': { ...ownershipEscalated, schema: ownershipEscalatedSchema },
  'nhi.ownership.orphaned': { ...ownershipOrphaned, schema: ownershipOrphanedSchema },
  'nhi.ownership.revocation-requested': { ...ownershipRevocationRequested, schema: ownershipRevocationRequestedSchema },
  'nhi.ownership.unassigned': { ...ownershipUnassigned, schema: ownershipUnassignedSchema },
  'nhi.revocation.completed': { ...revocationCompleted, schema: revocationCompletedSchema },
  'nhi.revocation.failed': { ...revocationFailed, schema: revocationFailedSchema },
  'nhi.revocation.requested': { ...revocationRequested, schema: revocationRequestedSchema },
  'nhi.rotation.completed': { ...rotationCompleted, schema: rotationCompletedSchema },
  'nhi.rotation.failed': { ...rotationFailed, schema: rotationFailedSchema },
  'nhi.rotation.requested': { ...rotationRequested, schema: rotationRequestedSchema },
};
