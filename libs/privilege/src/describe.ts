import { hasActions } from './evaluate';
import { bounded, conditionalText, listNames } from './evidence';
import type { PermissionStatement } from './statement';

/**
 * Statements as compact lines for the inventory to keep on an identity:
 * `Allow iam:PassRole, ec2:RunInstances on * (conditional) via inline policy deploy`.
 * Bounded in count and length, because an identity may have thousands of
 * statements and the lines are stored and shown, not analysed.
 */
export interface DescribeOptions {
  maxLines?: number;
  maxLineLength?: number;
}

const DEFAULT_MAX_LINES = 50;
const DEFAULT_MAX_LINE_LENGTH = 200;
const NAMES_PER_LINE = 6;

function actionsText(statement: PermissionStatement): string {
  if (statement.notActions) return `every action except ${listNames(statement.notActions, NAMES_PER_LINE)}`;
  return listNames(statement.actions ?? [], NAMES_PER_LINE) || 'no action';
}

function resourcesText(statement: PermissionStatement): string {
  if (statement.notResources) return `every resource except ${listNames(statement.notResources, NAMES_PER_LINE)}`;
  return statement.resources ? listNames(statement.resources, NAMES_PER_LINE) || 'no resource' : '*';
}

function describeOne(statement: PermissionStatement): string {
  const via = statement.via ? ` via ${statement.via}` : '';
  const conditional = conditionalText(statement.conditional === true);
  if (!hasActions(statement) && statement.managedPolicyArn) {
    return `${statement.effect} managed policy ${statement.managedPolicyArn} (document not exported)${conditional}${via}`;
  }
  return `${statement.effect} ${actionsText(statement)} on ${resourcesText(statement)}${conditional}${via}`;
}

export function describeStatements(statements: readonly PermissionStatement[], options: DescribeOptions = {}): string[] {
  const maxLines = Math.max(1, options.maxLines ?? DEFAULT_MAX_LINES);
  const maxLength = Math.max(20, options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH);
  const lines = [...new Set(statements.map((statement) => bounded(describeOne(statement), maxLength)))];
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines - 1);
  return [...kept, `… and ${lines.length - kept.length} more statements`];
}
