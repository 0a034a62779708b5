import { GraphQLError } from 'graphql';
import { EntityManager, In, Repository } from 'typeorm';
import type { Actor } from '@nhi/auth';
import { timeOrderedUuid } from '@nhi/contracts';
import { OwnerEntity } from '../owner-data/owner.entity';
import { cleanText } from '../owner-data/owner-text';
import type { DeactivationResult, OwnersService } from '../owners/owners.service';
import { Entry, validEntries } from './directory-entries';
import type { DirectorySyncReportModel } from './directory-sync-report.model';
import type { DirectorySyncInput } from './dto/directory-sync.input';

/** What one sync is asked to apply, for whom and when. */
export interface DirectorySyncRequest {
  /** The directory's name, cleaned and lower-cased. */
  directory: string;
  input: DirectorySyncInput;
  actor: Actor;
  now: Date;
  /** DIRECTORY_SYNC_MAX_REMOVAL_SHARE. */
  maxRemovalShare: number;
}

const fields = (o: OwnerEntity) => JSON.stringify([o.kind, o.name, o.email, o.businessUnit, o.parentId, o.directory]);

/**
 * One directory sync inside its transaction: the state its passes share, and
 * one method per pass. Owners first, then the hierarchy (a parent may come
 * later in the list), then who leaves.
 */
export class DirectorySyncRun {
  private readonly report: DirectorySyncReportModel;
  private readonly entries: Entry[];
  private readonly repo: Repository<OwnerEntity>;
  /** Entries not applied at all; one whose parent could not be set is applied otherwise, and reported. */
  private readonly skipped = new Set<number>();
  /** Listed owners that existed before this sync, by id, as they were: what tells an update from no change. */
  private readonly before = new Map<string, string>();

  private constructor(
    private readonly manager: EntityManager,
    private readonly owners: OwnersService,
    private readonly request: DirectorySyncRequest,
    /** How many owners from this directory were active before the sync. */
    private readonly activeBefore: number,
    /** Active owners this directory listed before and omits now. */
    private readonly leavers: readonly OwnerEntity[],
    /** Listed owners by reference: those found at the start, then those this sync creates. */
    private readonly byRef: Map<string, OwnerEntity>,
  ) {
    this.report = {
      directory: request.directory,
      dryRun: request.input.dryRun,
      created: 0,
      updated: 0,
      unchanged: 0,
      reactivated: 0,
      deactivated: 0,
      merged: 0,
      identitiesMoved: 0,
      identitiesOrphaned: 0,
      rejected: [],
    };
    this.entries = validEntries(request.input.entries, this.report.rejected);
    this.repo = manager.getRepository(OwnerEntity);
  }

  /** Reads what the directory listed before and the listed owners that exist already. */
  static async open(manager: EntityManager, owners: OwnersService, request: DirectorySyncRequest): Promise<DirectorySyncRun> {
    const repo = manager.getRepository(OwnerEntity);
    // Whoever this directory listed before, locked so two syncs of one directory apply one after the other.
    const known = await repo.find({ where: { directory: request.directory }, lock: { mode: 'pessimistic_write' } });
    const refs = request.input.entries.map((e) => cleanText(e.externalRef)).filter((ref): ref is string => Boolean(ref));
    const listedRefs = new Set(refs);
    const listed = await repo.find({ where: { externalRef: In([...listedRefs]) } });
    const active = known.filter((o) => o.active);
    const leavers = active.filter((o) => !listedRefs.has(o.externalRef));
    return new DirectorySyncRun(manager, owners, request, active.length, leavers, new Map(listed.map((o) => [o.externalRef, o])));
  }

  async apply(): Promise<DirectorySyncReportModel> {
    this.refuseMassRemoval();
    await this.upsertOwners();
    await this.placeInHierarchy();
    await this.saveOwners();
    await this.mergeTeams();
    await this.deactivateListedInactive();
    await this.deactivateLeavers();
    return this.report;
  }

  /** Refuses, before anything changes, a list that would remove more than the allowed share of the directory's owners. */
  private refuseMassRemoval(): void {
    const { directory, input, maxRemovalShare } = this.request;
    const listedLeaving = this.entries.filter((e) => {
      const owner = this.byRef.get(e.externalRef);
      return owner?.active && owner.directory === directory && (!e.input.active || e.input.mergedInto);
    });
    const leaving = this.leavers.length + listedLeaving.length;
    const share = this.activeBefore === 0 ? 0 : leaving / this.activeBefore;
    if (input.force || share <= maxRemovalShare) return;
    throw new GraphQLError(
      `this sync would deactivate ${leaving} of the ${this.activeBefore} active owners from ${directory} (${Math.round(share * 100)}%), ` +
        `more than DIRECTORY_SYNC_MAX_REMOVAL_SHARE (${Math.round(maxRemovalShare * 100)}%). ` +
        'Nothing was changed: check that the list is complete, or pass force: true',
      { extensions: { code: 'BAD_USER_INPUT', field: 'entries' } },
    );
  }

  /** Creates or updates each listed owner; one whose kind would change is rejected and skipped. */
  private async upsertOwners(): Promise<void> {
    for (const entry of this.entries) {
      if (!(await this.upsert(entry))) this.skipped.add(entry.index);
    }
  }

  /** Sets each applied entry's team, now that every listed owner exists. */
  private async placeInHierarchy(): Promise<void> {
    for (const entry of this.entries) if (!this.skipped.has(entry.index)) await this.placeUnderParent(entry);
  }

  /** Counts each applied entry as created, updated or unchanged, saves what changed, and brings back an owner listed as active again. */
  private async saveOwners(): Promise<void> {
    const { now } = this.request;
    for (const entry of this.entries) {
      const owner = this.byRef.get(entry.externalRef);
      if (!owner || this.skipped.has(entry.index)) continue;
      const changed = this.before.get(owner.id) !== fields(owner);
      if (this.before.get(owner.id) === undefined) this.report.created += 1;
      else if (changed) this.report.updated += 1;
      else this.report.unchanged += 1;
      if (changed) await this.repo.save(Object.assign(owner, { updatedAt: now }));
      if (entry.input.active && !entry.input.mergedInto && !owner.active) {
        Object.assign(owner, { active: true, deactivatedAt: null, deactivationReason: null, mergedIntoId: null, updatedAt: now });
        await this.repo.save(owner);
        this.report.reactivated += 1;
      }
    }
  }

  /** Hands each merged team's identities to the team that absorbed it; a merge into anything but another active team is rejected. */
  private async mergeTeams(): Promise<void> {
    const { directory, actor, now } = this.request;
    for (const entry of this.entries) {
      const owner = this.byRef.get(entry.externalRef);
      if (!owner?.active || !entry.input.mergedInto || this.skipped.has(entry.index)) continue;
      const targetRef = cleanText(entry.input.mergedInto) ?? '';
      const target = this.byRef.get(targetRef) ?? (await this.repo.findOne({ where: { externalRef: targetRef } }));
      if (!target?.active || target.kind !== 'TEAM' || target.id === owner.id) {
        this.report.rejected.push({
          index: entry.index,
          externalRef: entry.externalRef,
          reason: 'mergedInto names no active team; the team was kept',
        });
        this.skipped.add(entry.index);
        continue;
      }
      this.count(
        await this.owners.deactivateIn(this.manager, owner, `merged into ${target.name} (${directory})`, actor, now, 'TEAM_MERGED', target),
      );
      this.report.merged += 1;
    }
  }

  /** Deactivates the owners the directory lists as inactive. */
  private async deactivateListedInactive(): Promise<void> {
    for (const entry of this.entries) {
      const owner = this.byRef.get(entry.externalRef);
      if (owner?.active && !entry.input.active && !this.skipped.has(entry.index)) {
        await this.deactivate(owner, `inactive in ${this.request.directory}`);
      }
    }
  }

  /** Deactivates the owners the directory listed before and omits now. */
  private async deactivateLeavers(): Promise<void> {
    for (const owner of this.leavers) await this.deactivate(owner, `no longer listed by ${this.request.directory}`);
  }

  private async deactivate(owner: OwnerEntity, reason: string): Promise<void> {
    this.count(await this.owners.deactivateIn(this.manager, owner, reason, this.request.actor, this.request.now));
    this.report.deactivated += 1;
  }

  private count(result: DeactivationResult): void {
    this.report.identitiesMoved += result.moved;
    this.report.identitiesOrphaned += result.orphaned;
  }

  private async upsert(entry: Entry): Promise<boolean> {
    const { directory, now } = this.request;
    const existing = this.byRef.get(entry.externalRef);
    if (existing && existing.kind !== entry.input.kind) {
      this.report.rejected.push({
        index: entry.index,
        externalRef: entry.externalRef,
        reason: `is a ${existing.kind}; its kind cannot change`,
      });
      return false;
    }
    if (existing) this.before.set(existing.id, fields(existing));
    const owner =
      existing ??
      this.repo.create({
        id: timeOrderedUuid(),
        externalRef: entry.externalRef,
        active: true,
        deactivatedAt: null,
        deactivationReason: null,
        mergedIntoId: null,
        parentId: null,
      });
    Object.assign(owner, {
      kind: entry.input.kind,
      name: entry.name,
      email: entry.email,
      businessUnit: entry.businessUnit,
      directory,
      updatedAt: existing?.updatedAt ?? now,
    });
    await this.repo.save(owner);
    this.byRef.set(entry.externalRef, owner);
    return true;
  }

  private async placeUnderParent(entry: Entry): Promise<void> {
    const owner = this.byRef.get(entry.externalRef);
    if (!owner) return;
    const parentRef = cleanText(entry.input.parentRef);
    try {
      owner.parentId = parentRef ? (await this.owners.parentFor(this.manager, parentRef, owner)).id : null;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      this.report.rejected.push({
        index: entry.index,
        externalRef: entry.externalRef,
        reason: `${error.message}; the rest of the entry was applied, its team left as it was`,
      });
    }
  }
}
