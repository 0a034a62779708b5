/** The label value every value past the bound, or not of the expected form, is counted under. */
export const OTHER = 'other';

/**
 * Label values chosen by clients (operation names, error codes) kept to a
 * bounded set, so a client cannot grow Prometheus's series without limit: the
 * first `max` distinct well-formed values keep their own label for the life of
 * the process (the portal's operations arrive early and stay); anything
 * malformed, too long or past the bound is `other`.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly max: number,
    private readonly form: RegExp,
    private readonly maxLength = 64,
  ) {}

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (value.length > this.maxLength || !this.form.test(value) || this.seen.size >= this.max) return OTHER;
    this.seen.add(value);
    return value;
  }
}

/** A GraphQL name, as the spec defines one. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** The gateway names each subgraph fetch `<operation>__<subgraph>__<n>`: counted under the operation the client sent. */
const SUBGRAPH_FETCH = /^(.+)__[_0-9A-Za-z]+__\d+$/;

/** Operation names as labels: anonymous ones apart, a subgraph fetch under its client operation, at most `max` names. */
export class OperationNames {
  private readonly names: BoundedLabel;

  constructor(max = 200) {
    this.names = new BoundedLabel(max, GRAPHQL_NAME);
  }

  of(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    return this.names.of(SUBGRAPH_FETCH.exec(name)?.[1] ?? name);
  }
}

/** Error codes as labels (BAD_USER_INPUT, FORBIDDEN ...): servers choose them, but a subgraph's could be anything. */
export function errorCodes(max = 50): BoundedLabel {
  return new BoundedLabel(max, /^[A-Z][A-Z0-9_]*$/);
}
