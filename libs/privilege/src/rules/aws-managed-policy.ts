import { hasActions } from '../evaluate';
import { bounded, conditionalText, viaText } from '../evidence';
import type { PermissionStatement } from '../statement';
import { findManagedPolicy } from './aws-managed-policy-table';
import type { Finding, Rule } from './rule';

const REFERENCE = 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/';

/** An Allow that names a managed policy and carries no document: only the table can judge it. */
function knownOnlyByArn(statement: PermissionStatement): statement is PermissionStatement & { managedPolicyArn: string } {
  return statement.effect === 'Allow' && statement.managedPolicyArn !== undefined && !hasActions(statement);
}

/**
 * A Deny cannot be subtracted from a policy whose document is not known, so
 * the table's level stands whatever Deny statements sit beside it.
 */
export const awsManagedPolicy: Rule = {
  id: 'aws.managed-policy',
  summary:
    "An AWS managed policy known only by its ARN, judged by the shipped table (the level the rules give the policy's published document).",
  sources: [REFERENCE],
  judge: (statements) =>
    statements.filter(knownOnlyByArn).flatMap((statement): Finding[] => {
      const policy = findManagedPolicy(statement.managedPolicyArn);
      if (!policy) return [];
      const judged = policy.rules.join(', ');
      const evidence = `AWS managed policy ${policy.name}: ${policy.why} [as ${judged}]${conditionalText(statement.conditional === true)}${viaText([statement.via])}`;
      return [{ rule: 'aws.managed-policy', level: policy.level, evidence: bounded(evidence) }];
    }),
};

/** Unknown could do anything: not ADMIN on a guess, not LOW on hope. */
export const awsUnknownManagedPolicy: Rule = {
  id: 'aws.unknown-managed-policy',
  level: 'MEDIUM',
  summary:
    'A policy known only by an ARN that is not in the table (a customer managed policy, or an AWS one the table lacks): it could do anything.',
  sources: [REFERENCE],
  judge: (statements) =>
    statements
      .filter(knownOnlyByArn)
      .filter((statement) => findManagedPolicy(statement.managedPolicyArn) === null)
      .map((statement) => {
        const evidence = `unknown managed policy ${statement.managedPolicyArn}, no document to judge${viaText([statement.via])}`;
        return { rule: 'aws.unknown-managed-policy', level: 'MEDIUM', evidence: bounded(evidence) };
      }),
};
