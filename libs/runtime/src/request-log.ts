import type { IncomingMessage } from 'node:http';
import { detectSecret } from '@nhi/secrets';

/**
 * The first path segments the platform serves (`/graphql`, `/health`,
 * `/ingest/{source}`, `/reports/...`, `/metrics`). A request line names one
 * of them and nothing after it: later segments are parameters (a source
 * name), and a 404's path is whatever the client typed, a token included.
 */
export const LOGGED_PATH_PREFIXES: readonly string[] = ['graphql', 'health', 'ingest', 'reports', 'metrics'];

/** Request headers worth a log line; all others (authorization, cookies, API keys by any name) stay out. */
const LOGGED_HEADERS = ['content-type', 'content-length', 'user-agent', 'accept', 'x-request-id'];

/** `/ingest/ghp_...?force=true` is logged as `/ingest/…`: the prefix, never a parameter or the query string. */
export function loggedPath(url: string | undefined): string {
  const path = (url ?? '').split(/[?#]/, 1)[0] ?? '';
  const [first, ...rest] = path.split('/').filter((segment) => segment !== '');
  if (first === undefined) return '/';
  if (!LOGGED_PATH_PREFIXES.includes(first)) return '/…';
  return rest.length > 0 ? `/${first}/…` : `/${first}`;
}

interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  headers?: Record<string, unknown>;
  remoteAddress?: string;
  raw?: IncomingMessage;
}

/**
 * pino-http's request serializer, positively: the id, method, path prefix,
 * a few harmless headers and the client address. Never the URL as sent, its
 * query or route parameters, or the body.
 */
export function requestForLog(req: SerializedRequest): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  for (const name of LOGGED_HEADERS) if (req.headers?.[name] !== undefined) headers[name] = loggedHeader(name, req.headers[name]);
  return { id: req.id, method: req.method, path: loggedPath(req.raw?.url ?? req.url), headers, remoteAddress: req.remoteAddress };
}

interface RoutedRequest extends IncomingMessage {
  baseUrl?: string;
  route?: { path?: unknown };
}

/**
 * The route template the request matched (`/ingest/:source`), known once it
 * was routed: pino-http asks again when the response finishes. Nothing before.
 */
export function routeForLog(req: IncomingMessage): Record<string, string> {
  const routed = req as RoutedRequest;
  const template = routed.route?.path;
  return typeof template === 'string' ? { route: `${routed.baseUrl ?? ''}${template}` } : {};
}

/** Longest header value a log line keeps; a longer one is the client's business, not the log's. */
const MAX_LOGGED_HEADER = 200;

/**
 * A header's value as the log may hold it. These headers are the client's free
 * text (a user-agent or request id can be anything, a token included): one
 * that is long, not printable ASCII, or secret-looking is withheld.
 */
export function loggedHeader(name: string, value: unknown): string {
  const text = Array.isArray(value) ? value.join(', ') : String(value);
  if (text.length > MAX_LOGGED_HEADER || !/^[\x20-\x7e]*$/.test(text)) return '[withheld]';
  return detectSecret(text, { field: name }) ? '[withheld: looked like a secret]' : text;
}
