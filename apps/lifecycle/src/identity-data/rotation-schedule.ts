import type { LifecycleState } from '@nhi/graphql';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ScheduleInput {
  lastRotatedAt: Date | null;
  credentialCreatedAt: Date | null;
  /** When the platform first learnt of the identity: the age baseline when nothing better is known. */
  registeredAt: Date;
  maxAgeDays: number;
}

/** The credential is due `maxAgeDays` after its last rotation, or after its creation if never rotated. */
export function nextRotationDue(input: ScheduleInput): Date {
  const baseline = input.lastRotatedAt ?? input.credentialCreatedAt ?? input.registeredAt;
  return new Date(baseline.getTime() + input.maxAgeDays * DAY_MS);
}

export function stateForDueDate(due: Date, now: Date): LifecycleState {
  return due.getTime() <= now.getTime() ? 'ROTATION_DUE' : 'ACTIVE';
}
