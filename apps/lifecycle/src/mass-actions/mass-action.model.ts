import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoModel } from '@nhi/graphql';
import { RequestStatus } from '../requests/request-status';
import type { MassActionEntity } from '../requests/mass-action.entity';

export enum MassActionKindModel {
  ROTATION = 'ROTATION',
  REVOCATION = 'REVOCATION',
}
registerEnumType(MassActionKindModel, { name: 'MassActionKind', description: 'What a mass action asks for each identity.' });

@ObjectType('MassActionSelection', { description: 'What a mass action selected by, as given; named identities are counted, not listed.' })
export class MassActionSelectionModel {
  @Field(() => Int, { nullable: true })
  identitiesNamed?: number;

  @Field(() => String, { nullable: true })
  system?: string;

  @Field(() => ID, { nullable: true })
  ownerId?: string;

  @Field(() => String, { nullable: true })
  provider?: string;

  @Field(() => String, { nullable: true })
  credentialFingerprint?: string;

  @Field(() => String, { nullable: true })
  source?: string;

  @Field(() => String, { nullable: true })
  findingCategory?: string;
}

@ObjectType('MassActionProgress', { description: 'Each identity counted once, by its latest attempt (retries included).' })
export class MassActionProgressModel {
  @Field(() => Int, { description: 'Identities a request was made for.' })
  requested!: number;

  @Field(() => Int, { description: 'Whose request is on Kafka for the integrator.' })
  published!: number;

  @Field(() => Int, { description: 'Whose latest attempt the integrator answered (completed or failed).' })
  answered!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Int, { description: 'Failed for good: the last attempt failed and no retry is due.' })
  failed!: number;

  @Field(() => Int, { description: 'Got no result by the deadline of the last attempt.' })
  timedOut!: number;

  @Field(() => Int, { description: 'Waiting for a result, or for a retry.' })
  inProgress!: number;

  @Field(() => Int, { description: 'Held back by an approved exception of the control: not asked for.' })
  held!: number;
}

@ObjectType('MassActionOutcome', { description: "One identity's latest attempt in a mass action." })
export class MassActionOutcomeModel {
  @Field(() => ID)
  identityId!: string;

  @Field(() => ID)
  requestId!: string;

  @Field(() => RequestStatus)
  status!: RequestStatus;

  @Field(() => Int)
  attempt!: number;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a retry is due, after a failure or time-out.' })
  nextAttemptAt!: Date | null;
}

@ObjectType('MassActionOutcomeEdge')
export class MassActionOutcomeEdgeModel {
  @Field(() => MassActionOutcomeModel)
  node!: MassActionOutcomeModel;

  @Field()
  cursor!: string;
}

@ObjectType('MassActionOutcomeConnection', { description: 'Per-identity outcomes, by identity id.' })
export class MassActionOutcomeConnectionModel {
  @Field(() => [MassActionOutcomeEdgeModel])
  edges!: MassActionOutcomeEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}

@ObjectType('MassAction', {
  description: 'A mass rotation or revocation: one request for many identities. Published as nhi.mass-action.started and .finished.',
})
export class MassActionModel {
  @Field(() => ID, { description: 'Its id, for massAction(id).' })
  id!: string;

  @Field(() => MassActionKindModel, { description: 'Rotation or revocation.' })
  action!: MassActionKindModel;

  @Field(() => MassActionSelectionModel, { description: 'The selection it was asked with.' })
  selection!: MassActionSelectionModel;

  @Field({ description: 'Why it was asked for.' })
  reason!: string;

  @Field({ description: 'Who asked for it (the subject of their token).' })
  requestedBy!: string;

  @Field({ description: 'When it was asked for.' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When every request had ended, retries included; null while any is in progress.' })
  finishedAt!: Date | null;

  @Field(() => Int, { description: 'Identities the selection matched.' })
  selected!: number;

  @Field(() => Int, { description: 'Already revoked or on their way out, or with an attempt of the same action in progress.' })
  skipped!: number;

  @Field(() => Int, { description: 'Named identities lifecycle does not know.' })
  notFound!: number;

  /** Read from the row for the progress resolver. */
  held!: number;
}

/** A mass action as the graph shows it. */
export function massActionModel(entity: MassActionEntity): MassActionModel {
  return { ...entity, action: entity.action as MassActionKindModel };
}
