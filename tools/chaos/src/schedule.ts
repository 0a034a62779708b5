import { KILLABLE, type FaultKind } from './faults';
import type { Random } from './random';

export interface PlannedFault {
  /** Share of the workload's duration at which it starts (faults run one after another). */
  at: number;
  kind: FaultKind | 'stop-replica';
  target?: string;
}

/**
 * The seeded fault schedule. The short form injects one fault of each kind;
 * the long form kills every service at least once and repeats the others.
 */
export function planFaults(random: Random, short: boolean): PlannedFault[] {
  const once: PlannedFault[] = [
    { at: 0, kind: 'replicas' },
    { at: 0, kind: 'broker-stop' },
    { at: 0, kind: 'db-connections-terminated' },
    { at: 0, kind: 'db-unreachable' },
    { at: 0, kind: 'poison' },
    { at: 0, kind: 'gateway-restart' },
    { at: 0, kind: 'stop-replica' },
  ];
  const kills: PlannedFault[] = short
    ? [{ at: 0, kind: 'kill', target: random.pick(KILLABLE) }]
    : [...KILLABLE, random.pick(KILLABLE), random.pick(KILLABLE)].map((target) => ({ at: 0, kind: 'kill' as const, target }));
  const repeats: PlannedFault[] = short
    ? []
    : [
        { at: 0, kind: 'broker-stop' },
        { at: 0, kind: 'db-connections-terminated' },
        { at: 0, kind: 'db-connections-terminated' },
        { at: 0, kind: 'db-unreachable' },
        { at: 0, kind: 'gateway-restart' },
      ];
  // Replicas join early and one leaves late; the rest in a seeded order between them.
  const middle = random.shuffle([...kills, ...repeats, ...once.filter((f) => f.kind !== 'replicas' && f.kind !== 'stop-replica')]);
  const plan = [once[0]!, ...middle, once[once.length - 1]!];
  // The short form's faults take longer than its workload: they follow one another as soon as each recovered.
  const spread = short ? 0.3 : 0.85;
  return plan.map((fault, i) => ({ ...fault, at: 0.05 + (spread * i) / plan.length }));
}
