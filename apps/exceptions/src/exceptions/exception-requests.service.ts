import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { assertActsOnIdentities, mayActOn, type Actor } from '@nhi/auth';
import { timeOrderedUuid } from '@nhi/contracts';
import { badInput } from '@nhi/graphql';
import { EXCEPTIONS_CONFIG, ExceptionsConfig } from '../exceptions-config';
import { KnownIdentityEntity } from '../known-identities/known-identity.entity';
import type {
  BulkExceptionRequestInput,
  ExceptionRequestInput,
  ExceptionSelectorInput,
  ExceptionTermsInput,
} from './dto/exception-request.input';
import { OPEN_STATUSES } from './exception-enums';
import { ExceptionJournal } from './exception-journal';
import { validateTerms } from './exception-validation';
import { PolicyExceptionEntity } from './policy-exception.entity';

/** At most this many identities in one request for a selection. */
export const MAX_SELECTION = 5_000;

export interface SkippedIdentity {
  identityId: string;
  reason: string;
}

export interface ExceptionGroup {
  groupId: string | null;
  exceptions: PolicyExceptionEntity[];
  skipped: SkippedIdentity[];
}

/** Requests: for one identity, as a renewal, or for a selection (linked exceptions that are decided together). */
@Injectable()
export class ExceptionRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EXCEPTIONS_CONFIG) private readonly config: ExceptionsConfig,
    private readonly journal: ExceptionJournal,
  ) {}

  async request(input: ExceptionRequestInput, actor: Actor, now = new Date()): Promise<PolicyExceptionEntity> {
    const terms = validateTerms(input, this.config.EXCEPTION_MAX_DAYS, now);
    return this.dataSource.transaction(async (manager) => {
      const [identity] = await this.lockIdentities(manager, [input.identityId]);
      if (!identity) {
        throw badInput("the identity is not known to exceptions; identities arrive from inventory's events", 'identityId');
      }
      assertActsOnIdentities(actor, [identity], 'request an exception');
      const refusal = await this.refusal(manager, input.identityId, input, input.renewsId ?? null);
      if (refusal) throw badInput(refusal.message, refusal.field);
      return this.create(manager, input, terms, actor, now, { groupId: null, renewsId: input.renewsId ?? null }, input.identityId);
    });
  }

  /**
   * Linked exceptions for every identity the selector matches. Identities that
   * cannot have one (an exception already open) are reported, not fatal: the
   * rest are created.
   */
  async requestForSelection(input: BulkExceptionRequestInput, actor: Actor, now = new Date()): Promise<ExceptionGroup> {
    const terms = validateTerms(input, this.config.EXCEPTION_MAX_DAYS, now);
    return this.dataSource.transaction(async (manager) => {
      const selected = await this.select(manager, input.selector);
      // An owner's selection covers only what it owns; the rest is listed as skipped, and a selection of nothing it owns is refused.
      const identities = selected.filter((identity) => mayActOn(actor, identity));
      if (identities.length === 0) assertActsOnIdentities(actor, selected, 'request exceptions');
      const groupId = timeOrderedUuid();
      const exceptions: PolicyExceptionEntity[] = [];
      const skipped: SkippedIdentity[] = selected
        .filter((identity) => !identities.includes(identity))
        .map((identity) => ({ identityId: identity.identityId, reason: `${actor.sub} does not own this identity` }));
      for (const identity of identities) {
        const refusal = await this.refusal(manager, identity.identityId, input, null);
        if (refusal) {
          skipped.push({ identityId: identity.identityId, reason: refusal.message });
          continue;
        }
        exceptions.push(await this.create(manager, input, terms, actor, now, { groupId, renewsId: null }, identity.identityId));
      }
      for (const identityId of input.selector.identityIds ?? []) {
        if (!selected.some((identity) => identity.identityId === identityId)) {
          skipped.push({ identityId, reason: 'the identity is not known to exceptions, or does not match the other criteria' });
        }
      }
      return { groupId: exceptions.length ? groupId : null, exceptions, skipped };
    });
  }

  private async select(manager: EntityManager, selector: ExceptionSelectorInput): Promise<KnownIdentityEntity[]> {
    const system = selector.system?.trim() || null;
    const ids = selector.identityIds ?? null;
    if (!system && !selector.ownerId && !ids?.length) {
      throw badInput('selector needs at least one of system, ownerId or identityIds', 'selector');
    }
    if (ids && ids.length > MAX_SELECTION) {
      throw badInput(`selector.identityIds has ${ids.length} ids; at most ${MAX_SELECTION} per request`, 'selector.identityIds');
    }
    const query = manager
      .getRepository(KnownIdentityEntity)
      .createQueryBuilder('k')
      .orderBy('k.identity_id')
      .limit(MAX_SELECTION + 1)
      .setLock('pessimistic_write');
    if (system) query.andWhere('k.system = :system', { system });
    if (selector.ownerId) query.andWhere('k.owner_id = :owner', { owner: selector.ownerId });
    if (ids?.length) query.andWhere('k.identity_id IN (:...ids)', { ids });
    const identities = await query.getMany();
    if (identities.length > MAX_SELECTION) {
      throw badInput(`the selector matches more than ${MAX_SELECTION} identities; narrow it (add system or ownerId)`, 'selector');
    }
    if (!identities.length) throw badInput('the selector matches no identity known to exceptions', 'selector');
    return identities;
  }

  private lockIdentities(manager: EntityManager, identityIds: string[]): Promise<KnownIdentityEntity[]> {
    return manager.getRepository(KnownIdentityEntity).find({ where: { identityId: In(identityIds) }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Why this identity cannot have this exception now, if it cannot: one open
   * exception per identity and control; a renewal must follow the exception it
   * renews, and only one renewal waits at a time. The identity row is locked,
   * so two requests cannot both pass.
   */
  private async refusal(
    manager: EntityManager,
    identityId: string,
    terms: Pick<ExceptionTermsInput, 'control'>,
    renewsId: string | null,
  ): Promise<{ message: string; field: string } | null> {
    const open = await manager.getRepository(PolicyExceptionEntity).find({
      where: { identityId, control: terms.control, status: In([...OPEN_STATUSES]) },
      order: { expiresAt: 'DESC' },
    });
    if (!renewsId) {
      const [current] = open;
      if (!current) return null;
      return {
        message:
          `the identity already has an open exception of this control (${current.id}, ${current.status}, ` +
          `expires ${current.expiresAt.toISOString()}); only one is open per identity and control` +
          (current.status === 'APPROVED' ? ', so ask for a renewal with renewsId' : ''),
        field: 'control',
      };
    }
    const renewed = await manager.getRepository(PolicyExceptionEntity).findOne({ where: { id: renewsId } });
    if (!renewed || renewed.identityId !== identityId || renewed.control !== terms.control) {
      return { message: 'renewsId names no exception of this identity and control', field: 'renewsId' };
    }
    if (renewed.status !== 'APPROVED' && renewed.status !== 'EXPIRED') {
      return {
        message: `the exception renewsId names is ${renewed.status}; only an APPROVED or EXPIRED exception can be renewed`,
        field: 'renewsId',
      };
    }
    const other = open.find((exception) => exception.id !== renewsId);
    if (other) {
      return {
        message: `the identity already has a newer open exception of this control (${other.id}, ${other.status}); renew that one`,
        field: 'renewsId',
      };
    }
    return null;
  }

  private async create(
    manager: EntityManager,
    input: ExceptionTermsInput,
    terms: { justification: string; compensatingControls: string[] },
    actor: Actor,
    now: Date,
    links: { groupId: string | null; renewsId: string | null },
    identityId: string,
  ): Promise<PolicyExceptionEntity> {
    const exception = manager.getRepository(PolicyExceptionEntity).create({
      id: timeOrderedUuid(),
      identityId,
      control: input.control,
      justification: terms.justification,
      compensatingControls: terms.compensatingControls,
      riskRating: input.riskRating ?? null,
      status: 'REQUESTED',
      requestedBy: actor.sub,
      requestedAt: now,
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
      expiresAt: input.expiresAt,
      nextReminderAt: null,
      ...links,
    });
    await manager.getRepository(PolicyExceptionEntity).insert(exception);
    await this.journal.record(
      manager,
      exception,
      { action: 'REQUESTED', actor: actor.sub, note: null, at: now },
      {
        justification: exception.justification,
        compensatingControls: exception.compensatingControls,
        riskRating: exception.riskRating,
        renewsId: exception.renewsId,
      },
    );
    return exception;
  }
}
