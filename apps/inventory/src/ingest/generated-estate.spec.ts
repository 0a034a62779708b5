import { generateEstate } from '@nhi/estate-generator';
import { normaliseRow } from './row-normaliser';

describe('the generated estate against the normaliser', () => {
  const estate = [...generateEstate({ size: 3000, seed: 99 })];

  it('accepts every row the generator meant to be good', () => {
    const refused = estate
      .filter((r) => !r.broken)
      .map((r) => normaliseRow(r.row))
      .filter((result) => !result.ok);

    expect(refused).toEqual([]);
  });

  it('takes each row of an unknown kind as OTHER, keeping its word, with a warning', () => {
    const warned = estate.filter((r) => r.warned);
    const results = warned.map((r) => normaliseRow(r.row));

    expect(warned.length).toBeGreaterThan(0);
    results.forEach((result, i) => {
      expect(result).toEqual({
        ok: true,
        row: expect.objectContaining({ kind: 'OTHER', sourceKind: warned[i]?.row['kind'] }),
        warnings: [expect.objectContaining({ field: 'kind' })],
      });
    });
  });

  it('rejects every row the generator broke on purpose', () => {
    const accepted = estate.filter((r) => r.broken).filter((r) => normaliseRow(r.row).ok);

    expect(accepted).toEqual([]);
  });

  it('maps every provider spelling to a canonical provider', () => {
    const providers = new Set(
      estate.flatMap((r) => {
        const result = normaliseRow(r.row);
        return result.ok ? [result.row.provider] : [];
      }),
    );

    expect([...providers].sort()).toEqual(['aws', 'azure', 'gcp', 'github', 'kubernetes', 'openai', 'vault']);
  });
});
