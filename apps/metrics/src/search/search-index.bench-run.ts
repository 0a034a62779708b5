/**
 * The search stage of `npm run bench:portal` on its own: SearchIndex.search with facets over a synthetic estate, for
 * each filter that bench rotates through, in one process with no gateway, GraphQL or other service beside it. It
 * shows which filters hold metrics' CPU per page. Run with `npm run bench:search-index -- [size]` (a million unless given).
 */
import { SearchIndex, type SearchFilter } from './search-index';

const print = (line: string) => process.stdout.write(`${line}\n`);

const size = Number(process.argv[2] ?? 1_000_000);
const pick = <T>(values: readonly T[], i: number): T => values[i % values.length];
const index = new SearchIndex();
const started = performance.now();
for (let i = 0; i < size; i++) {
  const findings: Record<string, number> = {};
  if (i % 7 === 0) findings[`NHI${(i % 10) + 1}`] = (i % 4) + 1;
  index.upsert({
    identityId: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    live: i % 50 !== 0,
    name: `bench-${pick(['svc', 'api', 'deploy', 'ci'], i)}-${i}`,
    externalId: `arn:aws:iam::123456789012:user/bench-${i}`,
    tags: { team: `team-${i % 100}`, ...(i % 3 === 0 ? { env: 'prod' } : {}) },
    kind: pick(['SERVICE_ACCOUNT', 'API_KEY', 'ACCESS_TOKEN', 'SECRET', 'CERTIFICATE'], i),
    provider: pick(['aws', 'gcp', 'azure', 'github', 'vault'], i >> 1),
    environment: pick(['PRODUCTION', 'STAGING', 'DEVELOPMENT', 'TEST'], i >> 2),
    businessUnit: `bu-${i % 20}`,
    privilegeLevel: pick(['LOW', 'MEDIUM', 'HIGH', 'ADMIN', null], i >> 3),
    ownershipStatus: pick(['OWNED', 'OWNED', 'OWNED', 'OWNED', 'ORPHANED', 'UNASSIGNED'], i >> 4),
    ownerId: `team-${i % 2000}`,
    lifecycleState: pick(['ACTIVE', 'ACTIVE', 'ROTATION_DUE', 'ROTATING', 'EXPIRED'], i >> 5),
    expiresAt: i % 4 === 0 ? null : new Date(Date.now() + (i % 365) * 86_400_000),
    findings,
  });
}
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heap = gc ? `, heap ${Math.round(process.memoryUsage().heapUsed / 1_048_576)} MB in all` : '';
print(`${size} identities indexed in ${Math.round(performance.now() - started)} ms${heap}`);

const FILTERS: ReadonlyArray<[string, SearchFilter]> = [
  ['none', {}],
  ['production', { environment: ['PRODUCTION'] }],
  ['orphaned or unassigned, high or admin', { ownershipStatus: ['ORPHANED', 'UNASSIGNED'], privilegeLevel: ['HIGH', 'ADMIN'] }],
  ['one business unit, rotation due', { businessUnit: ['bu-7'], lifecycleState: ['ROTATION_DUE'] }],
  ['NHI7 high, production or staging', { findingCategory: ['NHI7'], minFindingSeverity: 'HIGH', environment: ['PRODUCTION', 'STAGING'] }],
  ['one team tag', { tags: [{ key: 'team', value: 'team-42' }] }],
  ['text search', { search: 'bench-1234' }],
  ['expiring API keys and tokens', { expiresBefore: new Date(Date.now() + 30 * 86_400_000), kind: ['API_KEY', 'ACCESS_TOKEN'] }],
];

const rounds = 20;
let all = 0;
for (const [label, filter] of FILTERS) {
  for (let i = 0; i < 3; i++) index.search(filter, 100, null, true);
  const t = performance.now();
  let total = 0;
  for (let i = 0; i < rounds; i++) total = index.search(filter, 100, null, true).total;
  const ms = (performance.now() - t) / rounds;
  all += ms;
  print(`${label.padEnd(40)} ${ms.toFixed(1).padStart(6)} ms  (${total} match)`);
}
print(`${'mean over the filters'.padEnd(40)} ${(all / FILTERS.length).toFixed(1).padStart(6)} ms`);
