import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@nhi/auth';
import { suspendedSql } from '../suspensions/suspensions';
import { timeOrderedUuid } from '@nhi/contracts';
import { badInput, reasonText } from '@nhi/graphql';
import { UUID } from '../mass-actions/mass-selection';
import type { RevocationSelectorInput } from './dto/revocation-selector.input';
import { RevocationService } from './revocation.service';

const SKIPPED = ['REVOKED', 'REVOKING'];

/** Plans and requests the revocation of every identity of an owner, a system or a provider. */
@Injectable()
export class BulkRevocation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly revocations: RevocationService,
  ) {}

  async plan(selector: RevocationSelectorInput): Promise<{ toRevoke: string[]; skipped: number }> {
    return this.select(this.dataSource.manager, selector, false);
  }

  /**
   * Plans and keeps the plan: a mass action given its id (IdentitySelection.revocationPlanId)
   * acts on exactly these identities, whatever the selector would match later.
   */
  async save(
    selector: RevocationSelectorInput,
    actor: Actor,
    now = new Date(),
  ): Promise<{ id: string; plannedAt: Date; toRevoke: string[]; skipped: number }> {
    const plan = await this.select(this.dataSource.manager, selector, false);
    const id = timeOrderedUuid();
    await this.dataSource.query(
      `INSERT INTO revocation_plans (id, selector, identity_ids, skipped, planned_by, planned_at) VALUES ($1, $2, $3::uuid[], $4, $5, $6)`,
      [
        id,
        JSON.stringify({ ownerId: selector.ownerId ?? null, system: selector.system ?? null, provider: selector.provider ?? null }),
        plan.toRevoke,
        plan.skipped,
        actor.sub,
        now,
      ],
    );
    return { id, plannedAt: now, ...plan };
  }

  /** A saved plan by its id, or null. */
  async saved(id: string): Promise<{ id: string; plannedAt: Date; toRevoke: string[]; skipped: number } | null> {
    if (!UUID.test(id)) return null;
    const [row] = (await this.dataSource.query('SELECT id, planned_at, identity_ids, skipped FROM revocation_plans WHERE id = $1', [
      id,
    ])) as Array<{ id: string; planned_at: Date; identity_ids: string[]; skipped: number }>;
    return row ? { id: row.id, plannedAt: row.planned_at, toRevoke: row.identity_ids, skipped: row.skipped } : null;
  }

  async request(
    selector: RevocationSelectorInput,
    reason: string,
    actor: Actor,
    now = new Date(),
  ): Promise<{ requested: number; skipped: number }> {
    const why = reasonText(reason, 'reason', 'say why these credentials must be revoked');
    return this.dataSource.transaction(async (manager) => {
      const { toRevoke, skipped } = await this.select(manager, selector, true);
      for (const identityId of toRevoke)
        await this.revocations.requestFromTrigger(manager, identityId, `bulk, by ${actor.sub}: ${why}`, now);
      return { requested: toRevoke.length, skipped };
    });
  }

  private async select(
    manager: EntityManager,
    selector: RevocationSelectorInput,
    lock: boolean,
  ): Promise<{ toRevoke: string[]; skipped: number }> {
    const system = selector.system?.trim() || null;
    const provider = selector.provider?.trim().toLowerCase() || null;
    if (!selector.ownerId && !system && !provider)
      throw badInput('give ownerId, system or provider: a bulk revocation never selects everything', 'selector');
    // Owner ids are UUIDs: anything else must not reach the uuid column as a cast error.
    if (selector.ownerId && !UUID.test(selector.ownerId)) throw badInput('ownerId is not an owner id (a UUID)', 'selector.ownerId');
    const rows: Array<{ identity_id: string; state: string; held: boolean }> = await manager.query(
      `SELECT l.identity_id, l.state, ${suspendedSql('REVOCATION', 'now()')} AS held FROM identity_lifecycle l
       WHERE ($1::uuid IS NULL OR l.owner_id = $1) AND ($2::text IS NULL OR lower(l.system) = lower($2)) AND ($3::text IS NULL OR l.provider = $3)
       ORDER BY l.identity_id ${lock ? 'FOR UPDATE OF l' : ''}`,
      [selector.ownerId ?? null, system, provider],
    );
    // Already on their way out, or kept by an approved REVOCATION exception.
    const toRevoke = rows.filter((r) => !SKIPPED.includes(r.state) && !r.held).map((r) => r.identity_id);
    return { toRevoke, skipped: rows.length - toRevoke.length };
  }
}
