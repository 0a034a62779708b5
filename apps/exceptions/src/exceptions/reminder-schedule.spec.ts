import { firstReminderAt, reminderDue } from './reminder-schedule';

const DAY = 86_400_000;
const expiresAt = new Date('2026-06-30T12:00:00Z');
const before = (days: number) => new Date(expiresAt.getTime() - days * DAY);

describe('reminders before expiry', () => {
  it('starts at the largest reminder point', () => {
    expect(firstReminderAt(expiresAt, [7, 1])).toEqual(before(7));
    expect(firstReminderAt(expiresAt, [])).toBeNull();
  });

  it('reminds at each point in turn, then stops', () => {
    expect(reminderDue(expiresAt, [7, 1], before(7.5))).toBeNull();
    expect(reminderDue(expiresAt, [7, 1], before(7))).toEqual({ daysLeft: 7, nextReminderAt: before(1) });
    expect(reminderDue(expiresAt, [7, 1], before(1))).toEqual({ daysLeft: 1, nextReminderAt: null });
  });

  it('sends one late reminder for the smallest point passed, not one for each', () => {
    expect(reminderDue(expiresAt, [7, 3, 1], before(2))).toEqual({ daysLeft: 2, nextReminderAt: before(1) });
    expect(reminderDue(expiresAt, [7, 1], before(0.5))).toEqual({ daysLeft: 0, nextReminderAt: null });
  });

  it('never reminds of what has already expired', () => {
    expect(reminderDue(expiresAt, [7, 1], expiresAt)).toBeNull();
  });
});
