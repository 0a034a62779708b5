const DAY_MS = 86_400_000;

/**
 * When reminders go out: at each configured number of days before expiry
 * (largest first). A reminder that is late (the exception was approved with
 * less time left, or the service was down) goes once for the smallest point
 * already passed, not once for each.
 */
export function firstReminderAt(expiresAt: Date, reminderDays: readonly number[]): Date | null {
  return reminderDays.length ? new Date(expiresAt.getTime() - reminderDays[0] * DAY_MS) : null;
}

export function reminderDue(
  expiresAt: Date,
  reminderDays: readonly number[],
  now: Date,
): { daysLeft: number; nextReminderAt: Date | null } | null {
  const passed = reminderDays.filter((days) => expiresAt.getTime() - days * DAY_MS <= now.getTime());
  if (!passed.length || expiresAt <= now) return null;
  const reached = passed[passed.length - 1];
  const next = reminderDays.find((days) => days < reached);
  return {
    daysLeft: Math.floor((expiresAt.getTime() - now.getTime()) / DAY_MS),
    nextReminderAt: next === undefined ? null : new Date(expiresAt.getTime() - next * DAY_MS),
  };
}
