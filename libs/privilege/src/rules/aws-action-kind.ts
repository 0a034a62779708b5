/**
 * What kind of access an AWS action pattern grants, from its verb. The
 * Service Authorization Reference gives each action an access level (List,
 * Read, Write, Permissions management, Tagging); the verb is how a library
 * with no copy of that reference approximates it. Only verbs that are reads
 * in practically every service count as reads: an unknown verb is a write,
 * so the approximation errs towards the higher level.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export type AwsActionKind = 'everything' | 'whole-service' | 'read' | 'write' | 'unrecognised';

const READ_VERBS = [
  'Get',
  'List',
  'Describe',
  'BatchGet',
  'BatchDescribe',
  'View',
  'Query',
  'Scan',
  'Search',
  'Select',
  'Lookup',
  'Receive',
  'Download',
  'Filter',
  'Simulate',
  'Check',
  'Detect',
  'Estimate',
  'Preview',
  'Count',
];

const ACTION_SHAPE = /^([a-z0-9-]+):([A-Za-z0-9*?]+)$/i;

/** `GetObject` and `Get*` start with the verb Get, `Getaway` does not; an all-lowercase name (IAM ignores case) is read loosely. */
function startsWithVerb(name: string, verb: string): boolean {
  if (name === name.toLowerCase()) return name.startsWith(verb.toLowerCase());
  return name.startsWith(verb) && !/^[a-z]/.test(name.slice(verb.length));
}

export function awsActionKind(pattern: string): AwsActionKind {
  if (/^\*+$/.test(pattern)) return 'everything';
  const shape = ACTION_SHAPE.exec(pattern);
  if (!shape) return 'unrecognised';
  const name = shape[2];
  if (/^\*+$/.test(name)) return 'whole-service';
  return READ_VERBS.some((verb) => startsWithVerb(name, verb)) ? 'read' : 'write';
}
