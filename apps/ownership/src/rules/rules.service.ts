import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '@nhi/auth';
import { timeOrderedUuid } from '@nhi/contracts';
import { badInput, conflict, notFound } from '@nhi/graphql';
import { OwnerEntity } from '../owner-data/owner.entity';
import { cleanText } from '../owner-data/owner-text';
import { AssignmentService } from '../assignment/assignment.service';
import { IdentityOwnershipEntity } from '../identity-data/identity-ownership.entity';
import type { OwnershipRuleInput } from './dto/ownership-rule.input';
import { OwnershipRuleEntity } from './ownership-rule.entity';
import { OwnershipSuggestionEntity } from './ownership-suggestion.entity';
import { criteriaCount, globToRegExp, matches, RuleCriteria, type RuleSubject } from './rule-criteria';
import { type RuleBook, usableRules } from './rule-book';

/** Suggestions of a rule with more criteria are surer: 0.65 for one, up to 0.95. */
const defaultConfidence = (criteria: RuleCriteria) => Math.min(0.5 + 0.15 * criteriaCount(criteria), 0.95);

/**
 * Ownership rules, run on every new or changed identity. An identity without a
 * PRIMARY owner gets one when the matching auto-assign rules all name the same
 * active owner; when they disagree, or a rule only suggests, each named owner
 * becomes a suggestion for a person to decide. An owned identity is never
 * reassigned by a rule: a rule naming someone else leaves a suggestion.
 */
@Injectable()
export class RulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
  ) {}

  async create(input: OwnershipRuleInput, actor: Actor, now = new Date()): Promise<OwnershipRuleEntity> {
    const name = cleanText(input.name);
    if (!name) throw badInput('name is required', 'name');
    const criteria = this.criteriaOf(input);
    if (criteriaCount(criteria) === 0) {
      throw badInput('a rule needs at least one criterion: provider, system, businessUnit, tags, namePattern or account');
    }
    const confidence = input.confidence ?? defaultConfidence(criteria);
    if (!(confidence > 0 && confidence <= 1)) throw badInput('confidence must be above 0 and at most 1', 'confidence');
    return this.dataSource.transaction(async (manager) => {
      const owner = await manager.getRepository(OwnerEntity).findOne({ where: { id: input.ownerId } });
      if (!owner) throw notFound('no owner has this ownerId', 'ownerId');
      if (!owner.active) throw badInput('this owner is inactive; a rule must name an active owner', 'ownerId');
      const rule = manager.getRepository(OwnershipRuleEntity).create({
        id: timeOrderedUuid(),
        name,
        ownerId: owner.id,
        mode: input.mode,
        criteria,
        confidence,
        enabled: true,
        createdBy: actor.sub,
        createdAt: now,
      });
      await manager.getRepository(OwnershipRuleEntity).save(rule);
      // The rule applies to identities already waiting for an owner, not only to the next ones.
      const waiting = await manager
        .getRepository(IdentityOwnershipEntity)
        .createQueryBuilder('o')
        .where("o.owner_id IS NULL AND o.identity_status <> 'DECOMMISSIONED'")
        .orderBy('o.identity_id')
        .setLock('pessimistic_write')
        .getMany();
      for (const row of waiting.filter((candidate) => matches(criteria, candidate))) await this.evaluate(manager, row, now);
      return rule;
    });
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(OwnershipRuleEntity).update({ id, enabled: true }, { enabled: false });
    if (!result.affected) throw notFound('no enabled ownership rule has this id', 'id');
    return true;
  }

  list(): Promise<OwnershipRuleEntity[]> {
    return this.dataSource.getRepository(OwnershipRuleEntity).find({ where: { enabled: true }, order: { createdAt: 'ASC' } });
  }

  rulesByIds(ids: readonly string[]): Promise<OwnershipRuleEntity[]> {
    return this.dataSource.getRepository(OwnershipRuleEntity).find({ where: { id: In([...ids]) } });
  }

  /**
   * The enabled rules, oldest first, and the active owners they name. Given a
   * subject, only the owners of the rules that match it are read (none when no
   * rule does): the book then serves that subject only.
   */
  async ruleBook(manager: EntityManager, subject?: RuleSubject): Promise<RuleBook> {
    const rules = await manager.getRepository(OwnershipRuleEntity).find({ where: { enabled: true }, order: { createdAt: 'ASC' } });
    const named = [...new Set((subject ? rules.filter((rule) => matches(rule.criteria, subject)) : rules).map((rule) => rule.ownerId))];
    const owners = named.length > 0 ? await manager.getRepository(OwnerEntity).find({ where: { id: In(named), active: true } }) : [];
    return { rules, activeOwners: new Map(owners.map((owner) => [owner.id, owner])) };
  }

  /**
   * Runs the rules for one identity, in the caller's transaction (the identity's row is locked or fresh).
   * suggestOnly never assigns; exclude leaves one owner out (who just declined the identity); book is the
   * rules read once for many identities, else they are read for this one.
   */
  async evaluate(
    manager: EntityManager,
    row: IdentityOwnershipEntity,
    at: Date,
    options: { suggestOnly?: boolean; exclude?: string; book?: RuleBook } = {},
  ): Promise<void> {
    if (row.identityStatus === 'DECOMMISSIONED') return;
    const book = options.book ?? (await this.ruleBook(manager, row));
    const usable = usableRules(book, row, options.exclude);
    if (usable.length === 0) return;
    const active = book.activeOwners;

    const auto = usable.filter((rule) => rule.mode === 'AUTO_ASSIGN');
    const autoOwners = new Set(auto.map((rule) => rule.ownerId));
    const [onlyRule] = auto;
    if (!row.ownerId && !options.suggestOnly && autoOwners.size === 1 && onlyRule) {
      const owner = active.get(onlyRule.ownerId);
      if (owner) {
        const reason = `rule "${onlyRule.name}" matched`;
        await this.assignments.assign(manager, row, owner, 'PRIMARY', 'RULE', { actor: `rule:${onlyRule.id}`, reason, at });
        return;
      }
    }
    const conflict = autoOwners.size > 1;
    const named = (rule: OwnershipRuleEntity) => `"${rule.name}" (${active.get(rule.ownerId)?.externalRef ?? rule.ownerId})`;
    for (const rule of usable) {
      const reason = row.ownerId
        ? `rule "${rule.name}" names another owner than the current one`
        : conflict && rule.mode === 'AUTO_ASSIGN'
          ? `rules disagree, so none assigned: ${auto.map(named).join(', ')}`
          : `rule "${rule.name}" suggests this owner`;
      await this.suggest(manager, row.identityId, rule.ownerId, rule.id, rule.confidence, reason, at);
    }
  }

  /** Leaves a suggestion, unless one is already open for this identity and owner, or this rule's was rejected. */
  async suggest(
    manager: EntityManager,
    identityId: string,
    ownerId: string,
    ruleId: string | null,
    confidence: number,
    reason: string,
    at: Date,
  ): Promise<void> {
    if (ruleId) {
      const rejected = await manager
        .getRepository(OwnershipSuggestionEntity)
        .count({ where: { identityId, ownerId, ruleId, status: 'REJECTED' } });
      if (rejected > 0) return;
    }
    await manager.query(
      `INSERT INTO ownership_suggestions (id, identity_id, owner_id, rule_id, confidence, reason, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', $7)
       ON CONFLICT (identity_id, owner_id) WHERE status = 'PENDING' DO NOTHING`,
      [timeOrderedUuid(), identityId, ownerId, ruleId, confidence, reason, at],
    );
  }

  suggestionsFor(identityId: string): Promise<OwnershipSuggestionEntity[]> {
    return this.dataSource
      .getRepository(OwnershipSuggestionEntity)
      .find({ where: { identityId }, order: { status: 'ASC', confidence: 'DESC', createdAt: 'ASC' } });
  }

  /** Accepting makes the suggested owner the PRIMARY owner (replacing one the identity may have) and closes the other open suggestions. */
  async accept(id: string, actor: Actor, now = new Date()): Promise<OwnershipSuggestionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const suggestion = await this.lockPending(manager, id);
      const row = await manager
        .getRepository(IdentityOwnershipEntity)
        .findOne({ where: { identityId: suggestion.identityId }, lock: { mode: 'pessimistic_write' } });
      const owner = await manager.getRepository(OwnerEntity).findOne({ where: { id: suggestion.ownerId } });
      if (!row || !owner) throw notFound('the identity or owner of this suggestion no longer exists', 'id');
      if (!owner.active) throw conflict('the suggested owner has left since; reject this suggestion', 'id');
      if (row.identityStatus === 'DECOMMISSIONED') throw conflict('the identity is decommissioned; it takes no owners', 'id');
      if (row.ownerId !== owner.id) {
        await this.assignments.assign(manager, row, owner, 'PRIMARY', 'SUGGESTION', {
          actor: actor.sub,
          reason: suggestion.reason,
          at: now,
        });
      }
      Object.assign(suggestion, { status: 'ACCEPTED', decidedBy: actor.sub, decidedAt: now });
      await manager.getRepository(OwnershipSuggestionEntity).save(suggestion);
      await manager.query(
        `UPDATE ownership_suggestions SET status = 'REJECTED', decided_by = $2, decided_at = $3
         WHERE identity_id = $1 AND status = 'PENDING'`,
        [row.identityId, actor.sub, now],
      );
      return suggestion;
    });
  }

  async reject(id: string, actor: Actor, now = new Date()): Promise<OwnershipSuggestionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const suggestion = await this.lockPending(manager, id);
      Object.assign(suggestion, { status: 'REJECTED', decidedBy: actor.sub, decidedAt: now });
      return manager.getRepository(OwnershipSuggestionEntity).save(suggestion);
    });
  }

  private async lockPending(manager: EntityManager, id: string): Promise<OwnershipSuggestionEntity> {
    const suggestion = await manager
      .getRepository(OwnershipSuggestionEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!suggestion) throw notFound('no ownership suggestion has this id', 'id');
    if (suggestion.status !== 'PENDING') {
      throw conflict(
        `this suggestion was already ${suggestion.status.toLowerCase()} by ${suggestion.decidedBy} at ${suggestion.decidedAt?.toISOString()}`,
        'id',
      );
    }
    return suggestion;
  }

  private criteriaOf(input: OwnershipRuleInput): RuleCriteria {
    const tags = Object.fromEntries(
      (input.tags ?? []).map((tag) => [tag.key.trim().toLowerCase(), tag.value.trim()]).filter(([key]) => key),
    );
    const namePattern = cleanText(input.namePattern);
    if (namePattern) globToRegExp(namePattern);
    return {
      provider: cleanText(input.provider)?.toLowerCase() ?? null,
      system: cleanText(input.system),
      businessUnit: cleanText(input.businessUnit),
      tags,
      namePattern,
      account: cleanText(input.account)?.toLowerCase() ?? null,
    };
  }
}
