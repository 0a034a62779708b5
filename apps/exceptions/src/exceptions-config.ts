import { loadConfig, z } from '@nhi/config';
import { EXCEPTION_CONTROLS, ExceptionControl } from './exceptions/exception-enums';

/** The longest an exception may last, per control, unless EXCEPTION_MAX_DAYS says otherwise. */
export const DEFAULT_MAX_DAYS = Object.fromEntries(
  EXCEPTION_CONTROLS.map((control) => [
    control,
    ({ ROTATION: 90, REVOCATION: 30, OWNERSHIP: 30, PRIVILEGE: 90 } as Record<string, number>)[control] ?? 180,
  ]),
) as Readonly<Record<ExceptionControl, number>>;

/** "ROTATION=60,NHI7=365": overrides of the default maximum days, per control. */
const maxDays = z
  .string()
  .default('')
  .transform((text, context) => {
    const limits: Record<string, number> = { ...DEFAULT_MAX_DAYS };
    for (const entry of text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const [control, days] = entry.split('=').map((part) => part.trim());
      if (!(EXCEPTION_CONTROLS as readonly string[]).includes(control) || !/^\d+$/.test(days ?? '') || Number(days) < 1) {
        context.addIssue({
          code: 'custom',
          message: `"${entry}" is not CONTROL=DAYS with a control among ${EXCEPTION_CONTROLS.join(', ')} and whole days above 0`,
        });
        return z.NEVER;
      }
      limits[control] = Number(days);
    }
    return limits as Record<ExceptionControl, number>;
  });

/** "7,1": days before expiry at which a reminder goes out, largest first. */
const reminderDays = z
  .string()
  .default('7,1')
  .transform((text, context) => {
    const days = text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    if (days.some((day) => !/^\d+(\.\d+)?$/.test(day))) {
      context.addIssue({ code: 'custom', message: `expected days before expiry separated by commas, such as "7,1"; got "${text}"` });
      return z.NEVER;
    }
    return [...new Set(days.map(Number))].sort((a, b) => b - a);
  });

/** Variables only exceptions reads, on top of every subgraph's. */
export const exceptionsEnvShape = {
  EXCEPTION_MAX_DAYS: maxDays,
  EXCEPTION_REMINDER_DAYS: reminderDays,
  /** How often expiries and reminders are checked; expiry is late by at most this much. 0 turns it off. */
  EXCEPTIONS_TICK_MS: z.coerce.number().int().min(0).default(1_000),
};

export type ExceptionsConfig = z.output<z.ZodObject<typeof exceptionsEnvShape>>;

export const EXCEPTIONS_CONFIG = Symbol('EXCEPTIONS_CONFIG');

export function loadExceptionsConfig(environment: NodeJS.ProcessEnv): ExceptionsConfig {
  return loadConfig('exceptions', exceptionsEnvShape, environment) as ExceptionsConfig;
}
