import { Gauge, Registry } from 'prom-client';
import { collectFailures, collectOrCount } from './collect-failures';

describe('collectOrCount', () => {
  it('keeps the scrape answering when a reading fails, and counts the failure by collector', async () => {
    const registry = new Registry();
    collectFailures(registry);
    let fail = false;
    new Gauge({
      name: 'test_backlog',
      help: 'test',
      registers: [registry],
      async collect() {
        await collectOrCount(registry, 'outbox', async () => {
          if (fail) throw new Error('database away');
          this.set(7);
        });
      },
    });
    expect(await registry.metrics()).toContain('test_backlog 7');
    fail = true;
    expect(await registry.metrics()).toContain('test_backlog 7');
    // Collectors run side by side: a scrape shows the failures of the scrapes before it.
    const text = await registry.metrics();
    expect(text).toContain('test_backlog 7');
    expect(text).toContain('nhi_metrics_collect_failures_total{collector="outbox"} 1');
  });
});
