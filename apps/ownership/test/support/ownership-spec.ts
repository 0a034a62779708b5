import { TOPICS } from '@nhi/contracts';
import { type SubgraphSpec, subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { OwnershipClient } from './ownership-client';

export interface OwnershipSpec extends SubgraphSpec {
  /** Calls ownership as the gateway would, and feeds it identities the way inventory does. */
  readonly client: OwnershipClient;
}

/** The generic harness for ownership: its events topic tapped, and a client for its operations. */
export function ownershipSpec(label: string, env: Record<string, string> = {}): OwnershipSpec {
  const spec = subgraphSpec(label, bootstrap, { env, tap: [TOPICS.ownershipEvents] });
  const client = new OwnershipClient(spec);
  return {
    get subgraph() {
      return spec.subgraph;
    },
    get tap() {
      return spec.tap;
    },
    client,
  };
}
