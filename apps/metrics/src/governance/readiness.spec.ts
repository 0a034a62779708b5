import type { GovernanceFigures } from './governance-figures';
import { frameworkCoverage } from './framework-controls';
import { readinessStage } from './readiness';

function figures(overrides: Partial<GovernanceFigures>): GovernanceFigures {
  return {
    totalIdentities: 100,
    owned: 100,
    orphaned: 0,
    unassigned: 0,
    attested: 100,
    overdueRotations: 0,
    managed: 100,
    withSystem: 100,
    withPrivilegeLevel: 100,
    credentialAgeDaysP50: 10,
    credentialAgeDaysP90: 20,
    openExceptions: 0,
    stalePendingExceptions: 0,
    identitiesWithFindings: {},
    ...overrides,
  };
}

describe('readiness stage', () => {
  it('is PRODUCTION only when every production threshold holds', () => {
    expect(readinessStage(figures({}))).toBe('PRODUCTION');
    expect(readinessStage(figures({ owned: 94, attested: 94 }))).toBe('EXPANDING');
    expect(readinessStage(figures({ openExceptions: 6 }))).toBe('EXPANDING');
  });

  it('is PILOT below the expanding thresholds, and for a unit with no identities', () => {
    expect(readinessStage(figures({ owned: 69, attested: 69 }))).toBe('PILOT');
    expect(readinessStage(figures({ overdueRotations: 41 }))).toBe('PILOT');
    expect(readinessStage(figures({ totalIdentities: 0, owned: 0, attested: 0, managed: 0 }))).toBe('PILOT');
  });
});

describe('framework coverage', () => {
  it('grades each control against its thresholds, lower-is-better ones included', () => {
    const estate = figures({ owned: 80, attested: 40, openExceptions: 10, identitiesWithFindings: { NHI7: 5 } });
    const csf = Object.fromEntries(frameworkCoverage('NIST_CSF_2', { estate, aiAgents: estate }).map((c) => [c.controlId, c]));
    expect(csf['GV.RR-02']).toMatchObject({ value: 0.8, status: 'PARTIAL' });
    expect(csf['GV.OV-01']).toMatchObject({ value: 0.5, status: 'PARTIAL' });
    expect(csf['GV.OV-02']).toMatchObject({ value: 10, status: 'PARTIAL' });
    const owasp = Object.fromEntries(frameworkCoverage('OWASP_NHI_TOP10', { estate, aiAgents: estate }).map((c) => [c.controlId, c]));
    expect(owasp['NHI7']).toMatchObject({ value: 0.95, status: 'PARTIAL' });
    expect(Object.keys(owasp)).toHaveLength(10);
  });

  it('never calls a control MET without evidence', () => {
    const none = figures({ totalIdentities: 0, owned: 0, attested: 0, managed: 0, withSystem: 0, withPrivilegeLevel: 0 });
    const ai = frameworkCoverage('NIST_AI_RMF', { estate: figures({}), aiAgents: none });
    expect(ai.map((c) => [c.controlId, c.status, c.value])).toEqual([
      ['GOVERN 1.6', 'NOT_MET', null],
      ['GOVERN 2.1', 'NOT_MET', null],
    ]);
  });

  it.each(['NIST_CSF_2', 'OWASP_NHI_TOP10', 'NIST_AI_RMF'] as const)(
    'scores every %s control NOT_MET, with no value, on an empty scope',
    (framework) => {
      const none = figures({ totalIdentities: 0, owned: 0, attested: 0, managed: 0, withSystem: 0, withPrivilegeLevel: 0 });
      const coverage = frameworkCoverage(framework, { estate: none, aiAgents: none });
      expect(coverage.length).toBeGreaterThan(0);
      for (const control of coverage)
        expect([control.controlId, control.status, control.value]).toEqual([control.controlId, 'NOT_MET', null]);
    },
  );

  it('grades ID.RA-07 on a populated scope: no open exception is nothing left stale, stale pending ones count against it', () => {
    const csf = (estate: GovernanceFigures) =>
      frameworkCoverage('NIST_CSF_2', { estate, aiAgents: estate }).find((c) => c.controlId === 'ID.RA-07');
    expect(csf(figures({}))).toMatchObject({ value: 1, status: 'MET' });
    expect(csf(figures({ openExceptions: 10, stalePendingExceptions: 2 }))).toMatchObject({ value: 0.8, status: 'PARTIAL' });
  });
});
