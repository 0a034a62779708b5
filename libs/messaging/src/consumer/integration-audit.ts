import type { AuditRecordedData, IntegrationRejectedData } from '@nhi/contracts';

/** The audit record of a refused integrator event: the integrator as the actor, where the message was and why, never its content. */
export function auditOfRejection(rejection: IntegrationRejectedData, error: unknown, subject: string): AuditRecordedData {
  return {
    actor: (rejection.originalSource ?? 'unidentified integrator').slice(0, 200),
    roles: ['integrator'],
    service: rejection.consumer,
    operation: 'applyIntegratorResult',
    targetIds: [subject],
    outcome: 'REJECTED',
    errorCode: error instanceof Error ? error.name : 'ContractViolationError',
    error: [rejection.reason, ...rejection.problems.map((p) => `${p.field} ${p.problem}`)].join('; ').slice(0, 2000),
    input: {
      topic: rejection.topic,
      partition: rejection.partition,
      offset: rejection.offset,
      id: rejection.originalId,
      type: rejection.originalType,
    },
    details: null,
    at: rejection.rejectedAt,
    durationMs: 0,
  };
}
