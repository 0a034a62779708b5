/**
 * Formats providers document as identifiers. In an identifier field a whole value of one of these
 * shapes is an id, so the contextual rules (keyword, bare structure) do not judge it; the rules with a
 * distinctive prefix still do, so an id cannot smuggle a token in.
 */
const IDENTIFIER_FORMATS: ReadonlyArray<[string, RegExp]> = [
  ['an ARN', /^arn:aws[a-z-]{0,12}:[a-z0-9-]{1,40}:[a-z0-9-]{0,30}:(?:\d{12}|aws)?:\S{1,2000}$/],
  // IAM unique ids and access key ids (AKIA/ASIA): identifiers, documented as safe to log.
  ['an AWS unique id', /^(?:AKIA|ASIA|AIDA|AROA|ANPA|ANVA|AGPA|AIPA|APKA|ABIA|ACCA|ANAA|AKPA)[A-Z0-9]{16,17}$/],
  ['a GCP service-account email', /^[a-z][a-z0-9-]{0,62}@[a-z][a-z0-9.-]{0,80}\.(?:iam\.)?gserviceaccount\.com$/],
  [
    'a GCP resource name',
    /^(?:\/\/iam\.googleapis\.com\/)?projects\/[a-z0-9.:-]{1,100}\/serviceAccounts\/[^\s/]{1,200}(?:\/keys\/[0-9a-f]{40})?$/,
  ],
  ['an Azure resource id', /^\/subscriptions\/[0-9a-fA-F-]{36}(?:\/[^\s/]{1,260}){0,40}$/i],
  ['a GUID', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['a hex fingerprint', /^(?:(?:sha1|sha256|sha384|sha512|md5):)?[0-9a-fA-F]{32,128}$/i],
  ['an SSH fingerprint', /^(?:SHA256|sha256):[A-Za-z0-9+/]{43}=?$/],
  ['a colon-separated fingerprint', /^[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){15,63}$/],
  ['a Kubernetes service account', /^system:serviceaccount:[a-z0-9][a-z0-9.-]{0,252}:[a-z0-9][a-z0-9.-]{0,252}$/],
  ['a Kubernetes name', /^[a-z0-9][a-z0-9.-]{0,252}$/],
  ['a Kubernetes label', /^(?:[a-z0-9][a-z0-9.-]{0,252}\/)?[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/],
];

/** Field names (the last path segment, without list indices) that hold identifiers, lower-cased. */
const IDENTIFIER_FIELDS = new Set([
  'externalid',
  'name',
  'scopes',
  'usedscopes',
  'scope',
  'arn',
  'resourceid',
  'id',
  'keyid',
  'accesskeyid',
  'uniqueid',
  'principalid',
  'roleid',
  'rolename',
  'policyarn',
  'email',
  'serviceaccount',
  'serviceaccountemail',
  'clientid',
  'appid',
  'applicationid',
  'objectid',
  'tenantid',
  'subscriptionid',
  'namespace',
  'slug',
  'appslug',
  'credentialfingerprint',
  'fingerprint',
  'system',
  'provider',
  'kind',
  'environment',
  'businessunit',
  'authmethod',
]);

/** "tags[3].value" -> "value", "scopes[2]" -> "scopes", "externalId" -> "externalid". */
function fieldKey(field: string): string {
  const last = field.split('.').pop() ?? field;
  return last.replace(/\[\d*\]$/, '').toLowerCase();
}

export function isIdentifierField(field: string | undefined): boolean {
  return field !== undefined && IDENTIFIER_FIELDS.has(fieldKey(field));
}

/** The identifier family the whole value belongs to, or null. */
export function identifierFormatOf(value: string): string | null {
  if (value.length > 2048) return null;
  for (const [family, pattern] of IDENTIFIER_FORMATS) if (pattern.test(value)) return family;
  return null;
}
