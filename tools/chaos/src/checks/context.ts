/** What the checks are told about a chaos run, and what each of them answers. */

export type ServiceName = 'inventory' | 'ownership' | 'lifecycle' | 'exceptions' | 'metrics';

export const SERVICE_NAMES: readonly ServiceName[] = ['inventory', 'ownership', 'lifecycle', 'exceptions', 'metrics'];

export interface CheckContext {
  /** Each service's database. */
  databaseUrl(service: ServiceName): string;
  brokers: string[];
  /** Physical topic = prefix + logical (libs/contracts/src/topics.ts). */
  topicPrefix: string;
  /** Every consumer group of the run (services and the reference integrator). */
  groupIds: string[];
  /** Env to start one more metrics process for the rebuild (spawnService): everything but DATABASE_URL, KAFKA_GROUP_ID, PORT. */
  metricsEnv: Record<string, string>;
  root: string;
  logDir: string;
  rebuildPort: number;
  /** Poison messages the run published to the results topics, by kind. */
  poison: { badJson: number; wrongSchema: number; oversized: number };
  /**
   * Ids of identities the workload ingested (inventory ids are not known to it; externalIds are), and the
   * rotation/revocation request ids the workload got back from successful mutations.
   */
  ingestedExternalIds: string[];
  rotationRequestIds: string[];
  revocationRequestIds: string[];
  /** Integrator results the run re-delivered (same requestId): twice, out of order, late. */
  redeliveredResults: number;
  progress(line: string): void;
}

export interface CheckResult {
  name: string;
  ok: boolean;
  lost: number;
  doubled: number;
  /** At most ~10 lines, no secret values. */
  evidence: string[];
}

export interface Check {
  name: string;
  run(ctx: CheckContext): Promise<CheckResult>;
}
