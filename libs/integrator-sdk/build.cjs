// Builds the publishable package into dist/libs/integrator-sdk: tsc with declarations
// (no workspace path aliases: the SDK depends on nothing of the platform), then the
// package.json and README beside the compiled code, ready for `npm pack`.
const { execFileSync } = require('node:child_process');
const { copyFileSync, rmSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const out = path.join(root, 'dist/libs/integrator-sdk');
rmSync(out, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc', { paths: [root] }), '-p', path.join(__dirname, 'tsconfig.lib.json')],
  {
    stdio: 'inherit',
  },
);
for (const file of ['package.json', 'README.md']) copyFileSync(path.join(__dirname, file), path.join(out, file));
