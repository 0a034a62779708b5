import { TOPICS, TopicName } from './topics';
import type { EventType } from './event-data';
import identityDiscovered from '../schemas/events/nhi.identity.discovered.v1.json';
import identityUpdated from '../schemas/events/nhi.identity.updated.v1.json';
import identityStale from '../schemas/events/nhi.identity.stale.v1.json';
import identityDecommissioned from '../schemas/events/nhi.identity.decommissioned.v1.json';
import findingOpened from '../schemas/events/nhi.finding.opened.v1.json';
import findingClosed from '../schemas/events/nhi.finding.closed.v1.json';
import rotationRequested from '../schemas/events/nhi.rotation.requested.v1.json';
import rotationCompleted from '../schemas/events/nhi.rotation.completed.v1.json';
import rotationFailed from '../schemas/events/nhi.rotation.failed.v1.json';
import revocationRequested from '../schemas/events/nhi.revocation.requested.v1.json';
import revocationCompleted from '../schemas/events/nhi.revocation.completed.v1.json';
import revocationFailed from '../schemas/events/nhi.revocation.failed.v1.json';
import ownershipAssigned from '../schemas/events/nhi.ownership.assigned.v1.json';
import ownershipUnassigned from '../schemas/events/nhi.ownership.unassigned.v1.json';
import ownershipOrphaned from '../schemas/events/nhi.ownership.orphaned.v1.json';
import ownershipEscalated from '../schemas/events/nhi.ownership.escalated.v1.json';
import ownershipRevocationRequested from '../schemas/events/nhi.ownership.revocation-requested.v1.json';
import ownershipAttested from '../schemas/events/nhi.ownership.attested.v1.json';
import handoffRequested from '../schemas/events/nhi.handoff.requested.v1.json';
import handoffCompleted from '../schemas/events/nhi.handoff.completed.v1.json';
import handoffDeclined from '../schemas/events/nhi.handoff.declined.v1.json';
import credentialRotationRequested from '../schemas/events/nhi.credential.rotation-requested.v1.json';
import credentialRotated from '../schemas/events/nhi.credential.rotated.v1.json';
import credentialRotationFailed from '../schemas/events/nhi.credential.rotation-failed.v1.json';
import credentialRotationTimedOut from '../schemas/events/nhi.credential.rotation-timed-out.v1.json';
import credentialRevocationRequested from '../schemas/events/nhi.credential.revocation-requested.v1.json';
import credentialRevoked from '../schemas/events/nhi.credential.revoked.v1.json';
import credentialRevocationFailed from '../schemas/events/nhi.credential.revocation-failed.v1.json';
import credentialRotationDue from '../schemas/events/nhi.credential.rotation-due.v1.json';
import credentialExpired from '../schemas/events/nhi.credential.expired.v1.json';
import exceptionRequested from '../schemas/events/nhi.exception.requested.v1.json';
import exceptionApproved from '../schemas/events/nhi.exception.approved.v1.json';
import exceptionRejected from '../schemas/events/nhi.exception.rejected.v1.json';
import exceptionExpired from '../schemas/events/nhi.exception.expired.v1.json';
import exceptionRevoked from '../schemas/events/nhi.exception.revoked.v1.json';
import exceptionExpiringSoon from '../schemas/events/nhi.exception.expiring-soon.v1.json';
import integrationRejected from '../schemas/events/nhi.integration.rejected.v1.json';
import auditRecorded from '../schemas/events/nhi.audit.recorded.v1.json';

export interface EventTypeDefinition {
  type: EventType;
  topic: TopicName;
  /** The service that publishes it, or `integrator` for results coming back from connectors. */
  producer: 'inventory' | 'ownership' | 'lifecycle' | 'exceptions' | 'metrics' | 'integrator' | 'every service';
  summary: string;
  schema: { $id: string } & Record<string, unknown>;
}

/** The catalogue of every event on the platform: one place that topic, producer and schema agree. */
export const EVENT_TYPES: Readonly<Record<EventType, EventTypeDefinition>> = {
  'nhi.identity.discovered': {
    type: 'nhi.identity.discovered',
    topic: TOPICS.inventoryEvents,
    producer: 'inventory',
    summary: 'A source reported an identity the inventory did not know; carries everything inventory knows of it.',
    schema: identityDiscovered,
  },
  'nhi.identity.updated': {
    type: 'nhi.identity.updated',
    topic: TOPICS.inventoryEvents,
    producer: 'inventory',
    summary: 'A sighting changed an identity: which fields, from what, to what, and the identity as it now is.',
    schema: identityUpdated,
  },
  'nhi.identity.stale': {
    type: 'nhi.identity.stale',
    topic: TOPICS.inventoryEvents,
    producer: 'inventory',
    summary: 'None of the sources of an identity reported it in their last full snapshots.',
    schema: identityStale,
  },
  'nhi.identity.decommissioned': {
    type: 'nhi.identity.decommissioned',
    topic: TOPICS.inventoryEvents,
    producer: 'inventory',
    summary: 'Someone decommissioned an identity, with a reason.',
    schema: identityDecommissioned,
  },
  'nhi.finding.opened': {
    type: 'nhi.finding.opened',
    topic: TOPICS.inventoryEvents,
    producer: 'inventory',
    summary: 'A risk mapped to the OWASP NHI Top 10 now holds for an identity.',
    schema: findingOpened,
  },
  'nhi.finding.closed': {
    type: 'nhi.finding.closed',
    topic: TOPICS.inventoryEvents,
    producer: 'inventory',
    summary: 'A finding no longer holds for an identity.',
    schema: findingClosed,
  },
  'nhi.rotation.requested': {
    type: 'nhi.rotation.requested',
    topic: TOPICS.rotationRequests,
    producer: 'lifecycle',
    summary: 'The platform asks an integrator to rotate a credential before the deadline.',
    schema: rotationRequested,
  },
  'nhi.rotation.completed': {
    type: 'nhi.rotation.completed',
    topic: TOPICS.rotationResults,
    producer: 'integrator',
    summary: 'An integrator rotated the credential of a rotation request.',
    schema: rotationCompleted,
  },
  'nhi.rotation.failed': {
    type: 'nhi.rotation.failed',
    topic: TOPICS.rotationResults,
    producer: 'integrator',
    summary: 'An integrator could not rotate the credential of a rotation request.',
    schema: rotationFailed,
  },
  'nhi.revocation.requested': {
    type: 'nhi.revocation.requested',
    topic: TOPICS.revocationRequests,
    producer: 'lifecycle',
    summary: 'The platform asks an integrator to revoke a credential before the deadline.',
    schema: revocationRequested,
  },
  'nhi.revocation.completed': {
    type: 'nhi.revocation.completed',
    topic: TOPICS.revocationResults,
    producer: 'integrator',
    summary: 'An integrator revoked the credential of a revocation request.',
    schema: revocationCompleted,
  },
  'nhi.revocation.failed': {
    type: 'nhi.revocation.failed',
    topic: TOPICS.revocationResults,
    producer: 'integrator',
    summary: 'An integrator could not revoke the credential of a revocation request.',
    schema: revocationFailed,
  },
  'nhi.ownership.assigned': {
    type: 'nhi.ownership.assigned',
    topic: TOPICS.ownershipEvents,
    producer: 'ownership',
    summary: 'An owner became accountable (PRIMARY) or backup for an identity: who, by what means, and the status that follows.',
    schema: ownershipAssigned,
  },
  'nhi.ownership.unassigned': {
    type: 'nhi.ownership.unassigned',
    topic: TOPICS.ownershipEvents,
    producer: 'ownership',
    summary: 'An identity lost its PRIMARY or BACKUP owner and nobody took the role.',
    schema: ownershipUnassigned,
  },
  'nhi.ownership.orphaned': {
    type: 'nhi.ownership.orphaned',
    topic: TOPICS.ownershipEvents,
    producer: 'ownership',
    summary: 'An identity lost its accountable owner (OWASP NHI1) and neither a backup nor a parent team took it; the grace period starts.',
    schema: ownershipOrphaned,
  },
  'nhi.ownership.escalated': {
    type: 'nhi.ownership.escalated',
    topic: TOPICS.ownershipEvents,
    producer: 'ownership',
    summary: 'An orphan was not re-owned within its grace period, or an owner missed an attestation deadline.',
    schema: ownershipEscalated,
  },
  'nhi.ownership.revocation-requested': {
    type: 'nhi.ownership.revocation-requested',
    topic: TOPICS.ownershipEvents,
    producer: 'ownership',
    summary: 'Nobody took an escalated orphan: ownership asks lifecycle to revoke its credential.',
    schema: ownershipRevocationRequested,
  },
  'nhi.ownership.attested': {
    type: 'nhi.ownership.attested',
    topic: TOPICS.ownershipEvents,
    producer: 'ownership',
    summary:
      'An owner decided about an identity in an attestation campaign: keep it, not mine, or decommission it (inventory acts on that).',
    schema: ownershipAttested,
  },
  'nhi.handoff.requested': {
    type: 'nhi.handoff.requested',
    topic: TOPICS.ownershipEvents,
    producer: 'ownership',
    summary: 'An identity is part of a handoff (pilot to operations, team to team) waiting for the receiving owner to accept.',
    schema: handoffRequested,
  },
  'nhi.handoff.completed': {
    type: 'nhi.handoff.completed',
    topic: TOPICS.ownershipEvents,
    producer: 'ownership',
    summary: 'The receiving owner accepted: the identity moved to them.',
    schema: handoffCompleted,
  },
  'nhi.handoff.declined': {
    type: 'nhi.handoff.declined',
    topic: TOPICS.ownershipEvents,
    producer: 'ownership',
    summary: 'The receiving owner declined: the identity stays with its owner.',
    schema: handoffDeclined,
  },
  'nhi.credential.rotation-requested': {
    type: 'nhi.credential.rotation-requested',
    topic: TOPICS.lifecycleEvents,
    producer: 'lifecycle',
    summary: 'Lifecycle asked an integrator to rotate a credential (one attempt; a retry is a new request).',
    schema: credentialRotationRequested,
  },
  'nhi.credential.rotated': {
    type: 'nhi.credential.rotated',
    topic: TOPICS.lifecycleEvents,
    producer: 'lifecycle',
    summary: 'A credential was rotated: its new fingerprint and expiry, and when it is due again.',
    schema: credentialRotated,
  },
  'nhi.credential.rotation-failed': {
    type: 'nhi.credential.rotation-failed',
    topic: TOPICS.lifecycleEvents,
    producer: 'lifecycle',
    summary: 'A rotation attempt failed; final when no attempt is left and the owner must act.',
    schema: credentialRotationFailed,
  },
  'nhi.credential.rotation-timed-out': {
    type: 'nhi.credential.rotation-timed-out',
    topic: TOPICS.lifecycleEvents,
    producer: 'lifecycle',
    summary: 'No result came before the deadline of a rotation attempt; a retry follows unless it was the last.',
    schema: credentialRotationTimedOut,
  },
  'nhi.credential.revocation-requested': {
    type: 'nhi.credential.revocation-requested',
    topic: TOPICS.lifecycleEvents,
    producer: 'lifecycle',
    summary: 'Lifecycle asked an integrator to revoke a credential (one attempt; a retry is a new request).',
    schema: credentialRevocationRequested,
  },
  'nhi.credential.revoked': {
    type: 'nhi.credential.revoked',
    topic: TOPICS.lifecycleEvents,
    producer: 'lifecycle',
    summary: 'A credential was revoked; it is never rotated again.',
    schema: credentialRevoked,
  },
  'nhi.credential.revocation-failed': {
    type: 'nhi.credential.revocation-failed',
    topic: TOPICS.lifecycleEvents,
    producer: 'lifecycle',
    summary: 'A revocation attempt failed or timed out; final when no attempt is left.',
    schema: credentialRevocationFailed,
  },
  'nhi.credential.rotation-due': {
    type: 'nhi.credential.rotation-due',
    topic: TOPICS.lifecycleEvents,
    producer: 'lifecycle',
    summary: "A credential is due for rotation under its policy, or will be within the policy's warnDays (warning).",
    schema: credentialRotationDue,
  },
  'nhi.credential.expired': {
    type: 'nhi.credential.expired',
    topic: TOPICS.lifecycleEvents,
    producer: 'lifecycle',
    summary: 'A credential passed its expiry date; the identity is EXPIRED.',
    schema: credentialExpired,
  },
  'nhi.exception.requested': {
    type: 'nhi.exception.requested',
    topic: TOPICS.exceptionsEvents,
    producer: 'exceptions',
    summary: 'An exception was requested for one control of one identity; someone other than the requester must decide.',
    schema: exceptionRequested,
  },
  'nhi.exception.approved': {
    type: 'nhi.exception.approved',
    topic: TOPICS.exceptionsEvents,
    producer: 'exceptions',
    summary: 'An exception was approved: the control is suspended for the identity until expiresAt (lifecycle stops enforcing it).',
    schema: exceptionApproved,
  },
  'nhi.exception.rejected': {
    type: 'nhi.exception.rejected',
    topic: TOPICS.exceptionsEvents,
    producer: 'exceptions',
    summary: 'An exception was rejected: the control stays enforced.',
    schema: exceptionRejected,
  },
  'nhi.exception.expired': {
    type: 'nhi.exception.expired',
    topic: TOPICS.exceptionsEvents,
    producer: 'exceptions',
    summary:
      'An exception reached expiresAt: the control is enforced again at once (lifecycle requests a rotation that fell due meanwhile).',
    schema: exceptionExpired,
  },
  'nhi.exception.revoked': {
    type: 'nhi.exception.revoked',
    topic: TOPICS.exceptionsEvents,
    producer: 'exceptions',
    summary: 'An exception was withdrawn before its expiry: the control is enforced again at once.',
    schema: exceptionRevoked,
  },
  'nhi.exception.expiring-soon': {
    type: 'nhi.exception.expiring-soon',
    topic: TOPICS.exceptionsEvents,
    producer: 'exceptions',
    summary: 'Reminder that an approved exception expires within daysLeft days (EXCEPTION_REMINDER_DAYS).',
    schema: exceptionExpiringSoon,
  },
  'nhi.audit.recorded': {
    type: 'nhi.audit.recorded',
    topic: TOPICS.audit,
    producer: 'every service',
    summary:
      'An audit record: a GraphQL mutation or a bulk ingest, whatever its outcome (SUCCEEDED, FORBIDDEN, REJECTED, FAILED), ' +
      'with actor, roles, time, service, targets and redacted inputs. Metrics keeps them append-only; a SIEM may subscribe.',
    schema: auditRecorded,
  },
  'nhi.integration.rejected': {
    type: 'nhi.integration.rejected',
    topic: TOPICS.integrationFeedback,
    producer: 'every service',
    summary:
      'An event an integrator sent was refused (not a CloudEvent, data against its schema, a result the platform cannot apply): ' +
      'where it was, its source and id, and what was wrong by field, never the values. Keyed like the refused message.',
    schema: integrationRejected,
  },
};

export function isKnownEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_TYPES, type);
}

export function eventTypesOnTopic(topic: string): EventTypeDefinition[] {
  return Object.values(EVENT_TYPES).filter((definition) => definition.topic === topic);
}
