// Generated from the JSON Schemas by libs/contracts/src/cli/write-event-types.ts: do not edit.
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
