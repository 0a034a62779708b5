import { generateEstate } from './generate-estate';

const rows = (seed: number, size = 2000) => [...generateEstate({ size, seed })];

describe('generateEstate', () => {
  it('is reproducible from its seed, and different for another seed', () => {
    expect(rows(42)).toEqual(rows(42));
    expect(rows(42)).not.toEqual(rows(43));
  });

  it('has overlaps between sources, shared fingerprints, leak reports and a share of broken rows', () => {
    const estate = rows(7);
    const byKey = new Map<string, Set<string>>();
    for (const { source, row } of estate) {
      const key = String(row['externalId']).toLowerCase();
      byKey.set(key, new Set([...(byKey.get(key) ?? []), source]));
    }
    const fingerprints = estate.map((r) => r.row['credentialFingerprint']).filter(Boolean);

    expect([...byKey.values()].filter((sources) => sources.size > 1).length).toBeGreaterThan(100);
    expect(new Set(fingerprints).size).toBeLessThan(fingerprints.length);
    expect(estate.some((r) => r.source === 'gitguardian')).toBe(true);
    const broken = estate.filter((r) => r.broken).length;
    expect(broken / estate.length).toBeGreaterThan(0.005);
    expect(broken / estate.length).toBeLessThan(0.05);
    const warned = estate.filter((r) => r.warned);
    expect(warned.length).toBeGreaterThan(0);
    expect(warned.every((r) => r.warned === 'unknown kind' && !r.broken)).toBe(true);
  });

  it('spells providers in several ways', () => {
    const spellings = new Set(rows(1).map((r) => r.row['provider']));

    expect(spellings).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect([...spellings]).toEqual(expect.arrayContaining(['AWS', 'Amazon Web Services', 'k8s', 'Microsoft Entra ID']));
  });
});
