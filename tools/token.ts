import { parseArgs } from 'node:util';
import { isRole, loadOrCreateDevKeys, mintDevToken, ROLES } from '@nhi/auth';
import { DEV_KEYS_DIR } from './dev-paths';

/**
 * npm run token -- --sub alice --role security-admin [--role auditor] [--owner-ref team-payments] [--source aws-prod] [--ttl 3600]
 * Prints a dev token that the local gateway accepts, and nothing else, so it can be captured in a shell.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      role: { type: 'string', multiple: true },
      'owner-ref': { type: 'string', multiple: true },
      source: { type: 'string', multiple: true },
      ttl: { type: 'string', default: String(8 * 3600) },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const usage = `usage: npm run token -- --sub <subject> --role <${ROLES.join('|')}> [--role ...] [--owner-ref <ref>] [--source <ingest source>] [--ttl <seconds>]`;
  if (values.help) {
    console.log(usage);
    return;
  }
  if (!values.sub) throw new Error(`--sub is required\n${usage}`);
  const roles = values.role ?? [];
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) {
    throw new Error(
      `${roles.length === 0 ? '--role is required' : `unknown role ${unknown.join(', ')}`}; roles are ${ROLES.join(', ')}\n${usage}`,
    );
  }
  const ttlSeconds = Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) throw new Error(`--ttl must be a whole number of seconds, got "${values.ttl}"`);
  const keys = loadOrCreateDevKeys(process.env['DEV_KEYS_DIR'] ?? DEV_KEYS_DIR);
  const token = await mintDevToken(keys.privateKeyPem, {
    sub: values.sub,
    roles: roles.filter(isRole),
    ownerRefs: values['owner-ref'] ?? [],
    sources: values.source ?? [],
    issuer: process.env['JWT_ISSUER'] ?? 'nhi-dev',
    audience: process.env['JWT_AUDIENCE'] ?? 'nhi-platform',
    ttlSeconds,
  });
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
