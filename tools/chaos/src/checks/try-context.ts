import { readFileSync } from 'node:fs';
import { SERVICE_NAMES, type CheckContext, type ServiceName } from './context';
import { databaseUrlFor } from './databases';

/**
 * What try-checks needs to know of a running platform, as a JSON file
 * (try-platform writes one): a CheckContext without its functions.
 */
export interface TryContextFile extends Omit<CheckContext, 'databaseUrl' | 'progress'> {
  /** Each service's database is <databasePrefix><service> on this server ... */
  databaseServerUrl?: string;
  databasePrefix?: string;
  /** ... or given one by one. */
  databaseUrls?: Partial<Record<ServiceName, string>>;
}

export function contextFromFile(file: string, progress: (line: string) => void): CheckContext {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as TryContextFile;
  const { databaseServerUrl, databasePrefix, databaseUrls, ...rest } = parsed;
  const urls = new Map<ServiceName, string>();
  for (const service of SERVICE_NAMES) {
    const url =
      databaseUrls?.[service] ??
      (databaseServerUrl && databasePrefix !== undefined ? databaseUrlFor(databaseServerUrl, `${databasePrefix}${service}`) : undefined);
    if (!url)
      throw new Error(`${file} gives no database for ${service}: set databaseUrls.${service}, or databaseServerUrl and databasePrefix`);
    urls.set(service, url);
  }
  return {
    ...rest,
    poison: rest.poison ?? { badJson: 0, wrongSchema: 0, oversized: 0 },
    ingestedExternalIds: rest.ingestedExternalIds ?? [],
    rotationRequestIds: rest.rotationRequestIds ?? [],
    revocationRequestIds: rest.revocationRequestIds ?? [],
    redeliveredResults: rest.redeliveredResults ?? 0,
    databaseUrl: (service) => urls.get(service) ?? '',
    progress,
  };
}
