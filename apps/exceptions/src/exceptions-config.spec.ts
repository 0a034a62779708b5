import { loadExceptionsConfig } from './exceptions-config';

describe('exceptions settings', () => {
  it('has a maximum for every control, overridable one by one', () => {
    const config = loadExceptionsConfig({ EXCEPTION_MAX_DAYS: 'ROTATION=60, NHI7=365' });
    expect(config.EXCEPTION_MAX_DAYS).toMatchObject({ ROTATION: 60, NHI7: 365, REVOCATION: 30, PRIVILEGE: 90, NHI1: 180 });
    expect(config.EXCEPTION_REMINDER_DAYS).toEqual([7, 1]);
    expect(loadExceptionsConfig({ EXCEPTION_REMINDER_DAYS: '1,14,7' }).EXCEPTION_REMINDER_DAYS).toEqual([14, 7, 1]);
  });

  it('says what is wrong with a bad value', () => {
    expect(() => loadExceptionsConfig({ EXCEPTION_MAX_DAYS: 'ROTATON=60' })).toThrow(
      /EXCEPTION_MAX_DAYS: "ROTATON=60" is not CONTROL=DAYS/,
    );
    expect(() => loadExceptionsConfig({ EXCEPTION_MAX_DAYS: 'ROTATION=0' })).toThrow(/EXCEPTION_MAX_DAYS/);
    expect(() => loadExceptionsConfig({ EXCEPTION_REMINDER_DAYS: 'weekly' })).toThrow(
      /EXCEPTION_REMINDER_DAYS: expected days before expiry/,
    );
  });
});
