import { progressLine } from './progress-line';

describe('progressLine', () => {
  it('draws the share of the pass read, the rows and their rate', () => {
    const line = progressLine(
      { label: 'gaad.json', size: 4 * 1024 * 1024, read: 1024 * 1024, pass: 2 },
      { rows: 500, problems: 1 },
      2000,
      8,
    );
    expect(line).toBe('[##......]  25% gaad.json (pass 2) 1.0/4.0 MB · 500 rows · 1 problems · 250 rows/s');
  });

  it('is empty, not a division by zero, before anything is read', () => {
    expect(progressLine({ label: '', size: 0, read: 0, pass: 0 }, { rows: 0, problems: 0 }, 0, 4)).toMatch(/^\[\.{4}\] {3}0% /);
  });
});
