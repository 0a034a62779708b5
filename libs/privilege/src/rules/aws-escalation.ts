import type { PermissionStatement } from '../statement';
import { broadlyAllowed, groupedEvidence, narrowlyAllowed, type Reach } from './reach';
import { fixedRule } from './rule';

const RHINO = 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/';
const BISHOP_FOX = 'https://github.com/BishopFox/iam-vulnerable';

const ROLES = 'arn:aws:iam::*:role/*';
const USERS = 'arn:aws:iam::*:user/*';
const GROUPS = 'arn:aws:iam::*:group/*';
const POLICIES = 'arn:aws:iam::*:policy/*';

/**
 * IAM actions that, alone, let an identity grant itself more: a new default
 * policy version, a policy attached or written inline, a key or password for
 * another user, membership of a stronger group, a role's trust rewritten to
 * let it in. Each with the resource pattern that means "every one of them".
 */
export const ESCALATION_ACTIONS: ReadonlyArray<{ action: string; everywhere: string }> = [
  { action: 'iam:CreatePolicyVersion', everywhere: POLICIES },
  { action: 'iam:SetDefaultPolicyVersion', everywhere: POLICIES },
  { action: 'iam:AttachUserPolicy', everywhere: USERS },
  { action: 'iam:AttachGroupPolicy', everywhere: GROUPS },
  { action: 'iam:AttachRolePolicy', everywhere: ROLES },
  { action: 'iam:PutUserPolicy', everywhere: USERS },
  { action: 'iam:PutGroupPolicy', everywhere: GROUPS },
  { action: 'iam:PutRolePolicy', everywhere: ROLES },
  { action: 'iam:CreateAccessKey', everywhere: USERS },
  { action: 'iam:CreateLoginProfile', everywhere: USERS },
  { action: 'iam:UpdateLoginProfile', everywhere: USERS },
  { action: 'iam:AddUserToGroup', everywhere: GROUPS },
  // Rhino pairs it with sts:AssumeRole; a trust policy naming the caller needs no identity-side grant in the same account.
  { action: 'iam:UpdateAssumeRolePolicy', everywhere: ROLES },
];

/** The self-service pattern (`user/${aws:username}`): an identity managing its own keys or password gains nothing. */
function onlyItself(reach: Reach): boolean {
  return reach.resource.includes('${aws:username}');
}

/**
 * Every user (role, group, policy) of one account, `arn:aws:iam::123456789012:user/*`:
 * the identity's own account is the one that matters (it holds the identity
 * itself and its administrators), so the grant escalates as far as `*` does.
 */
const ACCOUNT_WIDE = /^arn:aws[a-z-]*:iam::\d{12}:(user|role|group|policy)\/\*$/;

function broadEscalations(statements: readonly PermissionStatement[]): Reach[] {
  return ESCALATION_ACTIONS.map(
    ({ action, everywhere }) =>
      broadlyAllowed(statements, action, everywhere) ??
      narrowlyAllowed(statements, action).find((reach) => ACCOUNT_WIDE.test(reach.resource)) ??
      null,
  ).filter((reach): reach is Reach => reach !== null);
}

export const awsPrivilegeEscalation = fixedRule(
  'aws.privilege-escalation',
  'ADMIN',
  'An IAM action that lets the identity grant itself any permission, allowed on every resource: as good as administrator.',
  [RHINO, BISHOP_FOX],
  (statements) => groupedEvidence(broadEscalations(statements)),
);

export const awsPrivilegeEscalationScoped = fixedRule(
  'aws.privilege-escalation-scoped',
  'HIGH',
  'The same IAM actions on named users, groups, roles or policies only: escalation to those principals, as strong as they are.',
  [RHINO],
  (statements) => {
    const broad = new Set(broadEscalations(statements).map((reach) => reach.action));
    const narrow = ESCALATION_ACTIONS.filter(({ action }) => !broad.has(action))
      .flatMap(({ action }) => narrowlyAllowed(statements, action))
      .filter((reach) => !onlyItself(reach));
    return groupedEvidence(narrow, ' (named principals only)');
  },
);
