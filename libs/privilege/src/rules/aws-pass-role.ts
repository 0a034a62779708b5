import { allowedResources, type Decision } from '../evaluate';
import { bounded, conditionalText, listNames, viaText } from '../evidence';
import type { PermissionStatement } from '../statement';
import { broadlyAllowed, narrowlyAllowed, type Reach } from './reach';
import { fixedRule } from './rule';

const RHINO = 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/';
const BISHOP_FOX = 'https://github.com/BishopFox/iam-vulnerable';
const PATHFINDING = 'https://pathfinding.cloud/';

/**
 * Ways to start code that runs as a role the caller passes: with iam:PassRole
 * the code gets the role's credentials, so the caller gets the role. Each
 * way needs all of `all` and, when listed, one of `anyOf` (a Lambda function
 * is useless to the caller until it can invoke it or make something invoke it).
 */
export const COMPUTE_CREATE: ReadonlyArray<{ all: string[]; anyOf?: string[] }> = [
  { all: ['ec2:RunInstances'] },
  { all: ['lambda:CreateFunction'], anyOf: ['lambda:InvokeFunction', 'lambda:CreateEventSourceMapping'] },
  { all: ['glue:CreateDevEndpoint'] },
  { all: ['glue:UpdateDevEndpoint'] },
  { all: ['cloudformation:CreateStack'] },
  { all: ['datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'] },
  { all: ['sagemaker:CreateNotebookInstance'] },
  { all: ['sagemaker:CreateTrainingJob'] },
  { all: ['sagemaker:CreateProcessingJob'] },
  { all: ['ecs:RegisterTaskDefinition'], anyOf: ['ecs:RunTask', 'ecs:StartTask', 'ecs:CreateService'] },
  { all: ['codebuild:CreateProject'], anyOf: ['codebuild:StartBuild', 'codebuild:StartBuildBatch'] },
  { all: ['apprunner:CreateService'] },
  // A schedule's universal target calls any AWS API as the role; a state machine's tasks likewise once it runs.
  { all: ['scheduler:CreateSchedule'] },
  { all: ['states:CreateStateMachine', 'states:StartExecution'] },
];

/** Any resource will do for the compute side: a function named `SecretsManager*` still runs as the role passed to it. */
function somewhere(statements: readonly PermissionStatement[], action: string): Decision | null {
  return allowedResources(statements, action)[0]?.decision ?? null;
}

interface ComputeWay {
  actions: string[];
  decisions: Decision[];
}

function computeWays(statements: readonly PermissionStatement[]): ComputeWay[] {
  return COMPUTE_CREATE.flatMap(({ all, anyOf }) => {
    const required = all.map((action) => somewhere(statements, action));
    if (required.some((decision) => decision === null)) return [];
    const optional = (anyOf ?? []).map((action) => ({ action, decision: somewhere(statements, action) }));
    const trigger = optional.find((entry) => entry.decision !== null);
    if (anyOf && !trigger) return [];
    return [
      {
        actions: trigger ? [...all, trigger.action] : all,
        decisions: [...(required as Decision[]), ...(trigger?.decision ? [trigger.decision] : [])],
      },
    ];
  });
}

function evidence(passRole: Reach, ways: readonly ComputeWay[], suffix: string): string {
  const decisions = [passRole.decision, ...ways.flatMap((way) => way.decisions)];
  const conditional = decisions.some((decision) => decision.conditional);
  const via = decisions.flatMap((decision) => decision.via);
  const compute = listNames(
    ways.map((way) => way.actions.join(' + ')),
    3,
  );
  return bounded(`iam:PassRole on ${passRole.resource} with ${compute}${conditionalText(conditional)}${viaText(via)}${suffix}`);
}

export const awsPassRoleEscalation = fixedRule(
  'aws.pass-role-escalation',
  'ADMIN',
  'iam:PassRole on every role together with a way to start compute (EC2, Lambda, Glue, CloudFormation, Data Pipeline, SageMaker, ECS, CodeBuild, App Runner, EventBridge Scheduler, Step Functions): the identity can become any role that service may assume.',
  [RHINO, BISHOP_FOX, PATHFINDING],
  (statements) => {
    const passRole = broadlyAllowed(statements, 'iam:PassRole', 'arn:aws:iam::*:role/*');
    const ways = passRole ? computeWays(statements) : [];
    return passRole && ways.length > 0 ? [evidence(passRole, ways, '')] : [];
  },
);

export const awsPassRoleScoped = fixedRule(
  'aws.pass-role-scoped',
  'HIGH',
  'iam:PassRole on named roles only, with a way to start compute: the identity can become those roles.',
  [RHINO],
  (statements) => {
    if (broadlyAllowed(statements, 'iam:PassRole', 'arn:aws:iam::*:role/*')) return [];
    const passRoles = narrowlyAllowed(statements, 'iam:PassRole');
    const ways = passRoles.length > 0 ? computeWays(statements) : [];
    return ways.length > 0 ? passRoles.map((passRole) => evidence(passRole, ways, ' (named roles only)')) : [];
  },
);
