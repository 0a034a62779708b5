import path from 'node:path';
import { env, z } from './env-schema';

/**
 * How bearer tokens are verified, wherever they are accepted (the gateway, and
 * services' own bulk endpoints). Production requires an https JWKS URL: dev keys
 * never verify production tokens.
 */
export function jwtEnvShape(environment: NodeJS.ProcessEnv) {
  return {
    JWT_JWKS_URL: environment['NODE_ENV'] === 'production' ? env.url(['https']) : env.url(['https', 'http']).optional(),
    DEV_KEYS_DIR: env.string(path.join(process.cwd(), '.data/dev-keys')),
    JWT_ISSUER: env.string('nhi-dev'),
    JWT_AUDIENCE: env.string('nhi-platform'),
    JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
    JWT_ALGORITHMS: z
      .string()
      .default('RS256,ES256')
      .transform((value) => value.split(',').map((a) => a.trim()))
      .refine((algs) => algs.length > 0 && algs.every((a) => /^(RS|ES|PS)(256|384|512)$/.test(a)), {
        message: 'expected asymmetric JWS algorithms such as RS256,ES256',
      }),
    JWT_ROLES_CLAIM: env.string('roles'),
    /** Identity-provider group names to platform roles, "nhi-admins:security-admin,sec-readers:viewer"; role names also count as themselves. */
    JWT_ROLE_MAP: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((pair) => pair.trim())
          .filter(Boolean),
      )
      .refine((pairs) => pairs.every((pair) => /^[^:\s]+:[a-z-]+$/.test(pair)), {
        message: 'expected "group:role" pairs separated by commas',
      })
      .transform((pairs) => Object.fromEntries(pairs.map((pair) => pair.split(':') as [string, string]))),
    JWT_OWNER_REFS_CLAIM: env.string('owner_refs'),
    /** Which ingest sources an integrator may upload for. */
    JWT_SOURCES_CLAIM: env.string('sources'),
  };
}

export type JwtConfig = z.output<z.ZodObject<ReturnType<typeof jwtEnvShape>>>;
