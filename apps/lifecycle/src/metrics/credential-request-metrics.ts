import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { publishedEvents } from '@nhi/messaging';
import { ServiceMetrics } from '@nhi/runtime';

/** The lifecycle events that tell how a rotation or revocation attempt went, and the labels each is counted under. */
export const CREDENTIAL_OUTCOMES: Readonly<Record<string, { action: 'rotation' | 'revocation'; outcome: string }>> = {
  'nhi.credential.rotation-requested': { action: 'rotation', outcome: 'requested' },
  'nhi.credential.rotated': { action: 'rotation', outcome: 'completed' },
  'nhi.credential.rotation-failed': { action: 'rotation', outcome: 'failed' },
  'nhi.credential.rotation-timed-out': { action: 'rotation', outcome: 'timed_out' },
  'nhi.credential.revocation-requested': { action: 'revocation', outcome: 'requested' },
  'nhi.credential.revoked': { action: 'revocation', outcome: 'completed' },
  'nhi.credential.revocation-failed': { action: 'revocation', outcome: 'failed' },
};

/**
 * Rotation and revocation attempts by outcome, counted from the events that
 * record them as the relay publishes them: only what committed counts, and
 * no workflow code carries a metrics call. `failed` is an attempt that failed
 * (a revocation's timeout included); the event says whether another follows.
 */
@Injectable()
export class CredentialRequestMetrics {
  constructor(metrics: ServiceMetrics) {
    new Counter({
      name: 'nhi_credential_requests_total',
      help: 'Rotation and revocation attempts by action and outcome (requested, completed, failed, timed_out)',
      labelNames: ['action', 'outcome'],
      registers: [metrics.registry],
      collect() {
        this.reset();
        for (const labels of Object.values(CREDENTIAL_OUTCOMES)) this.inc(labels, 0);
        for (const { type, count } of publishedEvents()) {
          const labels = CREDENTIAL_OUTCOMES[type];
          if (labels) this.inc(labels, count);
        }
      },
    });
  }
}
