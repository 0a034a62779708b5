import { dlqTopic, INTEGRATOR_RESULT_TOPICS, physicalTopic, readKafkaEvent, TOPICS } from '@nhi/contracts';
import { checkResult, countBy, sample } from './check-result';
import type { Check, CheckContext, CheckResult } from './context';
import { rows, withDatabase } from './databases';
import { headerText, readTopics, type ReadMessage } from './topic-reader';

export const POISON_PARKED = 'poison-parked';

type PoisonKind = keyof CheckContext['poison'];
const KINDS: readonly PoisonKind[] = ['badJson', 'wrongSchema', 'oversized'];

/**
 * A message this large is the oversized kind, whatever else is wrong with it:
 * an integrator's result is well under 2 kB, and the broker takes up to 1 MB.
 */
export const OVERSIZED_BYTES = 64 * 1024;
/** What readKafkaEvent says of a value that is no JSON object at all (libs/contracts/src/inbound/read-kafka-event.ts). */
const NOT_JSON = /is not valid JSON|is empty: expected JSON|is not a CloudEvents JSON object|must use the JSON event format/;

interface Poison {
  where: string;
  kind: PoisonKind;
  reason: string;
}

const whereOf = (topic: string, partition: number | string, offset: string) => `${topic}[${partition}]@${offset}`;

/** The poison among the messages on the results topics: what the platform's own reader refuses, or too large to be a result. */
function poisonOf(originals: readonly ReadMessage[]): Poison[] {
  const poison: Poison[] = [];
  for (const { topic, partition, message } of originals) {
    let reason: string | null = null;
    try {
      readKafkaEvent({ value: message.value, headers: message.headers, timestamp: message.timestamp });
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    const bytes = message.value?.length ?? 0;
    if (reason === null && bytes < OVERSIZED_BYTES) continue;
    const kind: PoisonKind = bytes >= OVERSIZED_BYTES ? 'oversized' : NOT_JSON.test(reason ?? '') ? 'badJson' : 'wrongSchema';
    poison.push({ where: whereOf(topic, partition, message.offset), kind, reason: reason ?? `${bytes} bytes` });
  }
  return poison;
}

/** Dead letters on the `.dlq` topics, by where the original was, with the error each carries. */
function deadLettersOf(dlq: readonly ReadMessage[]): Map<string, { error: string; group: string | null; copies: number }> {
  const parked = new Map<string, { error: string; group: string | null; copies: number }>();
  for (const { message } of dlq) {
    const topic = headerText(message, 'x-original-topic');
    const partition = headerText(message, 'x-original-partition');
    const offset = headerText(message, 'x-original-offset');
    if (!topic || partition === null || offset === null) continue;
    const where = whereOf(topic, partition, offset);
    const seen = parked.get(where);
    parked.set(where, {
      error: headerText(message, 'x-error') ?? '',
      group: headerText(message, 'x-consumer-group'),
      copies: (seen?.copies ?? 0) + 1,
    });
  }
  return parked;
}

/** Where each nhi.integration.rejected on the feedback topic says the refused message was. */
function feedbackOf(feedback: readonly ReadMessage[], topicPrefix: string): Set<string> {
  const told = new Set<string>();
  for (const { message } of feedback) {
    try {
      const event = JSON.parse(message.value?.toString() ?? 'null') as {
        type?: string;
        data?: { topic?: string; partition?: number; offset?: string };
      };
      if (event?.type !== 'nhi.integration.rejected' || !event.data?.topic) continue;
      told.add(whereOf(physicalTopic(event.data.topic, topicPrefix), event.data.partition ?? -1, String(event.data.offset)));
    } catch {
      // Not ours to judge here.
    }
  }
  return told;
}

const byKind = (items: ReadonlyArray<{ kind: PoisonKind }>) => countBy(items, (p) => p.kind);
const kinds = (counts: Map<string, number> | CheckContext['poison']) =>
  KINDS.map((k) => `${k} ${counts instanceof Map ? (counts.get(k) ?? 0) : counts[k]}`).join(', ');

/**
 * The poison the run put on nhi.rotation.results.v1 and nhi.revocation.results.v1
 * is parked with its reason: each such message (read back from the results
 * topics and judged by readKafkaEvent, as lifecycle judges it; oversized from
 * OVERSIZED_BYTES) is on its `.dlq` topic with an x-error header, the
 * integrator was told on nhi.integration.feedback.v1, and metrics keeps the
 * REJECTED applyIntegratorResult audit record; counts by kind equal
 * ctx.poison. lifecycle's dead_letters rows are reported (their write is
 * best-effort). lost = poison not parked.
 */
async function run(ctx: CheckContext): Promise<CheckResult> {
  const results = INTEGRATOR_RESULT_TOPICS.map((t) => physicalTopic(t, ctx.topicPrefix));
  const feedbackTopic = physicalTopic(TOPICS.integrationFeedback, ctx.topicPrefix);
  const read = await readTopics(ctx.brokers, [...results, ...results.map(dlqTopic), feedbackTopic]);
  const on = (topics: readonly string[]) => read.filter((m) => topics.includes(m.topic));
  const poison = poisonOf(on(results));
  const parked = deadLettersOf(on(results.map(dlqTopic)));
  const told = feedbackOf(on([feedbackTopic]), ctx.topicPrefix);
  const { audited, tabled } = await auditAndTable(ctx);
  const isParked = poison.filter((p) => parked.get(p.where)?.error);
  const outcome: Outcome = {
    poison,
    parked,
    isParked,
    unparked: poison.filter((p) => !parked.get(p.where)?.error),
    untold: isParked.filter((p) => !told.has(p.where)),
    unaudited: isParked.filter((p) => !audited.has(p.where)),
    untabled: isParked.filter((p) => !tabled.has(p.where)),
    deadLetterCopies: on(results.map(dlqTopic)).length,
  };
  const expected = KINDS.reduce((sum, k) => sum + ctx.poison[k], 0);
  const parkedByKind = byKind(isParked);
  return checkResult(POISON_PARKED, {
    lost: Math.max(outcome.unparked.length, expected - isParked.length),
    doubled: 0,
    evidence: evidenceOf(ctx, outcome),
    failed: KINDS.some((k) => (parkedByKind.get(k) ?? 0) !== ctx.poison[k]) || outcome.untold.length > 0 || outcome.unaudited.length > 0,
  });
}

interface Outcome {
  poison: Poison[];
  parked: Map<string, { error: string; group: string | null; copies: number }>;
  isParked: Poison[];
  unparked: Poison[];
  untold: Poison[];
  unaudited: Poison[];
  untabled: Poison[];
  deadLetterCopies: number;
}

function evidenceOf(ctx: CheckContext, o: Outcome): string[] {
  const evidence = [
    `published by the run: ${kinds(ctx.poison)}; found on the results topics: ${kinds(byKind(o.poison))}; parked: ${kinds(byKind(o.isParked))}`,
    `of ${o.isParked.length} parked: integrator told ${o.isParked.length - o.untold.length}, audit records ${o.isParked.length - o.unaudited.length}, ` +
      `lifecycle dead_letters rows ${o.isParked.length - o.untabled.length}; ${o.deadLetterCopies} dead letters on the .dlq topics`,
  ];
  for (const kind of KINDS) {
    const reasons = countBy(
      o.isParked.filter((p) => p.kind === kind),
      (p) => (o.parked.get(p.where)?.error ?? '').slice(0, 80),
    );
    if (reasons.size > 0)
      evidence.push(
        `${kind} reasons: ${[...reasons]
          .slice(0, 3)
          .map(([r, n]) => `"${r}" x${n}`)
          .join('; ')}`,
      );
  }
  if (o.unparked.length > 0)
    evidence.push(
      `poison not parked: ${sample(
        o.unparked.map((p) => `${p.where} (${p.kind})`),
        5,
      )}`,
    );
  if (o.untold.length > 0)
    evidence.push(
      `parked but no nhi.integration.rejected: ${sample(
        o.untold.map((p) => p.where),
        5,
      )}`,
    );
  if (o.unaudited.length > 0)
    evidence.push(
      `parked but no REJECTED applyIntegratorResult audit record: ${sample(
        o.unaudited.map((p) => p.where),
        5,
      )}`,
    );
  const copies = [...o.parked.values()].filter((p) => p.copies > 1).length;
  if (copies > 0) evidence.push(`${copies} messages dead-lettered more than once (a crash between the dead letter and the commit)`);
  const poisonAt = new Set(o.poison.map((p) => p.where));
  const others = [...o.parked.keys()].filter((where) => !poisonAt.has(where));
  if (others.length > 0) evidence.push(`${others.length} other results dead-lettered: ${sample(others, 5)}`);
  return evidence;
}

/** Where metrics' audit records of refused results, and lifecycle's dead_letters rows, say the refused messages were. */
async function auditAndTable(ctx: CheckContext): Promise<{ audited: Set<string>; tabled: Set<string> }> {
  const audited = await withDatabase(ctx.databaseUrl('metrics'), (db) =>
    rows<{ topic: string; partition: string; offset: string }>(
      db,
      `SELECT input->>'topic' AS topic, input->>'partition' AS partition, input->>'offset' AS offset FROM audit_records
       WHERE operation = 'applyIntegratorResult' AND outcome = 'REJECTED'`,
    ),
  );
  const tabled = await withDatabase(ctx.databaseUrl('lifecycle'), (db) =>
    rows<{ topic: string; partition: number; offset: string }>(db, 'SELECT topic, partition, "offset" FROM dead_letters'),
  );
  return {
    audited: new Set(audited.map((r) => whereOf(physicalTopic(r.topic, ctx.topicPrefix), r.partition, r.offset))),
    tabled: new Set(tabled.map((r) => whereOf(r.topic, r.partition, r.offset))),
  };
}

export const poisonParked: Check = { name: POISON_PARKED, run };
