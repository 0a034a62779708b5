import { type DoorContext, type SweepRole } from './support/leak-sweep/door-context';
import { freeTextFixtures, freeTextMutations } from './support/leak-sweep/free-text-doors';
import { FREE_TEXT_FIELDS } from './support/leak-sweep/free-text-fields';
import { graphqlErrors } from './support/leak-sweep/graphql-error-doors';
import { ingestNdjson, ingestWithLiterals, ingestWithVariables } from './support/leak-sweep/identity-doors';
import { ROW_FIELDS } from './support/leak-sweep/identity-rows';
import { integratorFixtures, integratorResults } from './support/leak-sweep/integrator-doors';
import { describeFindings, LeakLedger } from './support/leak-sweep/leak-ledger';
import { NeedleSearch } from './support/leak-sweep/needle-search';
import { PlatformSinks } from './support/leak-sweep/platform-sinks';
import { requestParts } from './support/leak-sweep/request-doors';
import { loadSecretCorpus } from './support/leak-sweep/secret-corpus';
import { E2ePlatform, startE2ePlatform } from './support/e2e-platform';

/**
 * The leak sweep (issue 15): every secret of the labelled corpus (libs/secrets/corpus, 352 secrets
 * in 44 formats) goes into every input the platform takes, through every door; then every response,
 * every log line, every row of every table of the five databases and every message (key, value,
 * headers) of every topic of the run, dead-letter topics included, is searched for it. None may be
 * found: not where the platform stores or publishes what it accepted, and not where it explains
 * what it rejected (rejection reasons, GraphQL errors, dead letters, audit records, logs).
 *
 * Coverage, door by door (S = 352 secrets; every secret goes into every listed place):
 * - GraphQL ingestIdentities, variables: S x 21 row fields (every text field of IdentityInput,
 *   scopes, usedScopes, tag keys and values, credentials' ids and fingerprints, permission statements'
 *   via and resources, trusted principals included) = 7,392 rows, one secret per row and the
 *   row otherwise valid; plus S x the source argument.
 * - The same as inline literals (JSON string syntax is GraphQL's, so the escaping is exact): S x 21
 *   fields as a Latin square, 352 rows each carrying 21 different secrets (one per field), which
 *   keeps the document under the gateway's token limit in 15 requests; plus S x the source.
 * - NDJSON to inventory's POST /ingest/{source}: S x (21 fields + an unknown key) = 7,744 rows.
 * - Request parts: S x ({source} path segment, query string (dryRun and an unknown parameter),
 *   x-leak-probe, x-request-id and user-agent headers, content-type, bearer token) at inventory,
 *   S x (query string, the three headers, bearer token, unknown path) at the gateway, S x metrics'
 *   report `at` parameter.
 * - GraphQL errors: S x (unknown input field, wrong-type variable, invalid enum variable, unknown
 *   filter field; wrong-type literal, string for an enum, unknown field, unknown argument; raw text).
 * - Free text: S x 74 fields of every ownership, lifecycle and exceptions mutation that takes text, in
 *   the flat and the payload forms (free-text-fields.ts), and inventory's decommission reason, each
 *   against valid targets.
 * - Integrators: S x (failed rotation error, failed revocation error, completed rotation fingerprint,
 *   a schema-breaking requestId, two non-JSON values with the secret as key and header).
 * Rows carry one secret each (not all fields at once) so that each field is checked with the rest
 * of the row valid: that is the path on which the other fields would be stored or echoed.
 *
 * Speed (it runs in npm test): the sinks are searched for all secrets in one pass (needle-search.ts),
 * polled in parallel, and each door sends its requests in parallel in large batches; a door fails if
 * the gateway refused a request for its limits, so the batch sizes never silently drop coverage. The
 * settle-and-search stays once per door (a few seconds each): the sinks cannot tell which door a
 * secret came through, and the per-door charge is what makes a failure actionable.
 *
 * Each door is swept on its own: it runs, the platform settles (outboxes drained, consumers caught
 * up, nothing growing), then the sinks are searched; a find is charged to the door after which it
 * was first seen. A failure names the door, the place (response, log file, database.schema.table,
 * topic and part) and the secret's format, corpus id and a short hash, never the value.
 */
let e2e: E2ePlatform;
let sinks: PlatformSinks;
const secrets = loadSecretCorpus();
const ledger = new LeakLedger(secrets);
const tokens: Record<SweepRole, string> = { admin: '', rita: '', integrator: '' };
const summary: string[] = [];

beforeAll(async () => {
  e2e = await startE2ePlatform(
    5300,
    // The sweep sends thousands of requests and bad tokens on purpose: the abuse limits are not under test here.
    { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000', AUTH_FAILURES_PER_MINUTE: '1000000' },
    // Debug: every log line the services can write is written, and searched.
    { logLevel: 'debug' },
  );
  tokens.admin = await e2e.token({ sub: 'leak-admin', roles: ['security-admin'] });
  tokens.rita = await e2e.token({ sub: 'leak-rita', roles: ['owner', 'security-admin'], ownerRefs: [] });
  tokens.integrator = await e2e.token({ sub: 'leak-connector', roles: ['integrator'], sources: ['leak-sweep-ndjson'] });
  sinks = await PlatformSinks.open(e2e);
}, 240_000);

afterAll(async () => {
  console.log(`leak sweep, ${secrets.length} secrets in ${new Set(secrets.map((s) => s.format)).size} formats:\n${summary.join('\n')}`);
  await sinks?.close();
  await e2e?.stop();
});

async function sweep(door: string, run: (ctx: DoorContext) => Promise<void>): Promise<void> {
  const ctx: DoorContext = { e2e, gateway: e2e.platform.gatewayUrl, tokens, secrets, ledger, door, coverage: { requests: 0, inputs: 0 } };
  const began = Date.now();
  await run(ctx);
  const settled = await sinks.settle();
  await sinks.sweep(ledger, door);
  const leaks = ledger.findings(door);
  summary.push(
    `- ${door}: ${ctx.coverage.inputs} secret placements in ${ctx.coverage.requests} requests/messages, ` +
      `${((Date.now() - began) / 1000).toFixed(1)}s (settled in ${(settled / 1000).toFixed(1)}s), ${leaks.length} leak(s)`,
  );
  if (leaks.length > 0) {
    throw new Error(`${leaks.length} leak(s) through ${door} (secret format#id and hash, never the value):\n${describeFindings(leaks)}`);
  }
}

describe('the leak sweep: no corpus secret turns up anywhere', () => {
  it('knows each secret by a token of its own, long enough not to match by chance', () => {
    expect(secrets).toHaveLength(352);
    expect(secrets.filter((s) => s.needles[0]!.length < 12).map((s) => s.label)).toEqual([]);
    expect(new Set(secrets.map((s) => s.needles[0])).size).toBe(secrets.length);
    expect(ROW_FIELDS).toHaveLength(21);
    expect(FREE_TEXT_FIELDS).toHaveLength(74);
  });

  it('searches a text in one pass and finds exactly what a search for each needle finds', () => {
    const search = new NeedleSearch(secrets);
    // Needles run together, overlapping at their ends, in upper case: each must be found all the same.
    const text = secrets
      .map((s) => s.needles.join('|').toUpperCase())
      .join('')
      .toLowerCase();
    expect(search.secretsIn(text).size).toBe(secrets.length);
    const half = secrets.filter((_, i) => i % 2 === 0);
    const some = half.map((s) => `x${s.needles.at(-1)}y`).join('\n');
    const bySearch = [...search.secretsIn(some)].map((s) => s.id).sort();
    expect(bySearch).toEqual(
      secrets
        .filter((s) => s.needles.some((n) => some.includes(n)))
        .map((s) => s.id)
        .sort(),
    );
  });

  it('finds nothing before any secret is sent (start-up)', () => sweep('start-up', async () => undefined));

  it('through ingestIdentities with variables', () => sweep('GraphQL ingest (variables)', ingestWithVariables));

  it('through ingestIdentities with inline literals', () => sweep('GraphQL ingest (inline literals)', ingestWithLiterals));

  it("through NDJSON rows to inventory's bulk endpoint", () => sweep('NDJSON bulk ingest', ingestNdjson));

  it('through the path, the query string and the headers', () => sweep('path, query string and headers', requestParts));

  it('through GraphQL validation and coercion errors', () => sweep('GraphQL errors', graphqlErrors));

  it(
    'through every free-text input of ownership, lifecycle, exceptions and inventory mutations',
    () => sweep('free-text mutations', async (ctx) => freeTextMutations(ctx, await freeTextFixtures(ctx))),
    600_000,
  );

  it(
    "through integrators' results, valid and not",
    () => sweep('integrator results', async (ctx) => integratorResults(ctx, await integratorFixtures(ctx))),
    600_000,
  );

  it('finds nothing that surfaced late, once everything settled', () => sweep('late (after every door)', async () => undefined));
});
