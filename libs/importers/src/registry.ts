import { awsCredentialReportFormat } from './formats/aws-credential-report';
import { awsGaadFormat } from './formats/aws-gaad';
import type { ImportFormat } from './import-row';

/** Every format the importer and `POST /ingest/{source}?format=` read, by name. */
const FORMATS: readonly ImportFormat[] = [awsGaadFormat, awsCredentialReportFormat];

export const IMPORT_FORMATS: ReadonlyMap<string, ImportFormat> = new Map(FORMATS.map((format) => [format.name, format]));

/** The format of that name, or an error that lists the known ones. */
export function importFormat(name: string): ImportFormat {
  const format = IMPORT_FORMATS.get(name);
  if (!format) throw new UnknownFormatError();
  return format;
}

export class UnknownFormatError extends Error {
  constructor() {
    // The name asked for is not quoted back: it came from a caller.
    super(`unknown import format; the formats are ${[...IMPORT_FORMATS.keys()].join(', ') || '(none)'}`);
    this.name = 'UnknownFormatError';
  }
}
