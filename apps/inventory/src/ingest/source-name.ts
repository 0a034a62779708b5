import { detectSecret } from '@nhi/secrets';
import { IngestRequestError } from './ingest-request-error';

/**
 * What a discovery source may be called (docs/data-quality.md): a letter or
 * digit, then up to 62 letters, digits, dots and hyphens; letters in any
 * case, stored lower-case (`AWS-Config` is `aws-config`). Real connector
 * names fit (aws-config, gcp-asset-inventory, entra-id, github-secret-scanning);
 * most token formats do not (an underscore, a slash, a plus, `=` padding).
 * A name arrives in a URL path and in GraphQL input, so it is checked before
 * it is used, logged or recorded anywhere.
 */
export const SOURCE_NAME_PATTERN = /^[a-z0-9][a-z0-9.-]{0,62}$/i;
export const SOURCE_NAME_RULE = '^[a-z0-9][a-z0-9.-]{0,62}$ (letters in any case, stored lower-case), e.g. aws-config';

/** Whether a name may be used at all; the caller answers with sourceNameError, which never quotes it. */
export function isSourceName(raw: unknown): raw is string {
  return typeof raw === 'string' && SOURCE_NAME_PATTERN.test(raw);
}

export function sourceNameError(parameter = 'source'): IngestRequestError {
  return new IngestRequestError(
    `${parameter} must name the connector and match ${SOURCE_NAME_RULE}; the value sent does not (it is not repeated)`,
  );
}

/** The canonical source name, or a clear error naming the parameter and the pattern, never the value. */
export function canonicalSource(raw: string): string {
  if (!isSourceName(raw)) throw sourceNameError();
  // A hex or base32 token can fit the pattern; the provider rules still catch those with a known shape.
  // Checked as sent, before lower-casing: most token formats are case-sensitive, and a lower-cased
  // copy of a secret no longer matches its rule yet is still the secret.
  if (detectSecret(raw, { field: 'source' })) throw new IngestRequestError('source looks like secret material; name the connector instead');
  return raw.toLowerCase();
}
