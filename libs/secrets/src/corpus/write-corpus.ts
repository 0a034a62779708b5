import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildIdentifierCorpus, buildSecretCorpus, toNdjson } from './build-corpus';

/**
 * node -r @swc-node/register libs/secrets/src/corpus/write-corpus.ts
 * Rewrites the committed corpus; a unit test fails when the files and this generator differ.
 */
export const CORPUS_DIR = path.join(__dirname, '..', '..', 'corpus');

if (require.main === module) {
  writeFileSync(path.join(CORPUS_DIR, 'secrets.ndjson'), toNdjson(buildSecretCorpus()));
  writeFileSync(path.join(CORPUS_DIR, 'identifiers.ndjson'), toNdjson(buildIdentifierCorpus()));
}
