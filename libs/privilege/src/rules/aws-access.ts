import { isAllowed } from '../evaluate';
import { grantEvidence } from '../evidence';
import { reachesEverything, survivingGrants, type Grant } from '../grants';
import type { PermissionStatement } from '../statement';
import { awsActionKind } from './aws-action-kind';
import { broadlyAllowed, groupedEvidence, type Reach } from './reach';
import { grantsEvidence } from './grant-evidence';
import { fixedRule } from './rule';

const IAM_POLICY_GRAMMAR = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html';
const RHINO = 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/';
const PATHFINDING = 'https://pathfinding.cloud/';
const SECRETS_BEST_PRACTICE = 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/best-practices.html';
const ACCESS_LEVELS =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html';

function fullAdmin(statements: readonly PermissionStatement[]): boolean {
  return isAllowed(statements, '*', '*').allowed;
}

export const awsFullAdmin = fixedRule(
  'aws.full-admin',
  'ADMIN',
  'Every action on every resource (`*` on `*`) with no Deny taking any action away.',
  [IAM_POLICY_GRAMMAR],
  (statements) => {
    const decision = isAllowed(statements, '*', '*');
    return decision.allowed ? [grantEvidence(['*'], '*', decision)] : [];
  },
);

export const awsAlmostAllActions = fixedRule(
  'aws.almost-all-actions',
  'HIGH',
  'Every action but some (NotAction, or `*` less what a Deny removes) on every resource: every other service whole. ADMIN only when an escalation rule also fires.',
  [IAM_POLICY_GRAMMAR],
  (statements) => {
    if (fullAdmin(statements)) return [];
    const grants = survivingGrants(statements).filter((grant) => awsActionKind(grant.action) === 'everything' && reachesEverything(grant));
    const denied = statements.filter((s) => s.effect === 'Deny' && !s.conditional).flatMap((s) => s.actions ?? []);
    const less = denied.length > 0 ? `, less what Deny removes (${[...new Set(denied)].slice(0, 3).join(', ')})` : '';
    return grantsEvidence(grants).map((evidence) => evidence.concat(less));
  },
);

export const awsServiceWildcard = fixedRule(
  'aws.service-wildcard',
  'HIGH',
  'A whole service (`s3:*`) on every resource.',
  [ACCESS_LEVELS],
  (statements) =>
    grantsEvidence(survivingGrants(statements).filter((g) => awsActionKind(g.action) === 'whole-service' && reachesEverything(g))),
);

/** Reads that hand over secrets or data, each with the pattern meaning "every secret, parameter, key, object, table". */
const SECRET_READS: ReadonlyArray<[string, string]> = [
  ['secretsmanager:GetSecretValue', 'arn:aws:secretsmanager:*:*:secret:*'],
  ['ssm:GetParameter', 'arn:aws:ssm:*:*:parameter/*'],
  ['ssm:GetParameters', 'arn:aws:ssm:*:*:parameter/*'],
  ['ssm:GetParametersByPath', 'arn:aws:ssm:*:*:parameter/*'],
  ['ssm:GetParameterHistory', 'arn:aws:ssm:*:*:parameter/*'],
  ['kms:Decrypt', 'arn:aws:kms:*:*:key/*'],
];

const DATA_READS: ReadonlyArray<[string, string]> = [
  ['s3:GetObject', 'arn:aws:s3:::*/*'],
  ['s3:GetObjectVersion', 'arn:aws:s3:::*/*'],
  ['dynamodb:GetItem', 'arn:aws:dynamodb:*:*:table/*'],
  ['dynamodb:BatchGetItem', 'arn:aws:dynamodb:*:*:table/*'],
  ['dynamodb:Query', 'arn:aws:dynamodb:*:*:table/*'],
  ['dynamodb:Scan', 'arn:aws:dynamodb:*:*:table/*'],
];

function broadly(statements: readonly PermissionStatement[], actions: ReadonlyArray<[string, string]>): Reach[] {
  return actions.map(([action, everywhere]) => broadlyAllowed(statements, action, everywhere)).filter((r): r is Reach => r !== null);
}

export const awsBroadSecretRead = fixedRule(
  'aws.broad-secret-read',
  'HIGH',
  'Reading every secret, SSM parameter or KMS-encrypted value (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt on every resource).',
  [SECRETS_BEST_PRACTICE],
  (statements) => groupedEvidence(broadly(statements, SECRET_READS)),
);

export const awsBroadDataRead = fixedRule(
  'aws.broad-data-read',
  'HIGH',
  'Reading every S3 object or DynamoDB item (s3:GetObject, dynamodb:GetItem/Query/Scan on every resource). On one bucket it is a read (LOW).',
  [ACCESS_LEVELS],
  (statements) => groupedEvidence(broadly(statements, DATA_READS)),
);

/** Taking over compute that already runs as some role: as strong as roles the library cannot see. */
const TAKEOVER: ReadonlyArray<[string, string]> = [
  ['lambda:UpdateFunctionCode', 'arn:aws:lambda:*:*:function:*'],
  ['glue:UpdateDevEndpoint', 'arn:aws:glue:*:*:devEndpoint/*'],
  ['ssm:SendCommand', 'arn:aws:ec2:*:*:instance/*'],
  ['ssm:StartSession', 'arn:aws:ec2:*:*:instance/*'],
  ['ec2-instance-connect:SendSSHPublicKey', 'arn:aws:ec2:*:*:instance/*'],
];

export const awsComputeTakeover = fixedRule(
  'aws.compute-takeover',
  'HIGH',
  'Changing the code of, or running commands on, every existing function, dev endpoint or instance: the identity acts as their roles.',
  [RHINO, PATHFINDING],
  (statements) => groupedEvidence(broadly(statements, TAKEOVER)),
);

function grantsOfKind(statements: readonly PermissionStatement[], keep: (grant: Grant) => boolean): string[] {
  return grantsEvidence(survivingGrants(statements).filter(keep));
}

export const awsWrite = fixedRule(
  'aws.write',
  'MEDIUM',
  'Any other action that changes something (or a whole service on named resources only).',
  [ACCESS_LEVELS],
  (statements) =>
    grantsOfKind(statements, (grant) => {
      const kind = awsActionKind(grant.action);
      return kind === 'write' || ((kind === 'whole-service' || kind === 'everything') && !reachesEverything(grant));
    }),
);

export const awsRead = fixedRule(
  'aws.read',
  'LOW',
  'Reads (Get, List, Describe, Query …) outside the broad secret and data reads.',
  [ACCESS_LEVELS],
  (statements) => grantsOfKind(statements, (grant) => awsActionKind(grant.action) === 'read'),
);

export const awsUnrecognisedAction = fixedRule(
  'unknown-action',
  'MEDIUM',
  'An action the rules do not recognise: it could do anything, so it counts as a change.',
  [],
  (statements) => grantsOfKind(statements, (grant) => awsActionKind(grant.action) === 'unrecognised'),
);
