/**
 * Write lanes shared by every ingest of the process. Each lane holds a pooled
 * connection for the whole ingest, so ingests that each took some lanes and
 * waited for the rest could hold the whole pool between them and wait forever.
 * Here an ingest waits for its first lane only, and takes more only if they
 * are free at that moment. There are fewer lanes than pooled connections, so
 * the relay, the consumer and reads always find one.
 */
export class LanePermits {
  private readonly waiting: Array<() => void> = [];

  constructor(private free: number) {}

  /** Waits until a lane is free, then takes as many as are free, up to `wanted` (at least 1). */
  async take(wanted: number): Promise<number> {
    while (this.free === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    const taken = Math.max(1, Math.min(wanted, this.free));
    this.free -= taken;
    return taken;
  }

  release(count: number): void {
    this.free += count;
    for (const wake of this.waiting.splice(0)) wake();
  }
}

/** Connections the pool keeps for everything that is not an ingest lane. */
export const RESERVED_CONNECTIONS = 3;

/** Lanes for a pool of `poolSize` connections: all but the reserved ones, and at least one. */
export function lanesFor(poolSize: number): number {
  return Math.max(1, poolSize - RESERVED_CONNECTIONS);
}
