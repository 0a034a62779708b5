import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const workspace = path.resolve(__dirname, '../../..');
const dist = path.join(workspace, 'dist/libs/integrator-sdk');
let scratch: string;

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'nhi-sdk-pack-'));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

// What a user gets: the tarball installed into an empty project, used with plain node (no TypeScript, no workspace).
const USE_IT = `
const sdk = require('@nhi/integrator-sdk');
const request = { specversion: '1.0', id: 'r-1', source: '/nhi/lifecycle', type: 'nhi.rotation.requested',
  data: { requestId: '01900000-0000-7000-8000-000000000001', nhiId: '01900000-0000-7000-8000-000000000002',
          provider: 'acme-vault', externalId: 'kv/app', kind: 'SECRET', reason: 'due',
          requestedAt: '2026-12-01T10:00:00Z', deadline: '2026-12-01T11:00:00Z' } };
const read = sdk.readRequest({ value: JSON.stringify(request) });
const result = sdk.answerRotation(read, { newCredentialFingerprint: sdk.credentialFingerprint('new secret') }, { source: '/integrators/acme' });
const message = sdk.toKafkaMessage(result, 'binary');
console.log(JSON.stringify({ valid: sdk.validate(result).valid, type: result.type, source: result.source, key: message.key,
  topic: sdk.resultTopic(result.type), startIntegrator: typeof sdk.startIntegrator }));
`;

describe('the packed SDK', () => {
  it('builds, packs, installs into an empty directory and answers a request there', () => {
    execFileSync(process.execPath, [path.join(workspace, 'libs/integrator-sdk/build.cjs')], { stdio: 'pipe' });
    run('npm', ['pack', '--pack-destination', scratch, '--silent'], dist);
    const tarball = readdirSync(scratch).find((file) => file.endsWith('.tgz'));
    expect(tarball).toBe('nhi-integrator-sdk-0.1.0.tgz');

    const project = path.join(scratch, 'project');
    run('mkdir', ['-p', project], scratch);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'an-integrator', version: '1.0.0', private: true }));
    run('npm', ['install', path.join(scratch, tarball!), '--prefer-offline', '--no-audit', '--no-fund', '--silent'], project);
    writeFileSync(path.join(project, 'use-it.js'), USE_IT);

    expect(JSON.parse(run(process.execPath, ['use-it.js'], project))).toEqual({
      valid: true,
      type: 'nhi.rotation.completed',
      source: '/integrators/acme',
      key: '01900000-0000-7000-8000-000000000002',
      topic: 'nhi.rotation.results.v1',
      startIntegrator: 'function',
    });
  });
});
