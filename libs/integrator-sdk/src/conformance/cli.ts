#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { reportTable } from './report-table';
import { runConformance } from './run-conformance';

const USAGE =
  'usage: nhi-integrator-conformance --brokers host:port[,host:port] [--provider name] [--wait seconds] [--topic-prefix prefix]\n' +
  '  TLS and SASL as the platform reads them: KAFKA_SSL, KAFKA_SSL_CA_FILE, KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD_FILE ...';

/**
 * `npx nhi-integrator-conformance --brokers 127.0.0.1:9092 --provider demo` (in this
 * repository: `npm run conformance -- …`): exits 0 when the integrator conforms,
 * 1 when not, 2 on bad usage or when the run itself fails.
 */
async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        brokers: { type: 'string' },
        provider: { type: 'string', default: 'demo' },
        wait: { type: 'string', default: '20' },
        'topic-prefix': { type: 'string', default: '' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const waitSeconds = Number(values.wait);
  if (!values.brokers || !Number.isFinite(waitSeconds) || waitSeconds <= 0) {
    console.error(USAGE);
    return 2;
  }
  console.log(`playing the platform against the integrator for provider ${values.provider} on ${values.brokers} ...`);
  const results = await runConformance({
    brokers: values.brokers.split(','),
    provider: values.provider,
    topicPrefix: values['topic-prefix'],
    waitSeconds,
  });
  console.log(reportTable(results));
  return results.every((r) => r.passed) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`conformance run failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
