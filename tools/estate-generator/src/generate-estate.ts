import { SeededRandom } from './random';
import { BUSINESS_UNITS, ENVIRONMENTS, LEAK_SCANNER, PROVIDERS, ProviderProfile, ROLES, SYSTEMS } from './vocabulary';

/** One row as a connector would send it: its own spellings, sometimes broken or odd. */
export interface EstateRow {
  source: string;
  row: Record<string, unknown>;
  /** Why the generator broke this row on purpose (inventory rejects it); absent for a good row. */
  broken?: string;
  /** Why inventory takes this row with a warning (a kind word it does not know becomes OTHER); absent otherwise. */
  warned?: string;
}

export interface EstateOptions {
  /** Distinct identities (rows are more: overlaps between sources, leak reports, bad rows). */
  size: number;
  seed: number;
  /** Share of extra rows that are bad on purpose: broken (secrets, bad dates) or odd (unknown kinds, taken as OTHER). */
  badRowShare?: number;
  /** Share of identities a second source also reports, under another spelling. */
  overlapShare?: number;
  /** Share of identities that share a credential fingerprint with another one. */
  sharedFingerprintShare?: number;
  /** Share of fingerprints a leak scanner reports. */
  leakShare?: number;
  /** Reference time for created/used/expiry dates. */
  now?: Date;
}

const DAY_MS = 86_400_000;

function messy(random: SeededRandom, name: string): string {
  switch (random.int(4)) {
    case 0:
      return `  ${name}  `;
    case 1:
      return name.toUpperCase();
    case 2:
      return name.replace(/-/g, '_');
    default:
      return name;
  }
}

function fingerprint(random: SeededRandom): string {
  return `sha256:${Buffer.from(random.hex(64), 'hex').toString('base64url')}`;
}

/** A bad row: broken, so inventory rejects it, or odd (a kind word nobody knows), so it is taken as OTHER with a warning. */
function badRowOf(random: SeededRandom, good: Record<string, unknown>, provider: ProviderProfile): Omit<EstateRow, 'source'> {
  switch (random.int(4)) {
    case 0:
      return { row: { ...good, name: `token ghp_${random.alphanumeric(36)}` }, broken: 'secret in name' };
    case 1:
      return { row: { ...good, kind: provider.unknownKind }, warned: 'unknown kind' };
    case 2:
      return { row: { ...good, createdAt: 'last tuesday' }, broken: 'bad date' };
    default:
      // A key id with its secret key: the pair is a credential, the id alone only names one.
      return {
        row: { ...good, tags: [{ key: 'note', value: `AKIA${random.alphanumeric(16).toUpperCase()} ${random.alphanumeric(40)}` }] },
        broken: 'secret in tags',
      };
  }
}

/** Fingerprints where a share repeat the one before: one credential used by two identities. */
function fingerprints(random: SeededRandom, sharedShare: number): () => string {
  let previous = fingerprint(random);
  return () => {
    previous = random.chance(sharedShare) ? previous : fingerprint(random);
    return previous;
  };
}

/** One identity as its first source reports it, with what the further rows about it are made from. */
interface Identity {
  index: number;
  provider: ProviderProfile;
  kindWords: readonly string[];
  baseName: string;
  source: string;
  row: Record<string, unknown>;
}

// The draws stay in this order: a seed gives the same estate only while they do.
function identity(random: SeededRandom, index: number, now: number, nextFingerprint: () => string): Identity {
  const provider: ProviderProfile = random.pick(PROVIDERS);
  const [, kindWords] = random.pick(provider.kinds);
  const environment = random.pick(ENVIRONMENTS);
  const system = random.pick(SYSTEMS);
  const account = `acct-${random.int(50).toString().padStart(3, '0')}`;
  const baseName = `${system}-${random.pick(ROLES)}-${environment.hint}-${index.toString(36)}`;
  const scopeCount = provider.scopes.length ? 1 + random.int(3) : 0;
  const scopes = Array.from({ length: scopeCount }, () => random.pick(provider.scopes));
  const fp = nextFingerprint();
  const createdAt = new Date(now - (1 + random.int(900)) * DAY_MS).toISOString();
  const row: Record<string, unknown> = {
    provider: random.pick(provider.aliases),
    externalId: provider.externalId(baseName, account),
    kind: random.pick(kindWords),
    name: messy(random, baseName),
    // A third of sources leave the environment out; inventory infers it from the name.
    ...(random.chance(0.66) ? { environment: random.pick(environment.words) } : {}),
    system,
    businessUnit: random.pick(BUSINESS_UNITS),
    scopes,
    createdAt,
    ...(random.chance(0.4) ? { expiresAt: new Date(now + (30 + random.int(400)) * DAY_MS).toISOString() } : {}),
    ...(random.chance(0.5) ? { lastUsedAt: new Date(now - random.int(60) * DAY_MS).toISOString() } : {}),
    credentialFingerprint: fp,
    tags: [{ key: 'account', value: account }],
  };
  return { index, provider, kindWords, baseName, source: random.pick(provider.sources), row };
}

/** The same identity from another source: other spelling of provider and kind, different casing and spacing. */
function overlapRow(random: SeededRandom, { provider, kindWords, baseName, source, row }: Identity): EstateRow {
  const otherSource = provider.sources.length > 1 ? (provider.sources.find((s) => s !== source) ?? 'cmdb') : 'cmdb';
  return {
    source: otherSource,
    row: {
      ...row,
      provider: random.pick(provider.aliases),
      kind: random.pick(kindWords),
      name: messy(random, baseName),
      environment: undefined,
    },
  };
}

function leakRow({ index, provider, row }: Identity): EstateRow {
  return {
    source: LEAK_SCANNER,
    row: {
      provider: provider.canonical,
      externalId: `leak-${index}`,
      kind: 'secret',
      name: `found in a public repo ${index}`,
      credentialFingerprint: row['credentialFingerprint'],
    },
  };
}

function badRow(random: SeededRandom, { source, row, provider }: Identity): EstateRow {
  return { source, ...badRowOf(random, { ...row, externalId: `${String(row['externalId'])}-bad` }, provider) };
}

/**
 * A realistic estate for demos, tests and benchmarks: identities across
 * providers and sources, with messy names and aliases, overlaps between
 * sources, shared and leaked fingerprints, and a share of bad rows (broken or odd). The same
 * options always give the same rows, in the same order, streamed one by one.
 */
export function* generateEstate(options: EstateOptions): Generator<EstateRow> {
  const random = new SeededRandom(options.seed);
  const now = (options.now ?? new Date('2026-11-27T00:00:00Z')).getTime();
  const overlapShare = options.overlapShare ?? 0.15;
  const badRowShare = options.badRowShare ?? 0.02;
  const leakShare = options.leakShare ?? 0.002;
  const nextFingerprint = fingerprints(random, options.sharedFingerprintShare ?? 0.03);

  for (let i = 0; i < options.size; i += 1) {
    const found = identity(random, i, now, nextFingerprint);
    yield { source: found.source, row: found.row };
    if (random.chance(overlapShare)) yield overlapRow(random, found);
    if (random.chance(leakShare)) yield leakRow(found);
    if (random.chance(badRowShare)) yield badRow(random, found);
  }
}
