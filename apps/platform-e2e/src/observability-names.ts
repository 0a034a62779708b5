import { parser } from '@prometheus-io/lezer-promql';

export type FamilyType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** One scrape as Prometheus reads it: each family's declared type, and every sample. */
export interface ParsedScrape {
  families: Map<string, FamilyType>;
  samples: Sample[];
}

/** Series Prometheus makes itself for every target: rules may use them though no service exposes them. */
const SYNTHETIC_SERIES = new Set(['up']);

/** A histogram's (or summary's) series names beyond its family name, and the family types that have them. */
const FAMILY_SUFFIXES: ReadonlyArray<[string, readonly FamilyType[]]> = [
  ['_bucket', ['histogram']],
  ['_sum', ['histogram', 'summary']],
  ['_count', ['histogram', 'summary']],
];

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const TYPE_LINE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const HELP_LINE = new RegExp(`^# HELP (${NAME}) .*$`);
const SAMPLE_LINE = new RegExp(`^(${NAME})(\\{.*\\})? (\\S+)(?: (-?\\d+))?$`);
const LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$)/y;
const NUMBER = /^(?:[+-]?(?:\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)|[+-]?Inf|NaN)$/i;

function parseLabels(text: string | undefined, line: number): Record<string, string> {
  const labels: Record<string, string> = {};
  const inner = (text ?? '{}').slice(1, -1);
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < inner.length) {
    const match = LABEL.exec(inner);
    if (!match) throw new Error(`line ${line}: malformed labels`);
    const [, name = '', value = ''] = match;
    labels[name] = value.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
  }
  return labels;
}

/** The family a sample belongs to: its own name, or a histogram's or summary's name less the suffix. */
function familyOf(name: string, families: ReadonlyMap<string, FamilyType>): string | undefined {
  if (families.has(name)) return name;
  const [suffix] =
    FAMILY_SUFFIXES.find(([s, types]) => name.endsWith(s) && types.includes(families.get(name.slice(0, -s.length)) ?? 'untyped')) ?? [];
  return suffix === undefined ? undefined : name.slice(0, -suffix.length);
}

/**
 * The Prometheus text format (0.0.4), read strictly: every line a HELP, a
 * TYPE or a sample with well-formed labels and a numeric value, each sample
 * of a declared family, no family declared twice. Throws naming the line.
 */
export function parseScrape(text: string): ParsedScrape {
  const families = new Map<string, FamilyType>();
  const samples: Sample[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw === '' || HELP_LINE.test(raw)) return;
    const type = TYPE_LINE.exec(raw);
    if (type) {
      if (families.has(type[1] as string)) throw new Error(`line ${line}: family ${type[1]} declared twice`);
      families.set(type[1] as string, type[2] as FamilyType);
      return;
    }
    const sample = SAMPLE_LINE.exec(raw);
    if (!sample) throw new Error(`line ${line}: neither a comment nor a sample`);
    const [, name = '', labels, value = ''] = sample;
    if (!NUMBER.test(value)) throw new Error(`line ${line}: ${name} has a value that is not a number`);
    if (familyOf(name, families) === undefined) throw new Error(`line ${line}: ${name} belongs to no declared family`);
    samples.push({ name, labels: parseLabels(labels, line), value: Number(value.replace(/Inf$/i, 'Infinity')) });
  });
  return { families, samples };
}

/**
 * Every metric name a PromQL expression selects. Grafana's variables are
 * replaced first ($__rate_interval by a duration, $job inside a matcher by a
 * word), so the expression must then be valid PromQL: a syntax error throws.
 */
export function metricNamesIn(expression: string): string[] {
  const text = expression.replace(/\$__\w+/g, '5m').replace(/\$\{?\w+\}?/g, 'x');
  const names: string[] = [];
  const errors: number[] = [];
  parser.parse(text).iterate({
    enter(node) {
      if (node.type.isError) errors.push(node.from);
      if (node.name !== 'VectorSelector') return;
      const identifier = node.node.getChild('Identifier');
      if (identifier) names.push(text.slice(identifier.from, identifier.to));
    },
  });
  if (errors.length > 0) throw new Error(`not valid PromQL at offset ${errors[0]}: ${expression}`);
  return names;
}

/** Whether a series name used in a query is exposed by one of the families (a histogram's _bucket by its family). */
export function isExposed(name: string, families: ReadonlyMap<string, FamilyType>): boolean {
  return SYNTHETIC_SERIES.has(name) || familyOf(name, families) !== undefined;
}
