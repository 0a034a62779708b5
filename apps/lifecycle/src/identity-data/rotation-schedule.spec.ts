import { nextRotationDue, stateForDueDate } from './rotation-schedule';

const registeredAt = new Date('2026-11-01T00:00:00Z');

describe('rotation schedule', () => {
  it('counts from the last rotation when there was one', () => {
    const due = nextRotationDue({
      lastRotatedAt: new Date('2026-10-01T00:00:00Z'),
      credentialCreatedAt: new Date('2025-01-01T00:00:00Z'),
      registeredAt,
      maxAgeDays: 90,
    });

    expect(due.toISOString()).toBe('2026-12-30T00:00:00.000Z');
  });

  it('counts from the credential creation when it was never rotated', () => {
    const due = nextRotationDue({
      lastRotatedAt: null,
      credentialCreatedAt: new Date('2026-01-01T00:00:00Z'),
      registeredAt,
      maxAgeDays: 30,
    });

    expect(due.toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });

  it('falls back to when the platform learnt of the identity', () => {
    expect(nextRotationDue({ lastRotatedAt: null, credentialCreatedAt: null, registeredAt, maxAgeDays: 1 }).toISOString()).toBe(
      '2026-11-02T00:00:00.000Z',
    );
  });

  it('is due once the due date has passed, and not before', () => {
    const due = new Date('2026-11-10T00:00:00Z');

    expect(stateForDueDate(due, new Date('2026-11-09T23:59:59Z'))).toBe('ACTIVE');
    expect(stateForDueDate(due, new Date('2026-11-10T00:00:00Z'))).toBe('ROTATION_DUE');
  });
});
