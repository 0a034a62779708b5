import { GraphQLError } from 'graphql';

export type LimitCode =
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_COMPLEX'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_ROOT_FIELDS'
  | 'BATCH_TOO_LARGE'
  | 'PAGE_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE';

export interface LimitDetails {
  /** The configured limit. */
  limit: number | string;
  /** What the request had. */
  actual: number | string;
  /** The environment variable that sets the limit. */
  setting: string;
  /** HTTP status of the refusal (400 unless told). */
  status?: number;
  /** Extra extensions, e.g. retryAfterSeconds or the argument that was too large. */
  extensions?: Record<string, unknown>;
  headers?: Map<string, string>;
}

/**
 * A refusal by one of the gateway's abuse limits: the message names the limit, its value
 * and what the request had; extensions carry the same as data, plus the HTTP status for Apollo.
 */
export function limitError(code: LimitCode, message: string, details: LimitDetails): GraphQLError {
  const { limit, actual, setting, status = 400, extensions = {}, headers } = details;
  return new GraphQLError(message, {
    extensions: {
      code,
      limit,
      actual,
      setting,
      ...extensions,
      http: { status, ...(headers ? { headers } : {}) },
    },
  });
}
