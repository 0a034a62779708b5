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

type Column = Uint8Array | Uint16Array | Uint32Array;

function maxCode(column: Column): number {
  return column instanceof Uint8Array ? 0xff : column instanceof Uint16Array ? 0xffff : 0xffffffff;
}

/** The column copied into the narrowest wider array that holds `code`. */
function widened(column: Column, code: number): Column {
  const wider = code <= 0xffff ? new Uint16Array(column.length) : new Uint32Array(column.length);
  wider.set(column);
  return wider;
}

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
  /**
   * The lower-cased external id and tags ("key=value"), for the text search with the name. Not one string with the
   * name: the name must stay a string of its own, since a slice of a longer one makes every page's compares slower.
   */
  private readonly texts: string[] = [];
  private readonly tagCodes: Array<readonly number[]> = [];
  private readonly tags = new Dictionary();
  /**
   * The slots holding each "key=value" tag code, so a tag filter marks its few identities instead of reading every
   * identity's tags. A key alone (any value) is rarer in a filter and would list most of the estate: it reads tagCodes.
   */
  private readonly tagSlots = new Map<number, Set<number>>();
  private readonly dictionaries = Object.fromEntries(DIMENSIONS.map((d) => [d, new Dictionary()])) as Record<Dimension, Dictionary>;
  private capacity = 0;
  private live = new Uint8Array(0);
  private expires = new Float64Array(0);
  /** Per severity rank r (0 = any), a bit per category with an open finding of rank r or above. */
  private findingMasks: Uint16Array[] = [];
  /**
   * One code per identity and dimension, in the narrowest array its dictionary fits (most dimensions have a few
   * values, so a byte each): a pass with facets reads every column, and narrower columns are less memory to stream.
   */
  private columns = {} as Record<Dimension, Column>;

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
    this.setTags(slot, tagEntries);
    this.expires[slot] = row.expiresAt ? row.expiresAt.getTime() : NaN;
    for (let rank = 0; rank <= SEVERITIES.length; rank++) {
      let mask = 0;
      CATEGORIES.forEach((category, bit) => {
        const found = row.findings[category];
        if (found !== undefined && found >= rank) mask |= 1 << bit;
      });
      this.findingMasks[rank][slot] = mask;
    }
    for (const dimension of DIMENSIONS) {
      const code = this.dictionaries[dimension].code(row[dimension]);
      if (code > maxCode(this.columns[dimension])) this.columns[dimension] = widened(this.columns[dimension], code);
      this.columns[dimension][slot] = code;
    }
  }

  private setTags(slot: number, entries: ReadonlyArray<[string, string]>): void {
    for (const code of this.tagCodes[slot] ?? NO_TAGS) this.tagSlots.get(code)?.delete(slot);
    const codes =
      entries.length === 0 ? NO_TAGS : entries.flatMap(([k, v]) => [this.tags.code(k), this.tags.code(`${k}${TAG_SEPARATOR}${v}`)]);
    this.tagCodes[slot] = codes;
    for (let i = 1; i < codes.length; i += 2) {
      let slots = this.tagSlots.get(codes[i]);
      if (!slots) this.tagSlots.set(codes[i], (slots = new Set()));
      slots.add(slot);
    }
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
    this.columns = Object.fromEntries(
      DIMENSIONS.map((d) => {
        const old = this.columns[d];
        return [d, old ? copy(old, new (old.constructor as new (size: number) => Column)(capacity)) : new Uint8Array(capacity)];
      }),
    ) as Record<Dimension, Column>;
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
    const counts = withFacets ? FACET_DIMENSIONS.map((d) => new Uint32Array(this.dictionaries[d].values.length)) : null;
    const facetColumns = FACET_DIMENSIONS.map((d) => this.columns[d]);
    const categoryCounts = new Uint32Array(CATEGORIES.length);
    const anyFinding = this.findingMasks[0];
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
        const mask = anyFinding[slot];
        for (let bit = 0; mask >> bit !== 0; bit++) if (mask & (1 << bit)) categoryCounts[bit]++;
      }
    }
    return {
      total,
      page: page.sorted().map((slot) => ({ identityId: ids[slot], key: key(slot), name: names[slot] })),
      facets: counts ? this.facets(counts, categoryCounts) : null,
    };
  }

  private facets(counts: Uint32Array[], categoryCounts: Uint32Array): Facets {
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
    const { names, texts } = this;
    const inAnyField = (word: string) => (slot: number) => names[slot].includes(word) || texts[slot].includes(word);
    // A test per word, so the common one-word search calls no callback per identity.
    tests.push(...words.map(inAnyField));
    for (const tag of filter.tags ?? []) {
      const keyOnly = tag.value === undefined || tag.value === null;
      const code = this.tags.find(keyOnly ? tag.key : `${tag.key}${TAG_SEPARATOR}${tag.value}`);
      if (code === undefined) tests.push(() => false);
      else if (keyOnly) tests.push((slot) => this.tagCodes[slot].includes(code));
      else {
        const marked = new Uint8Array(this.ids.length);
        for (const slot of this.tagSlots.get(code) ?? []) marked[slot] = 1;
        tests.push((slot) => marked[slot] === 1);
      }
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
function nonZero(values: ReadonlyArray<string | null>, counts: ArrayLike<number>): FacetCount[] {
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
