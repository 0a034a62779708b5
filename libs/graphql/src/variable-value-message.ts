import { NAME } from './input-error-grammar';
import { startsWithDetail, valueFreeDetail } from './value-free-detail';

const HEAD = new RegExp(`^Variable "\\$(${NAME})" got invalid value `);
const PATH_TAIL = `(?:\\.${NAME}|\\[\\d+\\])*`;

interface ErrorChain {
  originalError?: unknown;
}

function messageOf(error: unknown): string | undefined {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : undefined;
}

/**
 * Where the quoted value ends and graphql-js's detail begins. The detail is
 * the message of the error coerceInputValue raised, kept as `originalError`:
 * that structured part is used when present. Otherwise (an error that crossed
 * the network) the first `; ` followed by a detail graphql-js writes is taken;
 * a value cannot forge one, as strings are printed with their quotes escaped.
 */
function splitAt(message: string, error: unknown): number {
  let cause: unknown = (error as ErrorChain | undefined)?.originalError;
  for (let depth = 0; cause && depth < 3; depth += 1) {
    const inner = messageOf(cause);
    if (inner && message.endsWith(`; ${inner}`) && startsWithDetail(inner)) return message.length - inner.length - 2;
    cause = (cause as ErrorChain).originalError;
  }
  for (let at = message.indexOf('; '); at >= 0; at = message.indexOf('; ', at + 1)) {
    if (startsWithDetail(message.slice(at + 2))) return at;
  }
  return -1;
}

/**
 * `Variable "$x" got invalid value <JSON> at "x.rows[0].name"; Expected type "Int". Int cannot represent ...`
 * becomes `Variable "$x" got invalid value at "x.rows[0].name"; Expected type "Int".`: the variable,
 * the path and what was expected, never the value.
 */
export function variableValueMessage(message: string, error: unknown): string | undefined {
  const head = HEAD.exec(message);
  if (!head) return undefined;
  const variable = head[1] ?? '';
  const at = splitAt(message, error);
  const detail = at >= 0 ? valueFreeDetail(message.slice(at + 2)) : undefined;
  const path = at >= 0 ? new RegExp(` at "(${variable}${PATH_TAIL})"$`).exec(message.slice(0, at))?.[1] : undefined;
  return `Variable "$${variable}" got invalid value${path ? ` at "${path}"` : ''}; ${detail ?? 'The value is not valid for its type.'}`;
}
