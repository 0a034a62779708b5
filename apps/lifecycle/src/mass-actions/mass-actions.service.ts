import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { assertActsOnIdentities, type Actor } from '@nhi/auth';
import { timeOrderedUuid } from '@nhi/contracts';
import { reasonText } from '@nhi/graphql';
import { OutboxService } from '@nhi/messaging';
import { RevocationService } from '../revocation/revocation.service';
import { RotationService } from '../rotation/rotation.service';
import type { IdentitySelectionInput } from './identity-selection.input';
import { MassActionLedger } from '../requests/mass-action-ledger';
import { MassActionEntity, type MassActionKind } from '../requests/mass-action.entity';
import { criteriaOf, selectForMassAction } from './mass-selection';

const VERB: Record<MassActionKind, string> = { ROTATION: 'rotated', REVOCATION: 'revoked' };

/**
 * Mass rotations and revocations: one mutation selects up to 100,000
 * identities and asks for all of them in one transaction, set-based. Held
 * identities (an approved exception of the control in force) are listed, not
 * asked for; those already revoked or with an attempt in progress are
 * skipped. A security-admin may select anything; an owner only a selection
 * wholly inside what they own.
 */
@Injectable()
export class MassActions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rotations: RotationService,
    private readonly revocations: RevocationService,
    private readonly ledger: MassActionLedger,
    private readonly outbox: OutboxService,
  ) {}

  async request(
    action: MassActionKind,
    selection: IdentitySelectionInput,
    reason: string,
    actor: Actor,
    now = new Date(),
  ): Promise<MassActionEntity> {
    const why = reasonText(reason, 'reason', `say why these credentials must be ${VERB[action]}`);
    const criteria = criteriaOf(selection);
    return this.dataSource.transaction(async (manager) => {
      const { selected, notFound } = await selectForMassAction(manager, action, criteria, now);
      assertActsOnIdentities(
        actor,
        selected.map(({ identity }) => ({ identityId: identity.identityId, ownerPath: identity.ownerPath ?? [] })),
        `request a mass ${action.toLowerCase()}`,
      );
      const held = selected.filter((one) => one.held).map((one) => one.identity.identityId);
      const asked = selected.filter((one) => !one.held && !one.skipped).map((one) => one.identity);
      const massAction = manager.getRepository(MassActionEntity).create({
        id: timeOrderedUuid(),
        action,
        selection: criteria.stored,
        reason: why,
        requestedBy: actor.sub,
        startedAt: now,
        selected: selected.length,
        requested: asked.length,
        held: held.length,
        skipped: selected.length - asked.length - held.length,
        notFound,
        finishedAt: null,
      });
      await manager.getRepository(MassActionEntity).insert(massAction);
      if (held.length > 0) {
        await manager.query('INSERT INTO mass_action_held (mass_action_id, identity_id) SELECT $1, unnest($2::uuid[])', [
          massAction.id,
          held,
        ]);
      }
      const services = action === 'ROTATION' ? this.rotations : this.revocations;
      await services.startMany(manager, asked, `mass ${action.toLowerCase()} by ${actor.sub}: ${why}`.slice(0, 1000), massAction.id, now);
      await this.announce(manager, massAction);
      // Nothing asked for (all held or skipped): it is over as it starts.
      if (asked.length === 0) {
        await this.ledger.finishIfDone(manager, action, [massAction.id], now);
        massAction.finishedAt = now;
      }
      return massAction;
    });
  }

  /** A mass action by its id, or null. */
  byId(id: string): Promise<MassActionEntity | null> {
    return this.dataSource.getRepository(MassActionEntity).findOne({ where: { id } });
  }

  private async announce(manager: EntityManager, massAction: MassActionEntity): Promise<void> {
    await this.outbox.enqueue(manager, {
      type: 'nhi.mass-action.started',
      subject: massAction.id,
      data: {
        massActionId: massAction.id,
        action: massAction.action,
        selection: massAction.selection,
        reason: massAction.reason,
        requestedBy: massAction.requestedBy.slice(0, 200),
        startedAt: massAction.startedAt.toISOString(),
        selected: massAction.selected,
        requested: massAction.requested,
        held: massAction.held,
        skipped: massAction.skipped,
      },
    });
  }
}
