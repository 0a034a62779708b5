import type { IntegratorResult, RequestType } from '../events';

/** One request the kit sends as the platform would, and what a conforming integrator does with it. */
export interface ConformanceCase {
  name: string;
  type: RequestType;
  /** The request's data; requestId and nhiId are fresh per run. */
  data: {
    requestId: string;
    nhiId: string;
    provider: string;
    externalId: string;
    kind: string;
    reason: string;
    requestedAt: string;
    deadline: string;
    force?: boolean;
  };
  /** Sent this many times with the same CloudEvents id: a redelivery. */
  copies: number;
  expect: 'an answer' | 'a failure with an error' | 'no completion' | 'no answer';
}

/** An answer the kit read on a results topic, with where and when. */
export interface ObservedAnswer {
  topic: 'rotation' | 'revocation';
  key: string | null;
  receivedAt: Date;
  /** The event when it is a valid CloudEvent of a result type; otherwise why it is not. */
  event: IntegratorResult | null;
  invalid: string | null;
  requestId: string | null;
}

export interface CheckResult {
  caseName: string;
  check: string;
  passed: boolean;
  detail: string;
}
