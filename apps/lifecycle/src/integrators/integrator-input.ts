import { badInput } from '@nhi/graphql';
import { detectSecret } from '@nhi/secrets';

const MAX_SOURCE = 512;
const MAX_PROVIDERS = 50;
const PROVIDER = /^[a-z0-9][a-z0-9._-]{0,99}$/;
// eslint-disable-next-line no-control-regex
const NOT_IN_A_URI = /[\s\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069<>"{}|\\^`]/;

/** A CloudEvents source as RFC 3986 allows a URI-reference; errors name the field, never the value. */
export function checkedSource(source: string, field = 'source'): string {
  if (source.length === 0 || source.length > MAX_SOURCE) throw badInput(`${field} must be 1 to ${MAX_SOURCE} characters`, field);
  if (NOT_IN_A_URI.test(source) || !parsesAsReference(source)) {
    throw badInput(`${field} must be a URI-reference (RFC 3986), such as /integrators/acme or https://acme.example/rotator`, field);
  }
  if (detectSecret(source, { field }))
    throw badInput(`${field} looks like a secret; a source names a connector, it never carries a credential`, field);
  return source;
}

/** Provider names in lower case, without repeats. */
export function checkedProviders(providers: readonly string[], field = 'providers'): string[] {
  if (providers.length === 0 || providers.length > MAX_PROVIDERS)
    throw badInput(`${field} must hold 1 to ${MAX_PROVIDERS} providers`, field);
  const names = providers.map((provider, index) => {
    const name = provider.trim().toLowerCase();
    if (!PROVIDER.test(name)) {
      throw badInput(
        `${field}[${index}] must be a provider name: letters, digits, '.', '_' or '-', at most 100 characters`,
        `${field}.${index}`,
      );
    }
    return name;
  });
  return [...new Set(names)];
}

function parsesAsReference(source: string): boolean {
  try {
    new URL(source, 'http://relative.invalid/');
    return true;
  } catch {
    return false;
  }
}
