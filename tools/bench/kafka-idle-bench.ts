import { execFile } from 'node:child_process';
import { parseArgs, promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaClient } from '@nhi/messaging';
import { runBench } from './bench-support';

/**
 * npm run bench:kafka-idle -- [--seconds 10] [--brokers 127.0.0.1:9092]
 *
 * The CPU an idle process spends on its Kafka connections: a producer and an
 * admin connect, send and list once, then sit idle. Measured in two fresh
 * processes, kafkajs as shipped and the platform's client (idle-request-queue.ts),
 * so the baseline is of the same run on the same machine.
 */
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    brokers: { type: 'string', default: '127.0.0.1:9092' },
    child: { type: 'string' },
  },
});
const brokers = values.brokers.split(',');
const seconds = Number(values.seconds);

async function idleCpuMsPerSecond(kafka: Kafka): Promise<number> {
  const producer = kafka.producer();
  const admin = kafka.admin();
  await producer.connect();
  await admin.connect();
  await admin.listTopics();
  const before = process.cpuUsage();
  const began = Date.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const used = process.cpuUsage(before);
  const elapsed = (Date.now() - began) / 1000;
  await producer.disconnect();
  await admin.disconnect();
  return (used.user + used.system) / 1000 / elapsed;
}

async function child(kind: string): Promise<void> {
  const kafka =
    kind === 'stock'
      ? new Kafka({ clientId: 'bench-idle', brokers, logLevel: logLevel.NOTHING })
      : kafkaClient({ clientId: 'bench-idle', brokers });
  process.stdout.write(String(await idleCpuMsPerSecond(kafka)));
}

async function measure(kind: string): Promise<number> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...process.execArgv, __filename, '--child', kind, '--seconds', String(seconds), '--brokers', values.brokers],
    { env: { ...process.env, NODE_NO_WARNINGS: '1' } },
  );
  return Number(stdout);
}

async function main(): Promise<void> {
  if (values.child) return child(values.child);
  console.log(`[bench] idle CPU of one producer and one admin over ${seconds} s, each in a fresh process`);
  const stock = await measure('stock');
  const platform = await measure('platform');
  console.log(`  kafkajs 2.2.4 as shipped: ${stock.toFixed(1)} ms CPU per second`);
  console.log(`  the platform's client:    ${platform.toFixed(1)} ms CPU per second`);
  console.log(`  ratio: ${(stock / Math.max(platform, 0.01)).toFixed(1)}x less idle CPU`);
}

runBench(main);
