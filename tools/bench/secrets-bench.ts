import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectSecret } from '@nhi/secrets';
import { WORKSPACE_ROOT } from '../dev-paths';
import { percentile, runBench } from './bench-support';

/**
 * npm run bench:secrets -- [--rounds 20]
 *
 * Runs the secret detector over the labelled corpus in libs/secrets/corpus: recall on the secrets,
 * false-positive rate on the identifiers, microseconds per field (median, p99) and the time for one
 * 10 MB field. Baselines in the same run: the detector this replaced (kept here only, verbatim in
 * substance) and a plain `includes` scan for a handful of prefixes, the floor of any scan.
 */
interface Sample {
  format: string;
  value: string;
  field: string;
}
type Detector = (value: string, field: string) => string | null;

const CORPUS_DIR = path.join(WORKSPACE_ROOT, 'libs', 'secrets', 'corpus');
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 20;

function load(file: string): Sample[] {
  return readFileSync(path.join(CORPUS_DIR, file), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Sample);
}

/** The detector before issue 15: a few regexes and an entropy check that fired on its own. */
const OLD_PATTERNS: RegExp[] = [
  /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/,
  /\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/,
  /\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}\b/,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/,
  /\b(sk|rk|pk)_(live|test)_[A-Za-z0-9]{16,}\b/,
  /\bAIza[0-9A-Za-z_-]{35}\b/,
  /\bsk-(proj-)?[A-Za-z0-9_-]{20,}\b/,
  /\bnpm_[A-Za-z0-9]{36}\b/,
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/,
  /[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i,
];

function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / value.length) * Math.log2(count / value.length);
  return bits;
}

function oldDetector(value: string): string | null {
  if (OLD_PATTERNS.some((pattern) => pattern.test(value))) return 'pattern';
  for (const run of value.match(/[A-Za-z0-9+/=_-]{32,}/g) ?? []) {
    const mixed = /[a-z]/.test(run) && /[A-Z]/.test(run) && /[0-9]/.test(run);
    const longest = Math.max(...run.split(/[-_./:+=]/).map((segment) => segment.length));
    if (entropy(run) >= 4.3 && (mixed || longest >= 24)) return 'entropy';
  }
  return null;
}

const FLOOR_PREFIXES = ['ghp_', 'AKIA', 'xoxb-', 'sk_live_', 'PRIVATE KEY', 'eyJ', 'AIza', 'glpat-'];
const includesFloor: Detector = (value) => (FLOOR_PREFIXES.some((prefix) => value.includes(prefix)) ? 'prefix' : null);

interface Row {
  name: string;
  recall: number;
  falsePositives: number;
  medianUs: number;
  p99Us: number;
  tenMbMs: number;
}

/** Microseconds per field over every corpus sample, `ROUNDS` times, after one warm-up pass. */
function timePerField(detect: Detector, samples: Sample[]): number[] {
  for (const s of samples) detect(s.value, s.field);
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of samples) {
      const started = process.hrtime.bigint();
      detect(s.value, s.field);
      times.push(Number(process.hrtime.bigint() - started) / 1000);
    }
  }
  return times.sort((a, b) => a - b);
}

/** A flat 10 MB string (as JSON.parse gives) of identifier-like text with no secret in it. */
function tenMegabyteField(): string {
  const unit = 'arn:aws:iam::123456789012:role/payments-batch-processor-prod ';
  return Buffer.from(unit.repeat(Math.ceil((10 * 1024 * 1024) / unit.length))).toString('latin1');
}

function measure(name: string, detect: Detector, secrets: Sample[], identifiers: Sample[], big: string): Row {
  const found = secrets.filter((s) => detect(s.value, s.field) !== null).length;
  const wrong = identifiers.filter((s) => detect(s.value, s.field) !== null).length;
  const times = timePerField(detect, [...secrets, ...identifiers]);
  const bigTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = process.hrtime.bigint();
    detect(big, 'tags.note');
    bigTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  bigTimes.sort((a, b) => a - b);
  return {
    name,
    recall: found / secrets.length,
    falsePositives: wrong / identifiers.length,
    medianUs: percentile(times, 50),
    p99Us: percentile(times, 99),
    tenMbMs: percentile(bigTimes, 50),
  };
}

async function main(): Promise<void> {
  const secrets = load('secrets.ndjson');
  const identifiers = load('identifiers.ndjson');
  const big = tenMegabyteField();
  const rows = [
    measure('includes() floor: 8 prefixes, no rules', includesFloor, secrets, identifiers, big),
    measure('old detector (regexes + entropy alone)', (value) => oldDetector(value), secrets, identifiers, big),
    measure('detectSecret(value) (no field)', (value) => detectSecret(value), secrets, identifiers, big),
    measure('detectSecret(value, { field })', (value, field) => detectSecret(value, { field }), secrets, identifiers, big),
  ];
  const formats = new Set(secrets.map((s) => s.format)).size;
  console.log(`\nSecret detection: ${secrets.length} secrets (${formats} formats), ${identifiers.length} identifiers,`);
  console.log(`${ROUNDS} timed rounds, ${new Date().toISOString()}, ${process.version}\n`);
  console.log('| detector | recall | false positives | µs/field p50 | µs/field p99 | 10 MB field ms |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
    console.log(
      `| ${r.name} | ${pct(r.recall)} | ${pct(r.falsePositives)} | ${r.medianUs.toFixed(1)} | ${r.p99Us.toFixed(1)} | ${r.tenMbMs.toFixed(1)} |`,
    );
  }
}

runBench(main);
