import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { collectFailures, collectOrCount } from '@nhi/messaging';
import { ServiceMetrics } from '@nhi/runtime';
import { EXCEPTIONS_CONFIG, ExceptionsConfig } from '../exceptions-config';

/** Without reminders configured, "soon" is a week. */
const DEFAULT_WINDOW_DAYS = 7;

/**
 * Requests nobody has decided that expire within the first reminder window:
 * left alone they expire undecided, and the identity stays under the control
 * its owner asked to suspend. Counted along the open-expiry index (only
 * requested and approved rows, only those in the window).
 */
@Injectable()
export class ExceptionMetrics {
  constructor(@InjectDataSource() dataSource: DataSource, @Inject(EXCEPTIONS_CONFIG) config: ExceptionsConfig, metrics: ServiceMetrics) {
    const windowDays = config.EXCEPTION_REMINDER_DAYS[0] ?? DEFAULT_WINDOW_DAYS;
    collectFailures(metrics.registry);
    new Gauge({
      name: 'nhi_exceptions_expiring_unreviewed',
      help: `Exception requests still awaiting a decision that expire within ${windowDays} days (the first reminder)`,
      registers: [metrics.registry],
      async collect() {
        await collectOrCount(metrics.registry, 'exceptions', async () => {
          const [row]: Array<{ count: number }> = await dataSource.query(
            `SELECT count(*)::int AS count FROM policy_exceptions
              WHERE status IN ('REQUESTED', 'APPROVED') AND status = 'REQUESTED'
                AND expires_at <= now() + make_interval(secs => $1)`,
            [windowDays * 86_400],
          );
          this.set(row?.count ?? 0);
        });
      },
    });
  }
}
