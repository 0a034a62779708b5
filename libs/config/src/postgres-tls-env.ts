import { env, z } from './env-schema';

/** The sslmodes node-postgres can honour: it cannot fall back from TLS to plain text, as libpq's allow and prefer do. */
export const POSTGRES_SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;

/**
 * libpq's own variables for TLS to PostgreSQL (ADR 0034). The same names as
 * parameters in DATABASE_URL (sslmode, sslrootcert, sslcert, sslkey) win over these.
 */
export function postgresTlsEnvShape() {
  return {
    /** disable, require (encrypt, no check), verify-ca (CA check) or verify-full (CA and host name: production). Unset: as DATABASE_URL says, else no TLS. */
    PGSSLMODE: z.enum(POSTGRES_SSL_MODES, { message: `expected one of ${POSTGRES_SSL_MODES.join(', ')}` }).optional(),
    /** PEM file of the CA that signed the server's certificate; "system" (or unset, with verify-full) for Node's public CAs. */
    PGSSLROOTCERT: env.optionalString(),
    /** PEM client certificate, for servers that require one; set together with PGSSLKEY. */
    PGSSLCERT: env.optionalString(),
    /** PEM private key (unencrypted) of PGSSLCERT. */
    PGSSLKEY: env.optionalString(),
  };
}

export type PostgresTlsSettings = z.output<z.ZodObject<ReturnType<typeof postgresTlsEnvShape>>>;
