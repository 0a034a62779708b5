import type { PermissionStatement } from '@nhi/privilege';
import { cleanText } from '../../normalisation/text';
import { requiredText } from './field-readers';
import { reject } from './row-error';
import { ROW_LIMITS } from './row-limits';

/** Provider-qualified action names: letters, digits and the punctuation IAM, RBAC and role names use (Azure role names hold spaces). */
const ACTION = /^[A-Za-z0-9*?:._/() -]+$/;
const MANAGED_POLICY_ARN = /^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\/[\w+=,.@/-]+$/;

function textList(value: unknown, field: string, max: number, pattern?: RegExp): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length === 0) reject('permissions', `${field} must be a non-empty list of strings`);
  if (value.length > max) reject('permissions', `${field} has more than ${max} entries`);
  return value.map((item: unknown, i) => {
    const text = typeof item === 'string' ? cleanText(item) : '';
    if (!text || text.length > ROW_LIMITS.permissionText) {
      reject('permissions', `${field}[${i}] must be a string of 1 to ${ROW_LIMITS.permissionText} characters`);
    }
    if (pattern && !pattern.test(text)) reject('permissions', `${field}[${i}] holds characters an action name cannot have`);
    return text;
  });
}

function statementAt(value: unknown, i: number): PermissionStatement {
  const at = `permissions[${i}]`;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) reject('permissions', `${at} must be an object`);
  const raw = value as Record<string, unknown>;
  if (raw['effect'] !== 'Allow' && raw['effect'] !== 'Deny') reject('permissions', `${at}.effect must be Allow or Deny`);
  const statement: PermissionStatement = { effect: raw['effect'], via: requiredText(raw['via'], `${at}.via`, ROW_LIMITS.permissionText) };
  const actions = textList(raw['actions'], `${at}.actions`, ROW_LIMITS.permissionActions, ACTION);
  const notActions = textList(raw['notActions'], `${at}.notActions`, ROW_LIMITS.permissionActions, ACTION);
  const resources = textList(raw['resources'], `${at}.resources`, ROW_LIMITS.permissionActions);
  const notResources = textList(raw['notResources'], `${at}.notResources`, ROW_LIMITS.permissionActions);
  const arn = raw['managedPolicyArn'];
  if (arn !== undefined && arn !== null && (typeof arn !== 'string' || !MANAGED_POLICY_ARN.test(arn))) {
    reject('permissions', `${at}.managedPolicyArn must be an IAM policy ARN (arn:aws:iam::aws:policy/<name>)`);
  }
  const named = [actions, notActions, arn ?? undefined].filter((x) => x !== undefined).length;
  if (named !== 1) reject('permissions', `${at} needs exactly one of actions, notActions and managedPolicyArn`);
  if (resources && notResources) reject('permissions', `${at} may have resources or notResources, not both`);
  if (raw['conditional'] !== undefined && raw['conditional'] !== null && typeof raw['conditional'] !== 'boolean') {
    reject('permissions', `${at}.conditional must be true or false`);
  }
  if (actions) statement.actions = actions;
  if (notActions) statement.notActions = notActions;
  if (resources) statement.resources = resources;
  if (notResources) statement.notResources = notResources;
  if (typeof arn === 'string') statement.managedPolicyArn = arn;
  if (raw['conditional'] === true) statement.conditional = true;
  return statement;
}

/** The permission statements of a row (see @nhi/privilege): null when the row has none to say, checked field by field otherwise. */
export function permissionList(value: unknown): PermissionStatement[] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) reject('permissions', 'permissions must be a list of statements');
  if (value.length > ROW_LIMITS.permissions) reject('permissions', `permissions has more than ${ROW_LIMITS.permissions} statements`);
  return value.map((item, i) => statementAt(item, i));
}
