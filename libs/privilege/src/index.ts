export * from './statement';
export { isAllowed, anyAllowed, allowedResources, type Decision, type AnyDecision, type ResourceGrant } from './evaluate';
export { assessPrivilege, MAX_REASONS } from './assess';
export { statementsFromScopes, adminOrWildcardScopes } from './legacy-scopes';
export { describeStatements, type DescribeOptions } from './describe';
export { MANAGED_POLICIES, findManagedPolicy, type ManagedPolicy } from './rules/aws-managed-policy-table';
export { allRules, rulesFor } from './rules';
export type { Rule, Finding } from './rules/rule';
