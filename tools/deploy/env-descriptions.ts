import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * What a variable is, for the ones whose schema entry carries no /** comment *\/
 * (built by a helper such as env.port, or named by a template). A comment in the
 * schema wins over these, so this list only fills gaps.
 */
export const UNDOCUMENTED_VARIABLES: Readonly<Record<string, string>> = {
  NODE_ENV: 'development, production or test; production tightens defaults and requires what a developer may leave out.',
  HOST: 'Address the HTTP server listens on (0.0.0.0 in a container).',
  PORT: 'Port the HTTP server listens on (0: any free port).',
  LOG_LEVEL: 'fatal, error, warn, info, debug, trace or silent; JSON log lines go to standard output.',
  DATABASE_URL: "The service's own PostgreSQL database (postgres:// URL; a password in it is never logged). Created if missing.",
  KAFKA_BROKERS: 'Comma-separated host:port list of Kafka brokers to bootstrap from.',
  KAFKA_CLIENT_ID: 'Kafka client id, shown in broker logs and quotas.',
  KAFKA_GROUP_ID: 'Consumer group: every instance of the service shares one, two services never do.',
  KAFKA_TOPIC_PREFIX: 'Put before every topic name (platform, integrator and dead-letter topics); empty in production.',
  KAFKA_REPLICATION_FACTOR: 'Replicas of each topic the service creates (3 on a production cluster).',
  OUTBOX_POLL_INTERVAL_MS: 'How often the outbox relay looks for unpublished events when no notification woke it.',
  CONSUMER_MAX_ATTEMPTS: 'Attempts at an event that fails before it goes to its .dlq topic.',
  CONSUMER_RETRY_BASE_MS: 'First wait between attempts at a failing event; it doubles with each attempt.',
  CONSUMER_RUN_SIZE: 'Most events of one partition a consumer applies in one transaction.',
  ACTOR_SIGNING_KEY:
    'Shared secret (32+ characters) that the gateway signs the caller with and every subgraph checks; the same value everywhere.',
  SHUTDOWN_TIMEOUT_MS: 'On SIGTERM, how long the app may take to finish what it started before it exits 1.',
  JWT_JWKS_URL:
    "The identity provider's JWKS URL that bearer tokens are verified against (https in production); unset outside production: the local dev key.",
  DEV_KEYS_DIR: 'Outside production without JWT_JWKS_URL: folder of the local dev key pair (npm run token signs with it).',
  JWT_ISSUER: 'Expected iss claim of bearer tokens.',
  JWT_AUDIENCE: 'Expected aud claim of bearer tokens.',
  JWT_CLOCK_TOLERANCE_SECONDS: 'Clock skew allowed when checking exp and nbf (0 to 300 seconds).',
  JWT_ALGORITHMS: 'Accepted asymmetric JWS algorithms, comma-separated.',
  JWT_ROLES_CLAIM: 'Claim that holds the caller’s roles or identity-provider groups.',
  INVENTORY_URL: 'GraphQL endpoint of the inventory subgraph.',
  OWNERSHIP_URL: 'GraphQL endpoint of the ownership subgraph.',
  LIFECYCLE_URL: 'GraphQL endpoint of the lifecycle subgraph.',
  EXCEPTIONS_URL: 'GraphQL endpoint of the exceptions subgraph.',
  METRICS_URL: 'GraphQL endpoint of the metrics subgraph.',
  SUPERGRAPH_PATH: 'The composed supergraph SDL the gateway serves (relative paths from the working directory; the bundle ships it there).',
  ACTOR_HEADER_TTL_SECONDS: 'How long a signed caller header sent to a subgraph stays valid.',
  MAX_QUERY_DEPTH: 'Deepest selection a GraphQL operation may nest.',
  MAX_QUERY_COST: 'Highest estimated cost of one operation (items it may touch).',
  MAX_ALIASES: 'Most aliases in one operation.',
  MAX_ROOT_FIELDS: 'Most root fields in one operation.',
  MAX_BATCH_SIZE: 'Most operations in one batched request.',
  MAX_PAGE_SIZE: 'Largest page (first/last) a paged field may ask for.',
  SUBGRAPH_TIMEOUT_MS: 'Longest the gateway waits for a subgraph answer.',
  RATE_LIMIT_REDIS_URL: 'Redis that holds the rate counters shared by every gateway instance.',
  RATE_LIMIT_PER_MINUTE: 'Requests one caller may make per minute.',
  RATE_LIMIT_MUTATIONS_PER_MINUTE: 'Mutations one caller may make per minute.',
  GRAPHQL_INTROSPECTION: 'Answer introspection queries (off in production).',
  GRAPHQL_FIELD_SUGGESTIONS: 'Suggest field names in validation errors ("did you mean"); off in production, where they leak the schema.',
  CORS_ORIGINS: 'Browser origins allowed cross-origin access, comma-separated, or none.',
  EXCEPTION_MAX_DAYS: 'Overrides of the longest an exception may last, per control, as CONTROL=DAYS pairs separated by commas.',
  EXCEPTION_REMINDER_DAYS: 'Days before expiry at which a reminder goes out, comma-separated.',
  KAFKA_TOPIC_PARTITIONS: 'Partitions of each platform topic the service creates.',
  KAFKA_DLQ_PARTITIONS: 'Partitions of each dead-letter (.dlq) topic the service creates.',
  JWT_OWNER_REFS_CLAIM: 'Claim that lists the owners (teams, people) whose identities the caller may act on.',
};

/**
 * Reads `/** text *\/ NAME:` pairs from TypeScript sources: the comments the
 * schemas already carry, joined onto one line.
 */
export function documentedVariables(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of source.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*([A-Z][A-Z0-9_]*)\s*:/g)) {
    const text = (match[1] ?? '')
      .split('\n')
      .map((line) => line.replace(/^\s*\*\s?/, '').trim())
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    const name = match[2] ?? '';
    if (text && !found.has(name)) found.set(name, text);
  }
  return found;
}

function sourceFiles(entry: string): string[] {
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
    .sort()
    .map((name) => path.join(entry, name));
}

/** Descriptions from the given files and folders, earlier ones winning, then the list above. */
export function variableDescriptions(root: string, documentedIn: readonly string[]): (name: string) => string | undefined {
  const found = new Map<string, string>();
  for (const entry of documentedIn) {
    for (const file of sourceFiles(path.join(root, entry))) {
      for (const [name, text] of documentedVariables(readFileSync(file, 'utf8'))) if (!found.has(name)) found.set(name, text);
    }
  }
  return (name) => found.get(name) ?? UNDOCUMENTED_VARIABLES[name];
}
