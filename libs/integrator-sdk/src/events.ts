import type { IntegratorEventData } from './generated/event-data';

export type IntegratorEventType = keyof IntegratorEventData;
export type RequestType = 'nhi.rotation.requested' | 'nhi.revocation.requested';
export type ResultType = 'nhi.rotation.completed' | 'nhi.rotation.failed' | 'nhi.revocation.completed' | 'nhi.revocation.failed';

/** A CloudEvents 1.0 event of one of the integrator's types, with its data typed by the contract. */
export interface IntegratorEvent<T extends IntegratorEventType = IntegratorEventType> {
  specversion: '1.0';
  id: string;
  source: string;
  type: T;
  subject?: string;
  time?: string;
  datacontenttype?: string;
  dataschema?: string;
  data: IntegratorEventData[T];
  /** CloudEvents Distributed Tracing extension: the W3C trace context of the operation (the platform sets it on every request). */
  traceparent?: string;
  tracestate?: string;
}

export type RotationRequest = IntegratorEvent<'nhi.rotation.requested'>;
export type RevocationRequest = IntegratorEvent<'nhi.revocation.requested'>;
export type IntegratorRequest = RotationRequest | RevocationRequest;
export type RotationResult = IntegratorEvent<'nhi.rotation.completed'> | IntegratorEvent<'nhi.rotation.failed'>;
export type RevocationResult = IntegratorEvent<'nhi.revocation.completed'> | IntegratorEvent<'nhi.revocation.failed'>;
export type IntegratorResult = RotationResult | RevocationResult;
