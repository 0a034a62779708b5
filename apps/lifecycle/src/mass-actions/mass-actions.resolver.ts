import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Actor, CanRead, CurrentActor, OwnerOrSecurityAdmin } from '@nhi/auth';
import { badInput, decodeCursor, encodeCursor, pageOf, pageSize } from '@nhi/graphql';
import { IdentitySelectionInput } from './identity-selection.input';
import { MassActionLedger } from '../requests/mass-action-ledger';
import { MassActionEntity, REQUEST_TABLES } from '../requests/mass-action.entity';
import {
  MassActionModel,
  MassActionOutcomeConnectionModel,
  MassActionOutcomeModel,
  MassActionProgressModel,
  massActionModel,
} from './mass-action.model';
import { MassActions } from './mass-actions.service';
import { UUID } from './mass-selection';

@Resolver(() => MassActionModel)
export class MassActionsResolver {
  constructor(
    private readonly massActions: MassActions,
    private readonly ledger: MassActionLedger,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @OwnerOrSecurityAdmin('request a mass rotation')
  @Mutation(() => MassActionModel, {
    deprecationReason: 'Use rotationRequestsCreate(input:).',
    description:
      'Asks for the rotation of every identity the selection matches (up to 100,000), in one transaction. Identities under an ' +
      'approved ROTATION exception are held and listed; revoked ones and those already rotating are skipped. A security-admin ' +
      'may select anything, an owner only identities they own. Follow it with massAction(id).',
  })
  async requestRotations(
    @Args('selection', { description: 'Which identities: at least one criterion.' }) selection: IdentitySelectionInput,
    @Args('reason', { description: 'Why: required, at most 1,000 characters, kept with the mass action and each request.' }) reason: string,
    @CurrentActor() actor: Actor,
  ): Promise<MassActionModel> {
    return massActionModel(await this.massActions.request('ROTATION', selection, reason, actor));
  }

  @OwnerOrSecurityAdmin('request a mass revocation')
  @Mutation(() => MassActionModel, {
    deprecationReason: 'Use revocationRequestsCreate(input:).',
    description:
      'Asks for the revocation of every identity the selection matches (up to 100,000), in one transaction; as requestRotations, ' +
      'with approved REVOCATION exceptions holding identities back.',
  })
  async requestRevocations(
    @Args('selection', { description: 'Which identities: at least one criterion.' }) selection: IdentitySelectionInput,
    @Args('reason', { description: 'Why: required, at most 1,000 characters, kept with the mass action and each request.' }) reason: string,
    @CurrentActor() actor: Actor,
  ): Promise<MassActionModel> {
    return massActionModel(await this.massActions.request('REVOCATION', selection, reason, actor));
  }

  @CanRead()
  @Query(() => MassActionModel, { nullable: true, description: 'A mass rotation or revocation, with its progress.' })
  async massAction(@Args('id', { type: () => ID, description: "The mass action's id." }) id: string): Promise<MassActionModel | null> {
    if (!UUID.test(id)) throw badInput('id is not a mass action id (a UUID)', 'id');
    const found = await this.dataSource.getRepository(MassActionEntity).findOne({ where: { id: id.toLowerCase() } });
    return found ? massActionModel(found) : null;
  }

  @CanRead()
  @ResolveField(() => MassActionProgressModel, {
    description:
      'How its requests stand now: how many were requested, published, answered, completed, failed, timed out, in progress and held.',
  })
  async progress(@Parent() massAction: MassActionModel): Promise<MassActionProgressModel> {
    return { ...(await this.ledger.tally(this.dataSource.manager, massAction.action, massAction.id)), held: massAction.held };
  }

  @CanRead()
  @ResolveField(() => [ID], { description: 'The identities an approved exception held back, by id.' })
  async heldIdentities(
    @Parent() massAction: MassActionModel,
    @Args('first', { type: () => Int, nullable: true, description: 'How many, 1 to 500; null for 50.' }) first: number | null,
  ): Promise<string[]> {
    const rows: Array<{ identity_id: string }> = await this.dataSource.query(
      'SELECT identity_id FROM mass_action_held WHERE mass_action_id = $1 ORDER BY identity_id LIMIT $2',
      [massAction.id, pageSize(first)],
    );
    return rows.map((row) => row.identity_id);
  }

  @CanRead()
  @ResolveField(() => MassActionOutcomeConnectionModel, { description: "Each identity's latest attempt, by identity id." })
  async outcomes(
    @Parent() massAction: MassActionModel,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500; null for 50.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's endCursor; null for the first page." })
    after: string | null,
  ): Promise<MassActionOutcomeConnectionModel> {
    const size = pageSize(first);
    const from = after ? decodeCursor(after).id : null;
    const rows: MassActionOutcomeModel[] = await this.dataSource.query(
      `SELECT DISTINCT ON (r.identity_id) r.identity_id AS "identityId", r.id AS "requestId", r.status, r.attempt, r.error,
         r.completed_at AS "completedAt", CASE WHEN r.retried_at IS NULL THEN r.next_attempt_at END AS "nextAttemptAt"
       FROM ${REQUEST_TABLES[massAction.action]} r
       WHERE r.mass_action_id = $1 AND ($2::uuid IS NULL OR r.identity_id > $2)
       ORDER BY r.identity_id, r.attempt DESC LIMIT $3`,
      [massAction.id, from, size + 1],
    );
    return pageOf(rows, size, after, (row) => encodeCursor(0, row.identityId));
  }
}
