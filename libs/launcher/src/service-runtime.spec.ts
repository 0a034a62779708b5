import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PRODUCTION_ENV, PRODUCTION_NODE_ARGS } from './service-runtime';

const README = path.join(__dirname, '../../../README.md');

describe('the production runtime settings', () => {
  it('are the ones the README tells platform teams to run a bundle with', () => {
    const env = Object.entries(PRODUCTION_ENV).map(([name, value]) => `${name}=${value}`);
    // A bundle runs from its own folder, so the flags travel in NODE_OPTIONS, as the image sets them.
    const line = [...env, `NODE_OPTIONS="${PRODUCTION_NODE_ARGS.join(' ')}"`, 'node main.js'].join(' ');
    expect(readFileSync(README, 'utf8')).toContain(line);
  });

  it('are flags this Node accepts, and set the heap they say', () => {
    const limitMb = execFileSync(
      process.execPath,
      [...PRODUCTION_NODE_ARGS, '-e', 'process.stdout.write(String(require("v8").getHeapStatistics().heap_size_limit / 1048576))'],
      { env: { ...process.env, ...PRODUCTION_ENV, NODE_OPTIONS: '' } },
    ).toString();
    const oldSpaceMb = Number(/--max-old-space-size=(\d+)/.exec(PRODUCTION_NODE_ARGS.join(' '))?.[1]);
    // The limit is old space plus the young generation, so a little above the old-space ceiling.
    expect(Number(limitMb)).toBeGreaterThanOrEqual(oldSpaceMb);
    expect(Number(limitMb)).toBeLessThan(oldSpaceMb + 64);
  });
});
