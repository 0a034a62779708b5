import { AssignerProtocol, type Admin, type Kafka } from 'kafkajs';
import { kafkaSecurityFromEnv } from '@nhi/config';
import { kafkaClient } from '@nhi/messaging';

/** A Kafka client for the checks: quiet, since the checks report what they find themselves. */
export function checksKafka(brokers: string[], clientId = 'nhi-chaos-checks'): Kafka {
  return kafkaClient({ clientId, brokers, security: kafkaSecurityFromEnv(), retry: { retries: 5 } });
}

/** Runs `work` with a connected admin client, disconnected afterwards. */
export async function withAdmin<T>(brokers: string[], work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = checksKafka(brokers).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export interface PartitionEnd {
  partition: number;
  /** The next offset to be written. */
  high: bigint;
  /** The first offset still on the log. */
  low: bigint;
}

/** Every topic of the run (its prefix) with each partition's ends. */
export async function topicEnds(admin: Admin, topicPrefix: string): Promise<Map<string, PartitionEnd[]>> {
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(topicPrefix)).sort();
  const ends = new Map<string, PartitionEnd[]>();
  for (const topic of topics) {
    const offsets = await admin.fetchTopicOffsets(topic);
    ends.set(
      topic,
      offsets.map((o) => ({ partition: o.partition, high: BigInt(o.high), low: BigInt(o.low) })).sort((a, b) => a.partition - b.partition),
    );
  }
  return ends;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  /** -1 when the group never committed on the partition. */
  committed: bigint;
  high: bigint;
  lag: bigint;
}

export interface GroupLag {
  groupId: string;
  /** The broker's word for the group: Stable, Empty, Dead (unknown), PreparingRebalance ... */
  state: string;
  members: number;
  /** Topics the group reads: those its live members subscribe to, and those it ever committed on. */
  topics: string[];
  lag: bigint;
  lagging: PartitionLag[];
  /** Why the lag of this group could not be vouched for, if it could not. */
  unmeasured?: string;
}

/** The topics a live group's members subscribe to, from their join metadata. */
function subscribedTopics(members: ReadonlyArray<{ memberMetadata: Buffer }>): Set<string> {
  const topics = new Set<string>();
  for (const member of members) {
    try {
      const metadata = AssignerProtocol.MemberMetadata.decode(member.memberMetadata);
      for (const topic of metadata?.topics ?? []) topics.add(topic);
    } catch {
      // Not a consumer protocol we can read: its commits still count.
    }
  }
  return topics;
}

/**
 * Each group's lag on each topic of the run that it reads: the messages after
 * its committed offset (all of the partition's messages when it never
 * committed there, as a group reading from the beginning starts there). A
 * group reads a topic when a live member subscribes to it or when it has
 * committed on it: a group that never committed on a topic it does not
 * subscribe to is not behind on it.
 */
export async function measureLag(admin: Admin, groupIds: readonly string[], ends: Map<string, PartitionEnd[]>): Promise<GroupLag[]> {
  if (groupIds.length === 0) return [];
  const described = await admin.describeGroups([...groupIds]);
  const topics = [...ends.keys()];
  const lags: GroupLag[] = [];
  for (const groupId of groupIds) {
    const group = described.groups.find((g) => g.groupId === groupId);
    const members = group?.members ?? [];
    const subscribed = subscribedTopics(members);
    const committed = topics.length === 0 ? [] : await admin.fetchOffsets({ groupId, topics });
    const committedAt = new Map<string, bigint>();
    const read = new Set([...subscribed].filter((topic) => ends.has(topic)));
    for (const entry of committed) {
      for (const p of entry.partitions) {
        const offset = BigInt(p.offset);
        committedAt.set(`${entry.topic}\n${p.partition}`, offset);
        if (offset >= 0n) read.add(entry.topic);
      }
    }
    const lagging: PartitionLag[] = [];
    let lag = 0n;
    for (const topic of [...read].sort()) {
      for (const end of ends.get(topic) ?? []) {
        const at = committedAt.get(`${topic}\n${end.partition}`) ?? -1n;
        const from = at < end.low ? end.low : at;
        const behind = end.high > from ? end.high - from : 0n;
        if (behind > 0n) lagging.push({ topic, partition: end.partition, committed: at, high: end.high, lag: behind });
        lag += behind;
      }
    }
    const state = group?.state ?? 'Dead';
    lags.push({
      groupId,
      state,
      members: members.length,
      topics: [...read].sort(),
      lag,
      lagging,
      ...(members.length === 0 && read.size === 0
        ? { unmeasured: `group ${groupId} has no live member and no committed offset on any topic of the run (${state})` }
        : {}),
    });
  }
  return lags;
}
