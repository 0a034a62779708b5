import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPOSITORY_ROOT } from './doc-snippets';
import { freePort, waitForPort } from './free-port';

export interface SecureKafkaBrokerOptions {
  /** Where its configuration, data and logs go; the caller removes it. */
  dir: string;
  /** PEM certificate and unencrypted PKCS#8 key the broker presents, valid for 127.0.0.1. */
  certificate: { cert: string; key: string };
  /** SCRAM-SHA-512 users, created when the storage is formatted. */
  scramUsers: Record<string, string>;
  /** PLAIN users, as the broker's JAAS configuration lists them. */
  plainUsers: Record<string, string>;
}

export interface SecureKafkaBroker {
  /** Bootstrap address of the SASL_SSL listener. */
  brokers: string[];
  stop(): Promise<void>;
}

const INFRA = path.join(REPOSITORY_ROOT, 'infra/kafka');
const READY_WITHIN_MS = 90_000;

/** The jars infra/kafka/kafka.sh resolved for the shared broker, or resolved now into `dir`. */
async function classpath(dir: string): Promise<string> {
  const shared = path.join(INFRA, '.data/classpath.txt');
  if (existsSync(shared)) return (await readFile(shared, 'utf8')).trim();
  await runToEnd('bash', [path.join(INFRA, 'kafka.sh'), 'fetch'], { ...process.env, KAFKA_DATA_DIR: dir });
  return (await readFile(path.join(dir, 'classpath.txt'), 'utf8')).trim();
}

function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.slice(-2000)}`))));
  });
}

function jaasUsers(users: Record<string, string>): string {
  return Object.entries(users)
    .map(([name, password]) => `user_${name}="${password}"`)
    .join(' ');
}

function serverProperties(dir: string, ports: { client: number; internal: number; controller: number }, options: SecureKafkaBrokerOptions) {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${ports.controller}`,
    'controller.listener.names=CONTROLLER',
    // Plain text only between the broker and its own controller; clients get the SASL_SSL listener alone.
    `listeners=SECURE://127.0.0.1:${ports.client},INTERNAL://127.0.0.1:${ports.internal},CONTROLLER://127.0.0.1:${ports.controller}`,
    `advertised.listeners=SECURE://127.0.0.1:${ports.client},INTERNAL://127.0.0.1:${ports.internal}`,
    'inter.broker.listener.name=INTERNAL',
    'listener.security.protocol.map=SECURE:SASL_SSL,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'listener.name.secure.sasl.enabled.mechanisms=SCRAM-SHA-512,PLAIN',
    'listener.name.secure.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;',
    `listener.name.secure.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required ${jaasUsers(options.plainUsers)};`,
    'ssl.keystore.type=PEM',
    `ssl.keystore.location=${path.join(dir, 'broker-keystore.pem')}`,
    'ssl.client.auth=none',
    `log.dirs=${path.join(dir, 'kraft')}`,
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=3',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'min.insync.replicas=1',
    'default.replication.factor=1',
    'auto.create.topics.enable=false',
    'group.initial.rebalance.delay.ms=0',
    'num.network.threads=1',
    'num.io.threads=2',
    '',
  ].join('\n');
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * A second, throwaway Kafka broker (the same jars as the shared one, its own
 * ports and data) whose only client listener requires SASL_SSL with
 * SCRAM-SHA-512 or PLAIN. The shared broker is never touched. Costs a JVM to
 * format its storage and one to run it: about 10-20 s.
 */
export async function startSecureKafkaBroker(options: SecureKafkaBrokerOptions): Promise<SecureKafkaBroker> {
  const { dir } = options;
  await mkdir(path.join(dir, 'logs'), { recursive: true });
  const ports = { client: await freePort(), internal: await freePort(), controller: await freePort() };
  const config = path.join(dir, 'server.properties');
  const [cert, key, jars] = await Promise.all([
    readFile(options.certificate.cert, 'utf8'),
    readFile(options.certificate.key, 'utf8'),
    classpath(dir),
  ]);
  await writeFile(path.join(dir, 'broker-keystore.pem'), `${key.trim()}\n${cert.trim()}\n`, { mode: 0o600 });
  await writeFile(config, serverProperties(dir, ports, options));
  const java = ['-Xms128m', '-Xmx512m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true'];
  const logging = [`-Dlog4j2.configurationFile=${path.join(INFRA, 'log4j2.properties')}`, `-Dkafka.logs.dir=${path.join(dir, 'logs')}`];
  const scram = Object.entries(options.scramUsers).flatMap(([name, password]) => [
    '--add-scram',
    `SCRAM-SHA-512=[name=${name},password=${password}]`,
  ]);
  // Kafka's cluster ids are 16 random bytes in URL-safe base64: made here rather than by a JVM start of its own.
  const clusterId = randomBytes(16).toString('base64url');
  await runToEnd('java', [...java, '-cp', jars, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', config, ...scram]);
  const broker = spawn('java', [...java, ...logging, '-cp', jars, 'kafka.Kafka', config], { stdio: 'ignore' });
  try {
    await waitForPort(ports.client, READY_WITHIN_MS, () => broker.exitCode !== null, `the SASL_SSL test broker (logs in ${dir}/logs)`);
  } catch (error) {
    await stopChild(broker);
    throw error;
  }
  return { brokers: [`127.0.0.1:${ports.client}`], stop: () => stopChild(broker) };
}
