import { timeOrderedUuid } from './time-ordered-uuid';

describe('timeOrderedUuid', () => {
  it('is a version 7, RFC 9562 variant UUID', () => {
    expect(timeOrderedUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('starts with the time in milliseconds, so ids sort by creation time', () => {
    const at = Date.UTC(2026, 10, 27, 8, 0, 0, 123);
    const id = timeOrderedUuid(at);

    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
    expect(timeOrderedUuid(at) < timeOrderedUuid(at + 1)).toBe(true);
  });

  it('differs every time within the same millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => timeOrderedUuid(1_800_000_000_000));
    expect(new Set(ids).size).toBe(1000);
  });
});
