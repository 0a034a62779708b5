import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoModel } from '@nhi/graphql';
import { RequestStatus } from '../requests/request-status';
import type { MassActionEntity } from '../requests/mass-action.entity';

export enum MassActionKindModel {
  ROTATION = 'ROTATION',
  REVOCATION = 'REVOCATION',
}
registerEnumType(MassActionKindModel, {
  name: 'MassActionKind',
  description: 'What a mass action asks for each identity.',
  valuesMap: { ROTATION: { description: 'Rotate its credential.' }, REVOCATION: { description: 'Revoke its credential.' } },
});

@ObjectType('MassActionSelection', { description: 'What a mass action selected by, as given; named identities are counted, not listed.' })
export class MassActionSelectionModel {
  @Field(() => Int, {
    nullable: true,
    description: 'How many distinct identities selection.identityIds named; null when it was not given.',
  })
  identitiesNamed?: number;

  @Field(() => String, { nullable: true, description: 'The system selected by; null when not used.' })
  system?: string;

  @Field(() => ID, { nullable: true, description: 'The PRIMARY owner selected by; null when not used.' })
  ownerId?: string;

  @Field(() => String, { nullable: true, description: 'The provider selected by, lower case; null when not used.' })
  provider?: string;

  @Field(() => String, { nullable: true, description: 'The credential fingerprint selected by, normalised; null when not used.' })
  credentialFingerprint?: string;

  @Field(() => String, { nullable: true, description: 'The ingest source selected by; null when not used.' })
  source?: string;

  @Field(() => String, { nullable: true, description: 'The OWASP NHI category (NHI1 to NHI10) selected by; null when not used.' })
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

  @Field(() => Int, { description: 'Whose latest attempt COMPLETED.' })
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
  @Field(() => ID, { description: 'The identity.' })
  identityId!: string;

  @Field(() => ID, { description: 'Its latest attempt: a RotationRequest or RevocationRequest id.' })
  requestId!: string;

  @Field(() => RequestStatus, { description: 'Where that attempt is.' })
  status!: RequestStatus;

  @Field(() => Int, { description: 'Which attempt it is, from 1.' })
  attempt!: number;

  @Field(() => String, { nullable: true, description: 'Why it failed or timed out; null otherwise.' })
  error!: string | null;

  @Field(() => Date, { nullable: true, description: 'When that attempt ended; null while REQUESTED.' })
  completedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a retry is due, after a failure or time-out.' })
  nextAttemptAt!: Date | null;
}

@ObjectType('MassActionOutcomeEdge', { description: "One identity's outcome in a page, with its cursor." })
export class MassActionOutcomeEdgeModel {
  @Field(() => MassActionOutcomeModel, { description: 'The outcome.' })
  node!: MassActionOutcomeModel;

  @Field({ description: 'Pass as `after` to get the outcomes that follow this one.' })
  cursor!: string;
}

@ObjectType('MassActionOutcomeConnection', { description: 'Per-identity outcomes, by identity id.' })
export class MassActionOutcomeConnectionModel {
  @Field(() => [MassActionOutcomeEdgeModel], { description: 'The outcomes on this page, by identity id.' })
  edges!: MassActionOutcomeEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether more pages follow, and the cursors to reach them.' })
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
