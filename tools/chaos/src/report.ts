import type { CheckResult } from './checks';
import type { FaultKind, FaultRecord } from './faults';
import type { NoiseCounts } from './integrator-noise';

export interface ChaosSummary {
  command: string;
  seed: number;
  minutes: number;
  startedAt: string;
  wallSeconds: number;
  settleSeconds: number;
  faults: FaultRecord[];
  noise: NoiseCounts;
  checks: CheckResult[];
  workload: {
    identities: number;
    rotations: number;
    revocations: number;
    exceptions: number;
    mutations: { ok: number; refused: number; unknown: number };
  };
}

const FAULT_NAMES: Record<FaultKind, string> = {
  kill: 'SIGKILL of a service, mid-batch, restarted after 2-5 s',
  'broker-stop': 'Kafka broker stopped 20-30 s, then started',
  'db-connections-terminated': 'pg_terminate_backend on every connection of one service',
  'db-unreachable': 'PostgreSQL unreachable for 10 s (every connection cut at a loopback proxy)',
  'results-noise': 'integrator results twice, as new events, out of order, late, for unknown requests',
  poison: 'poison messages on the results topics (bad JSON, wrong schema, oversized)',
  replicas: 'second lifecycle, ownership and metrics in the same groups; one stopped later',
  'gateway-restart': 'gateway restarted',
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** Lost and doubled are found by the checks after the run, for the run as a whole: a loss cannot be pinned on the fault that caused it. */
export function faultTable(summary: ChaosSummary): string {
  const lost = summary.checks.reduce((sum, check) => sum + check.lost, 0);
  const doubled = summary.checks.reduce((sum, check) => sum + check.doubled, 0);
  const kinds = Object.keys(FAULT_NAMES) as FaultKind[];
  const rows = kinds.map((kind) => {
    const records = summary.faults.filter((record) => record.kind === kind);
    const worst = Math.max(0, ...records.map((record) => record.recoveryMs));
    const times =
      kind === 'poison'
        ? `${summary.noise.poison.badJson + summary.noise.poison.wrongSchema + summary.noise.poison.oversized} messages`
        : String(records.length);
    return [FAULT_NAMES[kind], times, String(lost), String(doubled), records.length && worst > 0 ? seconds(worst) : '-'];
  });
  return table(['fault', 'times injected', 'events lost (run)', 'applied twice (run)', 'time to recover (worst)'], rows);
}

export function checkTable(checks: readonly CheckResult[]): string {
  return table(
    ['check', 'result', 'lost', 'applied twice', 'evidence'],
    checks.map((check) => [
      check.name,
      check.ok ? 'pass' : '**FAIL**',
      String(check.lost),
      String(check.doubled),
      check.evidence.slice(0, 3).join('; ').replace(/\|/g, '/') || '-',
    ]),
  );
}

export function noiseLine(noise: NoiseCounts): string {
  return (
    `integrator results delivered again: ${noise.sameEventTwice} same event twice, ${noise.resentAsNewEvent} as a new event, ` +
    `${noise.outOfOrder} out of order, ${noise.late} late (after the 1-minute deadline); ${noise.unknownRequest} for unknown requests; ` +
    `poison: ${noise.poison.badJson} bad JSON, ${noise.poison.wrongSchema} wrong schema, ${noise.poison.oversized} oversized (600 kB)`
  );
}

export function markdownReport(summary: ChaosSummary): string {
  const w = summary.workload;
  return [
    '# Reliability: the chaos run',
    '',
    `Written by \`${summary.command}\` (seed ${summary.seed}) on ${summary.startedAt}: ${summary.wallSeconds} s in all, ` +
      `the platform settled ${summary.settleSeconds} s after the workload ended. Reproduce it with the same command; ` +
      'the seed fixes the workload and the fault schedule (timings still vary with the machine).',
    '',
    `Workload through the gateway: ${w.identities} identities ingested in waves with updates, ${w.rotations} rotations and ` +
      `${w.revocations} revocations answered by the reference integrator (5% refused, retried by lifecycle), ${w.exceptions} exceptions ` +
      `with expiries of 20-90 s, an attestation campaign, an ownership rule and a leaver; ${w.mutations.ok} mutations answered, ` +
      `${w.mutations.refused} refused, ${w.mutations.unknown} left without an answer by a fault.`,
    '',
    '## Faults',
    '',
    faultTable(summary),
    '',
    noiseLine(summary.noise) + '.',
    '',
    '## Checks after the platform settled',
    '',
    checkTable(summary.checks),
    '',
    '## Every fault injected',
    '',
    table(
      ['at', 'fault', 'detail', 'recovered in'],
      summary.faults
        .filter((f) => f.kind !== 'results-noise')
        .map((f) => [new Date(f.at).toISOString().slice(11, 19), f.kind, f.detail, f.recoveryMs > 0 ? seconds(f.recoveryMs) : '-']),
    ),
    '',
  ].join('\n');
}
