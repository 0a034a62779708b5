import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createEvent } from '@nhi/contracts';
import { BatchKeys } from '../ingest/batch-keys';
import { chunkEvents, groupByKey, planChunk } from '../ingest/chunk-plan';
import { normaliseRow } from '../ingest/row-normaliser';
import type { RawIdentityRow } from '../ingest/raw-identity-row';
import type { IdentityState } from '../identity-data/identity-state';
import { identityFindings } from '../findings/identity-rules';
import { findingRulesConfig } from '../findings/finding-rules-config';
import { loadInventoryConfig } from '../inventory-config';

export interface NodeStages {
  rows: number;
  /** Microseconds per row of each stage, warm (the second of two rounds). */
  stages: Array<[stage: string, microsPerRow: number]>;
  /** The new identities a first load of the file makes. */
  states: IdentityState[];
}

/**
 * The Node side of a bulk first load, stage by stage, on one thread with no
 * database: what each row costs before anything is written, with the same
 * functions the inventory service runs.
 */
export async function nodeStages(file: string, limit = 100_000): Promise<NodeStages> {
  // A sample is enough for a cost per row, and the whole of a large file would not fit in one string.
  const lines: string[] = [];
  const input = createReadStream(file);
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line) lines.push(line);
    if (lines.length >= limit) break;
  }
  input.destroy();
  const now = new Date();
  const config = findingRulesConfig(loadInventoryConfig({}));
  const stages: Array<[string, number]> = [];
  const time = <T>(stage: string, work: () => T): T => {
    const began = process.hrtime.bigint();
    const result = work();
    stages.push([stage, Number(process.hrtime.bigint() - began) / 1e3 / lines.length]);
    return result;
  };
  let states: IdentityState[] = [];
  for (let round = 0; round < 2; round++) {
    stages.length = 0;
    const raw = time('JSON.parse of each line', () => lines.map((line) => JSON.parse(line) as RawIdentityRow));
    const normalised = time('normalise and detect secrets', () =>
      raw.flatMap((row) => {
        const result = normaliseRow(row, now);
        return result.ok ? [result.row] : [];
      }),
    );
    const keys = new BatchKeys();
    const unique = time('duplicate check (BatchKeys)', () => normalised.filter((row, i) => !keys.check(i, row)));
    const plans = time('merge (group and fold, chunks of 1000)', () => {
      const out = [];
      for (let i = 0; i < unique.length; i += 1000) out.push(planChunk(groupByKey(unique.slice(i, i + 1000)), new Map(), now));
      return out;
    });
    states = plans.flatMap((plan) => plan.created);
    time('JSON of the identities (the insert parameter)', () => states.map((s) => JSON.stringify(s)).length);
    time('finding rules', () => states.map((s) => identityFindings(s, now, config)).length);
    const inputs = time('event data (snapshotOf)', () =>
      plans.flatMap((plan) => chunkEvents(plan.created, [], { source: 'bench', seenAt: now, snapshotId: null })),
    );
    const events = time('createEvent (envelope and contract check)', () =>
      inputs.map((input) => createEvent({ source: 'inventory', ...input })),
    );
    time('JSON of the events (the outbox parameter, per chunk of 1000)', () => {
      let length = 0;
      for (let i = 0; i < events.length; i += 1000) length += JSON.stringify(events.slice(i, i + 1000)).length;
      return length;
    });
  }
  return { rows: lines.length, stages, states };
}
