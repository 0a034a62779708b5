import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { EventBatchHandler, EventHandler } from '../consumer/event-handler.decorator';
import { AppliedEventEntity } from './applied-event.entity';

type Registered = ReceivedEvent<'nhi.identity.discovered'>;
type Updated = ReceivedEvent<'nhi.identity.updated'>;

/** Lets a test hold a handler mid-transaction and see that it got there. */
export class Hold {
  readonly entered: Promise<void>;
  readonly released: Promise<void>;
  private markEntered: () => void = () => undefined;
  release: () => void = () => undefined;

  constructor() {
    this.entered = new Promise((resolve) => (this.markEntered = resolve));
    this.released = new Promise((resolve) => (this.release = resolve));
  }

  async pass(): Promise<void> {
    this.markEntered();
    await this.released;
  }
}

/**
 * Two per-event handlers of registrations and a batch handler of updates,
 * scripted by the identity's name: `flaky-*` makes `audit` fail twice,
 * `poison-*` makes it always fail, `batch-poison-*` makes `fold` fail on any
 * run holding it, and a name given to hold() stops `project` until the test
 * releases it.
 */
@Injectable()
export class TestHandlers {
  private readonly calls = new Map<string, number>();
  private readonly holds = new Map<string, Hold>();
  /** Ids of the events `audit` has failed on, in order. */
  readonly failedOn: string[] = [];

  /** The event ids `fold` was handed, call by call. */
  readonly folds: string[][] = [];
  /** `project` and `fold` as they applied events: `handler:identity name`. */
  readonly order: string[] = [];

  callsOf(handler: 'project' | 'audit' | 'fold', eventId: string): number {
    return this.calls.get(`${handler}:${eventId}`) ?? 0;
  }

  hold(name: string): Hold {
    const hold = new Hold();
    this.holds.set(name, hold);
    return hold;
  }

  @EventHandler('nhi.identity.discovered')
  async project(event: Registered, manager: EntityManager): Promise<void> {
    this.count('project', event.id);
    this.order.push(`project:${event.data.identity.name}`);
    await this.holds.get(event.data.identity.name)?.pass();
    await manager.insert(AppliedEventEntity, { eventId: event.id, handler: 'project' });
  }

  @EventHandler('nhi.identity.discovered')
  async audit(event: Registered, manager: EntityManager): Promise<void> {
    const calls = this.count('audit', event.id);
    // Written before failing: the row must vanish with the rolled-back transaction.
    await manager.insert(AppliedEventEntity, { eventId: event.id, handler: 'audit' });
    if (event.data.identity.name.startsWith('poison-')) this.fail(event, `cannot apply ${event.data.identity.name}`);
    if (event.data.identity.name.startsWith('flaky-') && calls <= 2) this.fail(event, `flaky failure ${calls}`);
  }

  /** Applied one row per event, as a set: `foldOne` was its per-event predecessor. */
  @EventBatchHandler(['nhi.identity.updated'], { formerly: { 'nhi.identity.updated': 'foldOne' } })
  async fold(events: readonly Updated[], manager: EntityManager): Promise<void> {
    this.folds.push(events.map((event) => event.id));
    for (const event of events) {
      this.count('fold', event.id);
      this.order.push(`fold:${event.data.identity.name}`);
    }
    await manager.query(`INSERT INTO test_applied_events (event_id, handler) SELECT id, 'fold' FROM unnest($1::text[]) AS id`, [
      events.map((event) => event.id),
    ]);
    const poison = events.find((event) => event.data.identity.name.startsWith('batch-poison-'));
    if (poison) this.fail(poison, `cannot fold ${poison.data.identity.name}`);
  }

  private fail(event: Registered | Updated, message: string): never {
    this.failedOn.push(event.id);
    throw new Error(message);
  }

  private count(handler: string, eventId: string): number {
    const key = `${handler}:${eventId}`;
    const calls = (this.calls.get(key) ?? 0) + 1;
    this.calls.set(key, calls);
    return calls;
  }
}
