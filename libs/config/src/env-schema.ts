import { z } from 'zod';

/**
 * Building blocks for environment schemas. Every value arrives as a string;
 * each helper parses it and says in plain words what it expected.
 */
export const env = {
  string: (fallback?: string) => (fallback === undefined ? z.string().min(1) : z.string().min(1).default(fallback)),

  optionalString: () => z.string().optional(),

  port: (fallback: number) =>
    z.coerce
      .number({ message: 'expected a port number' })
      .int('expected a whole port number')
      // 0 asks the operating system for a free port (tests run several services in one process).
      .min(0, 'expected a port number between 0 and 65535')
      .max(65535, 'expected a port number between 0 and 65535')
      .default(fallback),

  positiveInt: (fallback: number) =>
    z.coerce
      .number({ message: 'expected a number' })
      .int('expected a whole number')
      .positive('expected a number above 0')
      .default(fallback),

  boolean: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((value) => ['true', '1', 'yes'].includes(value)),

  url: (protocols: readonly string[], fallback?: string) => {
    const base = z.string().refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
        } catch {
          return false;
        }
      },
      { message: `expected a ${protocols.join(' or ')} URL` },
    );
    return fallback === undefined ? base : base.default(fallback);
  },

  /** Comma-separated host:port list, e.g. "127.0.0.1:9092,127.0.0.1:9094". */
  hostPorts: (fallback: string) =>
    z
      .string()
      .default(fallback)
      .transform((value) =>
        value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .refine((list) => list.length > 0 && list.every((item) => /^[^\s:]+:\d{1,5}$/.test(item)), {
        message: 'expected a comma-separated list of host:port',
      }),

  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  /** A size such as 512kb or 16mb, as body parsers take it. */
  byteSize: (fallback: string) =>
    z
      .string()
      .regex(/^\d+(kb|mb)$/i, 'expected a size such as 512kb or 16mb')
      .default(fallback),

  nodeEnv: () => z.enum(['development', 'production', 'test']).default('development'),

  /** A shared secret: long enough that it cannot be guessed. */
  secret: (minLength = 32) => z.string({ message: 'is required' }).min(minLength, `must be at least ${minLength} characters`),
};

export { z };
