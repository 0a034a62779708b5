import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KafkaTestClient, testKafkaBrokers, uniqueTopicPrefix } from '@nhi/testing';

const workspace = path.resolve(__dirname, '../../..');
const dist = path.join(workspace, 'dist/libs/integrator-sdk');
let scratch: string;
let project: string;

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

    project = path.join(scratch, 'project');
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

describe('the packed conformance kit', () => {
  const INTEGRATOR_TOPICS = [
    'nhi.rotation.requests.v1',
    'nhi.revocation.requests.v1',
    'nhi.rotation.results.v1',
    'nhi.revocation.results.v1',
  ];

  it('runs as npx nhi-integrator-conformance from the installed package and fails when nobody answers', async () => {
    expect(project).toBeDefined();
    const help = spawnSync('npx', ['--no-install', 'nhi-integrator-conformance', '--help'], { cwd: project, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/usage: nhi-integrator-conformance --brokers/);

    // No integrator serves this provider on these fresh topics: every case that needs an answer fails, and says so.
    const brokers = testKafkaBrokers();
    const kafka = await KafkaTestClient.connect(brokers);
    const prefix = uniqueTopicPrefix('sdk-pack');
    try {
      await kafka.createTopics(INTEGRATOR_TOPICS.map((topic) => `${prefix}${topic}`));
      const args = ['--no-install', 'nhi-integrator-conformance', '--brokers', brokers.join(','), '--provider', 'nobody-serves'];
      const run = spawnSync('npx', [...args, '--wait', '2', '--topic-prefix', prefix], { cwd: project, encoding: 'utf8' });

      // The status with the output, so that a failure shows what the kit printed.
      expect({ status: run.status, output: `${run.stdout}${run.stderr}` }).toMatchObject({ status: 1 });
      expect(run.stderr).not.toMatch(/conformance run failed/);
      expect(run.stdout).toMatch(/^FAIL\s+rotation\s+answered\s/m);
      expect(run.stdout).toMatch(/^PASS\s+another provider\s/m);
      expect(run.stdout).toMatch(/not conformant: \d+ of \d+ checks failed/);
    } finally {
      await kafka.deleteTopicsWithPrefix(prefix);
      await kafka.disconnect();
    }
  });
});
