import { AWS_FAMILIES } from './aws-identifiers';
import { OTHER_FAMILIES } from './other-identifiers';
import { CorpusSample, Random } from './random';
import { CLOUD_AND_SAAS_FORMATS, SOURCE_AND_AI_FORMATS } from './secret-formats';

export const SECRET_SAMPLES_PER_FORMAT = 8;
export const IDENTIFIER_SAMPLES_PER_FAMILY = 40;
const SEED = 15;

/** Where a secret turns up: bare, in a note, quoted in JSON; in identifier fields as well as free text. */
const SECRET_FIELDS = ['tags.note', 'externalId', 'name', 'reason', 'tags[0].value', 'description', 'scopes[0]', 'system'];
const WRAPPERS: Array<(value: string) => string> = [(v) => v, (v) => `leaked here: ${v} (oops)`, (v) => JSON.stringify({ value: v })];

/** The real-world examples, kept verbatim. */
const KNOWN_IDENTIFIERS: CorpusSample[] = [
  ['AWSReservedSSO_AdministratorAccess_dc6414f7f2ab04fc', 'name'],
  ['stacksets-exec-6a1f0b2c3d4e5f60718293a4b5c6d7e8', 'name'],
  ['AWS-QuickSetup-EnableCRecording-1clff_us-east-1', 'name'],
  ['eksctl-prod-nodegroup-ng-1-NodeInstanceRole-1GLJ9KX3WZ4QH', 'name'],
  ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 'externalId'],
  ['AIDAJQABLZS4A3QDU576Q', 'externalId'],
  ['AROADBQP57FF2AEXAMPLE', 'externalId'],
  ['AKIAIOSFODNN7EXAMPLE', 'externalId'],
].map(([value, field]) => ({ format: 'issue-example', value: value as string, field: field as string }));

export function buildSecretCorpus(): CorpusSample[] {
  const r = new Random(SEED);
  const samples: CorpusSample[] = [];
  for (const [format, make] of [...SOURCE_AND_AI_FORMATS, ...CLOUD_AND_SAAS_FORMATS]) {
    for (let i = 0; i < SECRET_SAMPLES_PER_FORMAT; i++) {
      const wrap = WRAPPERS[i % WRAPPERS.length] ?? ((v: string) => v);
      samples.push({ format, value: wrap(make(r)), field: SECRET_FIELDS[i % SECRET_FIELDS.length] ?? 'tags.note' });
    }
  }
  return samples;
}

export function buildIdentifierCorpus(): CorpusSample[] {
  const r = new Random(SEED + 1);
  const samples = [...KNOWN_IDENTIFIERS];
  for (const [family, field, make] of [...AWS_FAMILIES, ...OTHER_FAMILIES]) {
    for (let i = 0; i < IDENTIFIER_SAMPLES_PER_FAMILY; i++) samples.push({ format: family, value: make(r), field });
  }
  return samples;
}

export function toNdjson(samples: readonly CorpusSample[]): string {
  return samples.map((sample) => JSON.stringify(sample)).join('\n') + '\n';
}
