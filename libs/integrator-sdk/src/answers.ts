import { randomUUID } from 'node:crypto';
import type { IntegratorEvent, RevocationRequest, RevocationResult, RotationRequest, RotationResult, ResultType } from './events';
import type { IntegratorEventData, RevocationRequestedData, RotationRequestedData } from './generated/event-data';
import { assertValid } from './validate';
import { spanContextOf, traceContextOf, type EventTraceContext } from './trace-context';

/** Who answers: the integrator's own CloudEvents source (registered with the platform), and optionally the id and time. */
export interface AnswerOptions {
  /** A URI-reference naming the integrator, e.g. `/integrators/acme`. */
  source: string;
  /** Unique within the source; a random UUID when left out. */
  id?: string;
  /** When the event happened; now when left out. */
  time?: Date;
  /**
   * The W3C trace context the answer carries (CloudEvents Distributed Tracing extension).
   * Left out, the request's own is carried on when the request event is given, so the
   * platform sees the answer in the trace of its request.
   */
  traceparent?: string;
  tracestate?: string;
}

/** Which credential a rotation replaced with which (the provider's ids), for requests that name `credentials`. */
export interface Replacement {
  previousExternalId: string;
  externalId: string;
  /** A hash of the new credential (credentialFingerprint()), never the credential. */
  fingerprint?: string;
  expiresAt?: Date;
}

export type RotationOutcome =
  { rotatedAt?: Date; newCredentialFingerprint?: string; newExpiresAt?: Date; replaced?: Replacement[] } | { error: string };

export type RevocationOutcome = { revokedAt?: Date } | { error: string };

/** What a result repeats of its request; the request event or its data will do. */
export interface RequestIds {
  requestId: string;
  nhiId: string;
}

function requestIds(request: { data: RequestIds } | RequestIds): RequestIds {
  const { requestId, nhiId } = 'data' in request ? request.data : request;
  return { requestId, nhiId };
}

/** The trace context an answer carries: the one asked for, else the request's (when the request event was given). */
function traceOfAnswer(request: object, options: AnswerOptions): EventTraceContext {
  // Only a request event has the attributes; its data or bare ids read as none.
  return traceContextOf(spanContextOf(options.traceparent !== undefined ? options : (request as EventTraceContext)));
}

function resultEvent<T extends ResultType>(
  type: T,
  data: IntegratorEventData[T],
  options: AnswerOptions,
  trace: EventTraceContext,
): IntegratorEvent<T> {
  const event = {
    specversion: '1.0' as const,
    id: options.id ?? randomUUID(),
    source: options.source,
    type,
    subject: data.nhiId,
    time: (options.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    data,
    ...trace,
  };
  // What we send is held to the contract before it leaves: a mistake fails here, not on the platform's DLQ.
  return assertValid(event) as IntegratorEvent<T>;
}

/**
 * The answer to a rotation request: `nhi.rotation.completed` with the new
 * credential's fingerprint (a hash, never the credential) and expiry, or
 * `nhi.rotation.failed` with an error for people (no secret material in it).
 */
export function answerRotation(
  request: RotationRequest | RotationRequestedData | RequestIds,
  outcome: RotationOutcome,
  options: AnswerOptions,
): RotationResult {
  const { requestId, nhiId } = requestIds(request);
  const at = { ...options, time: options.time ?? new Date() };
  const trace = traceOfAnswer(request, options);
  if ('error' in outcome) return resultEvent('nhi.rotation.failed', { requestId, nhiId, error: outcome.error }, at, trace);
  const data: IntegratorEventData['nhi.rotation.completed'] = { requestId, nhiId, rotatedAt: (outcome.rotatedAt ?? at.time).toISOString() };
  if (outcome.newCredentialFingerprint !== undefined) data.newCredentialFingerprint = outcome.newCredentialFingerprint;
  if (outcome.newExpiresAt !== undefined) data.newExpiresAt = outcome.newExpiresAt.toISOString();
  if (outcome.replaced?.length) {
    data.replaced = outcome.replaced.map(({ previousExternalId, externalId, fingerprint, expiresAt }) => ({
      previousExternalId,
      externalId,
      ...(fingerprint === undefined ? {} : { fingerprint }),
      ...(expiresAt === undefined ? {} : { expiresAt: expiresAt.toISOString() }),
    }));
  }
  return resultEvent('nhi.rotation.completed', data, at, trace);
}

/** The answer to a revocation request: `nhi.revocation.completed`, or `nhi.revocation.failed` with an error for people. */
export function answerRevocation(
  request: RevocationRequest | RevocationRequestedData | RequestIds,
  outcome: RevocationOutcome,
  options: AnswerOptions,
): RevocationResult {
  const { requestId, nhiId } = requestIds(request);
  const at = { ...options, time: options.time ?? new Date() };
  const trace = traceOfAnswer(request, options);
  if ('error' in outcome) return resultEvent('nhi.revocation.failed', { requestId, nhiId, error: outcome.error }, at, trace);
  return resultEvent('nhi.revocation.completed', { requestId, nhiId, revokedAt: (outcome.revokedAt ?? at.time).toISOString() }, at, trace);
}
