import { awsCredentialReportFormat } from './formats/aws-credential-report';
import { awsGaadFormat } from './formats/aws-gaad';
import { azureSpFormat } from './formats/azure-sp/azure-sp-format';
import { githubOrgFormat } from './formats/github-org/github-org-format';
import { gcpIamFormat } from './formats/gcp-iam/gcp-iam-format';
import { createK8sRbacFormat, k8sRbacFormat } from './formats/k8s-rbac/k8s-rbac-format';
import { withFittedPermissions } from './fit-permissions';
import type { ImportFormat } from './import-row';

/** Every format the importer and `POST /ingest/{source}?format=` read, by name. */
const FORMATS: readonly ImportFormat[] = [
  awsGaadFormat,
  awsCredentialReportFormat,
  k8sRbacFormat,
  gcpIamFormat,
  azureSpFormat,
  githubOrgFormat,
];

export const IMPORT_FORMATS: ReadonlyMap<string, ImportFormat> = new Map(FORMATS.map((format) => [format.name, format]));

/** What a format may need beyond the export: a Kubernetes export does not name its cluster. */
export interface FormatOptions {
  cluster?: string;
}

/** Cluster names as source names are written: they go into every externalId of the cluster. */
const CLUSTER_NAME = /^[a-z0-9][a-z0-9.-]{0,62}$/;

export class ImportOptionError extends Error {
  override readonly name = 'ImportOptionError';
}

/** The format of that name, set up with its options; an error lists the known formats and never quotes what was asked. */
export function importFormat(name: string, options: FormatOptions = {}): ImportFormat {
  const format = IMPORT_FORMATS.get(name);
  if (!format) throw new UnknownFormatError();
  if (options.cluster === undefined) return format;
  if (name !== k8sRbacFormat.name) throw new ImportOptionError(`cluster applies to the ${k8sRbacFormat.name} format only`);
  if (!CLUSTER_NAME.test(options.cluster)) {
    throw new ImportOptionError('cluster must be 1 to 63 lower-case letters, digits, dots or hyphens, starting with a letter or digit');
  }
  return withFittedPermissions(createK8sRbacFormat({ cluster: options.cluster }));
}

export class UnknownFormatError extends Error {
  constructor() {
    // The name asked for is not quoted back: it came from a caller.
    super(`unknown import format; the formats are ${[...IMPORT_FORMATS.keys()].join(', ')}`);
    this.name = 'UnknownFormatError';
  }
}
