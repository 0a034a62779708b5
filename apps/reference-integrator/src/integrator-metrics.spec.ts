import { IntegratorMetrics } from './integrator-metrics';

describe('IntegratorMetrics', () => {
  it('counts answers by result type and skipped requests', async () => {
    const metrics = new IntegratorMetrics();
    metrics.answered({ type: 'nhi.rotation.completed' });
    metrics.answered({ type: 'nhi.rotation.completed' });
    metrics.answered({ type: 'nhi.revocation.failed' });
    metrics.skipped();
    const text = await metrics.registry.metrics();
    expect(text).toContain('nhi_integrator_answers_total{type="nhi.rotation.completed"} 2');
    expect(text).toContain('nhi_integrator_answers_total{type="nhi.revocation.failed"} 1');
    expect(text).toContain('nhi_integrator_answers_total{type="nhi.rotation.failed"} 0');
    expect(text).toContain('nhi_integrator_skipped_requests_total 1');
    expect(text).toContain('nhi_service_info{service="reference-integrator"} 1');
  });

  it('gives a type it never sends no series of its own', async () => {
    const metrics = new IntegratorMetrics();
    metrics.answered({ type: 'made.up' });
    expect(await metrics.registry.metrics()).not.toContain('made.up');
  });
});
