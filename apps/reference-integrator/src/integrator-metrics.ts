import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/** Results the integrator can send; any other type is not its to send, so it gets no series. */
const RESULT_TYPES = ['nhi.rotation.completed', 'nhi.rotation.failed', 'nhi.revocation.completed', 'nhi.revocation.failed'];

/**
 * The reference integrator's GET /metrics, in the platform's names: its
 * process, the answers it sent by result type, and the requests it skipped
 * as invalid. An integrator built on the SDK can copy this as it is.
 */
export class IntegratorMetrics {
  readonly registry = new Registry();
  private readonly answers: Counter<'type'>;
  private readonly skips: Counter;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'nhi_' });
    new Gauge({ name: 'nhi_service_info', help: 'Always 1; names the service', labelNames: ['service'], registers: [this.registry] }).set(
      { service: 'reference-integrator' },
      1,
    );
    this.answers = new Counter({
      name: 'nhi_integrator_answers_total',
      help: 'Results sent for rotation and revocation requests, by result type',
      labelNames: ['type'],
      registers: [this.registry],
    });
    for (const type of RESULT_TYPES) this.answers.inc({ type }, 0);
    this.skips = new Counter({
      name: 'nhi_integrator_skipped_requests_total',
      help: 'Requests skipped because they were not valid events of the contract',
      registers: [this.registry],
    });
  }

  answered(result: { type: string }): void {
    if (RESULT_TYPES.includes(result.type)) this.answers.inc({ type: result.type });
  }

  skipped(): void {
    this.skips.inc();
  }
}
