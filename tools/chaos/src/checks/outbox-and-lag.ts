import { describeBacklog, measureBacklog } from './backlog';
import { checkResult } from './check-result';
import type { Check, CheckContext, CheckResult } from './context';
import { withAdmin } from './kafka-offsets';

export const OUTBOX_AND_LAG = 'outbox-and-lag';

/**
 * Nothing left behind: no outbox row unsent in any of the five databases, and
 * no group of the run behind on any topic it reads (kafkajs fetchOffsets
 * against fetchTopicOffsets; a partition the group reads but never committed
 * on counts whole). lost = unsent rows + messages not consumed.
 */
async function run(ctx: CheckContext): Promise<CheckResult> {
  const backlog = await withAdmin(ctx.brokers, (admin) => measureBacklog(ctx, admin));
  const unsent = [...backlog.unsent.values()].reduce((sum, n) => sum + n, 0);
  const lag = backlog.groups.reduce((sum, g) => sum + g.lag, 0n);
  const unmeasured = backlog.groups.filter((g) => g.unmeasured);
  const evidence = [
    `outbox rows unsent: ${[...backlog.unsent].map(([service, n]) => `${service} ${n}`).join(', ')}`,
    `lag of ${backlog.groups.length} groups: ${backlog.groups.map((g) => `${g.groupId} ${g.lag} on ${g.topics.length} topics`).join(', ')}`,
    ...describeBacklog(backlog).filter((line) => !line.startsWith('unsent outbox rows')),
  ];
  return checkResult(OUTBOX_AND_LAG, { lost: unsent + Number(lag), doubled: 0, evidence, failed: unmeasured.length > 0 });
}

export const outboxAndLag: Check = { name: OUTBOX_AND_LAG, run };
