import { searchWords } from '@nhi/graphql';
import { DEFAULT_SEARCH_ORDER, type SearchCursor, type SearchOrder, type SearchOrderField, tupleCompare } from './search-order';

/** One identity as identity_search holds it: what a filter or a facet reads. */
export interface SearchRow {
  identityId: string;
  live: boolean;
  name: string | null;
  externalId: string | null;
  tags: Record<string, string>;
  kind: string | null;
  provider: string | null;
  environment: string | null;
  businessUnit: string | null;
  privilegeLevel: string | null;
  ownershipStatus: string | null;
  ownerId: string | null;
  lifecycleState: string;
  expiresAt: Date | null;
  /** Open findings: category -> the highest severity's rank (SEVERITIES, from 1). */
  findings: Record<string, number>;
}

/** Finding severities, lowest first; a rank is the position plus one. */
export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
const CATEGORIES = Array.from({ length: 10 }, (_, i) => `NHI${i + 1}`);

/** The single-valued attributes a filter narrows by and a facet counts. */
export const DIMENSIONS = [
  'kind',
  'provider',
  'environment',
  'businessUnit',
  'privilegeLevel',
  'ownershipStatus',
  'ownerId',
  'lifecycleState',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** The dimensions a facet counts: an owner facet would list every owner, so the owner picker is a search instead (owners). */
export const FACET_DIMENSIONS = DIMENSIONS.filter((d): d is Exclude<Dimension, 'ownerId'> => d !== 'ownerId');
type FacetDimension = (typeof FACET_DIMENSIONS)[number];

export interface SearchFilter extends Partial<Record<Dimension, readonly string[] | null>> {
  /** Words that must each occur, case-insensitively, in the name, the external id, or a tag's key or value. */
  search?: string | null;
  /** Every one of these tags (a key alone: any value). */
  tags?: ReadonlyArray<{ key: string; value?: string | null }> | null;
  expiresAfter?: Date | null;
  expiresBefore?: Date | null;
  /** An open finding in any of these categories (any category when empty) ... */
  findingCategory?: readonly string[] | null;
  /** ... of at least this severity. */
  minFindingSeverity?: string | null;
}

export interface FacetCount {
  value: string | null;
  count: number;
}
export type Facets = Record<FacetDimension | 'findingCategory', FacetCount[]>;

export interface SearchResult {
  total: number;
  /** The page and one more when more follow (as pageOf takes it), in order: each identity's id and its sort key and name (for the cursor). */
  page: Array<{ identityId: string; key: number; name: string }>;
  facets: Facets | null;
}

/** Strings as small integers, so that a filter tests a row with an array lookup. Code 0 is "none". */
class Dictionary {
  private readonly codes = new Map<string, number>();
  readonly values: Array<string | null> = [null];

  code(value: string | null): number {
    if (value === null) return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.codes.set(value, code);
      this.values.push(value);
    }
    return code;
  }

  /** The value's code, without adding it. */
  find(value: string): number | undefined {
    return this.codes.get(value);
  }

  /** Which codes the given values have (unknown values match nothing). */
  allowed(values: readonly string[]): Uint8Array {
    const allowed = new Uint8Array(this.values.length);
    for (const value of values) {
      const code = this.codes.get(value);
      if (code !== undefined) allowed[code] = 1;
    }
    return allowed;
  }
}

const TAG_SEPARATOR = '\u0000';
const PRIVILEGE_RANKS: Record<string, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, ADMIN: 4 };

const NO_TAGS: readonly number[] = Object.freeze([]);

/**
 * The identities of the estate in memory, one column per attribute, for the
 * portal's cross-domain search: every filter and every facet is a pass over
 * typed arrays, which at a million identities takes tens of milliseconds
 * where the same GROUP BYs in PostgreSQL take seconds (ADR 0038). About 350
 * bytes of heap per identity, most of it the id, name and searchable text.
 * Rows are replaced whole (upsert), as identity_search gives them.
 */
export class SearchIndex {
  private readonly slots = new Map<string, number>();
  private readonly ids: string[] = [];
  /** The lower-cased name: the page order (then the id). */
  private readonly names: string[] = [];
  /** The lower-cased external id and tags ("key=value"), for the text search with the name. */
  private readonly texts: string[] = [];
  private readonly tagCodes: Array<readonly number[]> = [];
  private readonly tags = new Dictionary();
  private readonly dictionaries = Object.fromEntries(DIMENSIONS.map((d) => [d, new Dictionary()])) as Record<Dimension, Dictionary>;
  private capacity = 0;
  private live = new Uint8Array(0);
  private expires = new Float64Array(0);
  /** Per severity rank r (0 = any), a bit per category with an open finding of rank r or above. */
  private findingMasks: Uint16Array[] = [];
  private columns = {} as Record<Dimension, Uint32Array>;

  constructor() {
    this.grow(1024);
  }

  get size(): number {
    return this.ids.length;
  }

  upsert(row: SearchRow): void {
    let slot = this.slots.get(row.identityId);
    if (slot === undefined) {
      slot = this.ids.length;
      if (slot === this.capacity) this.grow(this.capacity * 2);
      this.slots.set(row.identityId, slot);
      this.ids.push(row.identityId);
    }
    const tagEntries = Object.entries(row.tags ?? {});
    this.live[slot] = row.live ? 1 : 0;
    this.names[slot] = (row.name ?? '').toLowerCase();
    this.texts[slot] = [row.externalId ?? '', ...tagEntries.map(([k, v]) => `${k}=${v}`)].join('\n').toLowerCase();
    this.tagCodes[slot] =
      tagEntries.length === 0 ? NO_TAGS : tagEntries.flatMap(([k, v]) => [this.tags.code(k), this.tags.code(`${k}${TAG_SEPARATOR}${v}`)]);
    this.expires[slot] = row.expiresAt ? row.expiresAt.getTime() : NaN;
    for (let rank = 0; rank <= SEVERITIES.length; rank++) {
      let mask = 0;
      CATEGORIES.forEach((category, bit) => {
        const found = row.findings[category];
        if (found !== undefined && found >= rank) mask |= 1 << bit;
      });
      this.findingMasks[rank][slot] = mask;
    }
    for (const dimension of DIMENSIONS) this.columns[dimension][slot] = this.dictionaries[dimension].code(row[dimension]);
  }

  /** Room for `capacity` identities: the typed columns are copied into larger ones. */
  private grow(capacity: number): void {
    const copy = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(old: T | undefined, fresh: T): T => {
      if (old) fresh.set(old);
      return fresh;
    };
    this.live = copy(this.live, new Uint8Array(capacity));
    this.expires = copy(this.expires, new Float64Array(capacity));
    this.findingMasks = Array.from({ length: SEVERITIES.length + 1 }, (_, rank) =>
      copy(this.findingMasks[rank], new Uint16Array(capacity)),
    );
    this.columns = Object.fromEntries(DIMENSIONS.map((d) => [d, copy(this.columns[d], new Uint32Array(capacity))])) as Record<
      Dimension,
      Uint32Array
    >;
    this.capacity = capacity;
  }

  /**
   * A slot's sort key under the order: a number, so every order compares as
   * cheaply as the name. No expiry sorts as the latest; an unknown privilege
   * and no open finding as the lowest.
   */
  private sortKey(field: SearchOrderField): (slot: number) => number {
    switch (field) {
      case 'NAME':
        return () => 0;
      case 'EXPIRES_AT':
        return (slot) => (Number.isNaN(this.expires[slot]) ? Infinity : this.expires[slot]);
      case 'PRIVILEGE_LEVEL': {
        const dictionary = this.dictionaries.privilegeLevel;
        const ranks = dictionary.values.map((value) => (value === null ? 0 : (PRIVILEGE_RANKS[value] ?? 0)));
        const column = this.columns.privilegeLevel;
        return (slot) => ranks[column[slot]];
      }
      case 'FINDING_SEVERITY':
        return (slot) => {
          for (let rank = SEVERITIES.length; rank > 0; rank--) if (this.findingMasks[rank][slot] !== 0) return rank;
          return 0;
        };
    }
  }

  /**
   * The live identities the filter matches: how many, the page of `first`
   * (and one more) after the cursor `after` in the given order, and when asked the facets:
   * per dimension and finding category, how many of them have each value.
   */
  search(
    filter: SearchFilter,
    first: number,
    after: SearchCursor | null,
    withFacets: boolean,
    order: SearchOrder = DEFAULT_SEARCH_ORDER,
  ): SearchResult {
    const matches = this.matcher(filter);
    const counts = withFacets ? FACET_DIMENSIONS.map((d) => new Array<number>(this.dictionaries[d].values.length).fill(0)) : null;
    const facetColumns = FACET_DIMENSIONS.map((d) => this.columns[d]);
    const categoryCounts = new Array<number>(CATEGORIES.length).fill(0);
    const key = this.sortKey(order.field);
    const compare = tupleCompare(order);
    const { ids, names } = this;
    const page = new TopK(first + 1, (a, b) => compare(key(a), names[a], ids[a], key(b), names[b], ids[b]) < 0);
    const afterKey = after?.key ?? 0;
    let total = 0;
    for (let slot = 0; slot < ids.length; slot++) {
      if (!this.live[slot] || !matches(slot)) continue;
      total++;
      if (after === null || compare(key(slot), names[slot], ids[slot], afterKey, after.name, after.id) > 0) page.offer(slot);
      if (counts) {
        for (let d = 0; d < facetColumns.length; d++) counts[d][facetColumns[d][slot]]++;
        const mask = this.findingMasks[0][slot];
        for (let bit = 0; mask >> bit !== 0; bit++) if (mask & (1 << bit)) categoryCounts[bit]++;
      }
    }
    return {
      total,
      page: page.sorted().map((slot) => ({ identityId: ids[slot], key: key(slot), name: names[slot] })),
      facets: counts ? this.facets(counts, categoryCounts) : null,
    };
  }

  private facets(counts: number[][], categoryCounts: number[]): Facets {
    const facets = Object.fromEntries(
      FACET_DIMENSIONS.map((dimension, d) => [dimension, nonZero(this.dictionaries[dimension].values, counts[d])]),
    ) as Facets;
    facets.findingCategory = nonZero(CATEGORIES, categoryCounts);
    return facets;
  }

  /** The filter as one test of a slot; each part is built once, so the test is array lookups and compares. */
  private matcher(filter: SearchFilter): (slot: number) => boolean {
    const tests: Array<(slot: number) => boolean> = [];
    for (const dimension of DIMENSIONS) {
      const values = filter[dimension];
      if (!values || values.length === 0) continue;
      const allowed = this.dictionaries[dimension].allowed(values);
      const column = this.columns[dimension];
      tests.push((slot) => allowed[column[slot]] === 1);
    }
    const words = searchWords(filter.search);
    if (words.length > 0) tests.push((slot) => words.every((word) => this.names[slot].includes(word) || this.texts[slot].includes(word)));
    for (const tag of filter.tags ?? []) {
      const code = this.tags.find(tag.value === undefined || tag.value === null ? tag.key : `${tag.key}${TAG_SEPARATOR}${tag.value}`);
      tests.push(code === undefined ? () => false : (slot) => this.tagCodes[slot].includes(code));
    }
    const after = filter.expiresAfter?.getTime();
    const before = filter.expiresBefore?.getTime();
    // NaN (no expiry) fails both compares: an identity that never expires is in no expiry window.
    if (after !== undefined) tests.push((slot) => this.expires[slot] >= after);
    if (before !== undefined) tests.push((slot) => this.expires[slot] < before);
    const categories = filter.findingCategory ?? [];
    if (categories.length > 0 || filter.minFindingSeverity) {
      const rank = filter.minFindingSeverity ? SEVERITIES.indexOf(filter.minFindingSeverity as (typeof SEVERITIES)[number]) + 1 : 0;
      const wanted = categories.length === 0 ? (1 << CATEGORIES.length) - 1 : categories.reduce((m, c) => m | categoryBit(c), 0);
      const masks = this.findingMasks[Math.max(rank, 0)];
      tests.push((slot) => (masks[slot] & wanted) !== 0);
    }
    return (slot) => {
      for (const test of tests) if (!test(slot)) return false;
      return true;
    };
  }
}

function categoryBit(category: string): number {
  const index = CATEGORIES.indexOf(category);
  return index < 0 ? 0 : 1 << index;
}

/** The values with a count, most first (ties by value). */
function nonZero(values: ReadonlyArray<string | null>, counts: number[]): FacetCount[] {
  return values
    .map((value, i) => ({ value, count: counts[i] }))
    .filter((facet) => facet.count > 0)
    .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
}

/** The k first slots in page order, kept sorted while the scan offers them: one compare for most slots. */
class TopK {
  private readonly slots: number[] = [];

  constructor(
    private readonly k: number,
    private readonly before: (a: number, b: number) => boolean,
  ) {}

  offer(slot: number): void {
    if (this.slots.length === this.k && !this.before(slot, this.slots[this.k - 1])) return;
    let low = 0;
    let high = this.slots.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.before(this.slots[middle], slot)) low = middle + 1;
      else high = middle;
    }
    this.slots.splice(low, 0, slot);
    if (this.slots.length > this.k) this.slots.pop();
  }

  sorted(): number[] {
    return this.slots;
  }
}
