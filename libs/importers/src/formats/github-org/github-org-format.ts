import type { ImportFormat, ImportInput, ImportItem, ImportRow } from '../../import-row';
import { isObject } from '../shared/fields';
import { fileNameOf } from '../shared/inputs';
import { isFault, readRecords } from '../shared/records';
import { ROW_BOUNDS, boundScopes, boundTags, compactRow } from '../shared/row-bounds';
import { classify, organizationOf, repositoryOf } from './github-records';
import { deployKeyRow, installationRow, personalAccessTokenRow } from './github-rows';

/**
 * GitHub's non-human identities from the REST API's JSON: an organization's app
 * installations (`GET /orgs/{org}/installations`), a repository's deploy keys
 * (`GET /repos/{owner}/{repo}/keys`, named `<owner>__<repo>.keys.json` or wrapped
 * as `{"repository": "owner/repo", "keys": [...]}`) and the fine-grained personal
 * access tokens granted to an organization (`GET /orgs/{org}/personal-access-tokens`,
 * best named `<org>.personal-access-tokens.json`). Any files, told apart by
 * shape; one pass, each record one row.
 */
export const githubOrgFormat: ImportFormat = {
  name: 'github-org',
  summary: 'GitHub app installations, deploy keys and fine-grained personal access tokens: the REST API JSON of an organization',
  convert,
};

const DEPLOY_KEY_REPOSITORY =
  'deploy keys without their repository: name the file <owner>__<repo>.keys.json or wrap the list as {"repository": "owner/repo", "keys": [...]}; skipped';

async function* convert(inputs: readonly ImportInput[]): AsyncGenerator<ImportItem> {
  for (const input of inputs) {
    const fileName = fileNameOf(input);
    let missingRepository = false;
    for await (const record of readRecords(input, ['installations'])) {
      if (isFault(record)) {
        yield { problem: record.fault };
        continue;
      }
      const found = classify(record.value);
      if (found.type === 'installation') yield* rowItems(installationRow(found.value), record.location);
      if (found.type === 'personalAccessToken')
        yield* rowItems(personalAccessTokenRow(found.value, organizationOf(fileName)), record.location);
      if (found.type === 'deployKey' || found.type === 'deployKeys') {
        const repository = repositoryOf(found.type === 'deployKeys' ? found.repository : undefined, fileName);
        if (!repository) {
          if (!missingRepository) yield { problem: { location: record.location, problem: DEPLOY_KEY_REPOSITORY } };
          missingRepository = true;
          continue;
        }
        const keys =
          found.type === 'deployKey' ? [{ value: found.value, location: record.location }] : wrappedKeys(found.keys, record.location);
        for (const key of keys)
          yield* rowItems(isObject(key.value) ? deployKeyRow(key.value, repository) : 'is not a deploy key; skipped', key.location);
      }
      if (found.type === 'unknown') {
        yield {
          problem: {
            location: record.location,
            problem: 'is not an app installation, a deploy key or a personal access token grant; skipped',
          },
        };
      }
    }
  }
}

const wrappedKeys = (keys: unknown[], location: string) => keys.map((value, i) => ({ value, location: `${location} keys[${i}]` }));

/** A row within the limits, or the problem that stood in its way. */
function* rowItems(row: ImportRow | string, location: string): Generator<ImportItem> {
  if (typeof row === 'string') {
    yield { problem: { location, problem: row } };
    return;
  }
  if (row.externalId.length > ROW_BOUNDS.externalId) {
    yield { problem: { location, problem: `its externalId would be longer than ${ROW_BOUNDS.externalId} characters; skipped` } };
    return;
  }
  const scopes = boundScopes(row.scopes ?? [], location);
  const tags = boundTags(row.tags ?? [], location);
  yield* [...scopes.problems, ...tags.problems].map((problem) => ({ problem }));
  yield { row: compactRow({ ...row, scopes: scopes.scopes, tags: tags.tags }) };
}
