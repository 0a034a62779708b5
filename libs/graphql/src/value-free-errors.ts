import type { GraphQLFormattedError } from 'graphql';
import { literalValueMessage } from './literal-value-message';
import { syntaxErrorMessage, withoutValueFragments } from './value-fragments';
import { variableValueMessage } from './variable-value-message';

/**
 * Codes of errors raised about the request itself, before any resolver ran:
 * their messages are graphql-js's, never this platform's own.
 */
const REQUEST_INPUT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST']);

/** Extensions that carry a copy of the input or of the unsanitised message. */
const ECHOING_EXTENSIONS = ['exception', 'originalError'];

/** graphql-js's message rebuilt from its known templates, naming paths and types only; undefined when it is none of them. */
function templateMessage(message: string, error: unknown): string | undefined {
  return variableValueMessage(message, error) ?? literalValueMessage(message, error) ?? syntaxErrorMessage(message);
}

function isRequestInputError(formatted: GraphQLFormattedError): boolean {
  const code = formatted.extensions?.['code'];
  return formatted.path === undefined && (code === undefined || (typeof code === 'string' && REQUEST_INPUT_CODES.has(code)));
}

/** The message a client may see: graphql-js templates rebuilt, other request input errors with value fragments replaced. */
export function valueFreeMessage(formatted: GraphQLFormattedError, error?: unknown): string {
  const rebuilt = templateMessage(formatted.message, error);
  if (rebuilt !== undefined) return rebuilt;
  return isRequestInputError(formatted) ? withoutValueFragments(formatted.message) : formatted.message;
}

/**
 * `formatError` for the gateway and every subgraph: errors about inputs name
 * the variable, argument or field path and what was expected, never the value
 *. A rewritten error loses its stack trace, whose first line is the
 * old message, and no error carries the exception or original error objects.
 */
export function valueFreeError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const message = valueFreeMessage(formatted, error);
  const extensions = { ...formatted.extensions };
  for (const key of ECHOING_EXTENSIONS) delete extensions[key];
  if (message !== formatted.message) delete extensions['stacktrace'];
  const changed = message !== formatted.message || Object.keys(extensions).length !== Object.keys(formatted.extensions ?? {}).length;
  if (!changed) return formatted;
  return { ...formatted, message, ...(formatted.extensions ? { extensions } : {}) };
}
