import { createHash } from 'node:crypto';
import type { ImportProblem, ImportRow } from '../import-row';

/**
 * The limits of one ingest row (apps/inventory/src/ingest/validation/row-limits.ts
 * and the bulk NDJSON line), copied here because a library does not import an
 * app. A row that exceeds them is refused whole by the ingest, so importers fit
 * rows to them and say what they cut.
 */
export const IMPORT_ROW_LIMITS = {
  externalId: 500,
  name: 300,
  scopes: 500,
  scope: 500,
  tags: 100,
  tagKey: 128,
  tagValue: 500,
  /** Permission statements of a row, the actions or resources of one, and the length of any text in them. */
  permissions: 500,
  permissionActions: 1000,
  permissionText: 500,
  credentials: 50,
  /** apps/inventory/src/bulk/ndjson-rows.ts MAX_LINE_BYTES. */
  lineBytes: 1024 * 1024,
} as const;

const ELLIPSIS = '…';

/** Cuts text to `max` characters, the last being an ellipsis. */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}${ELLIPSIS}`;
}

/**
 * An external id that fits: itself when short enough, else its start and a hash
 * of the whole (`…#` and 16 hex digits), the same for the same id in every
 * export, so two formats that name one identity still meet on it.
 */
export function fitExternalId(id: string, max: number = IMPORT_ROW_LIMITS.externalId): string {
  if (id.length <= max) return id;
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 16);
  return `${id.slice(0, max - hash.length - 2)}${ELLIPSIS}#${hash}`;
}

function fitScopes(scopes: string[], problems: string[]): string[] {
  const { scopes: most, scope: longest } = IMPORT_ROW_LIMITS;
  let fitted = scopes;
  if (fitted.some((scope) => scope.length > longest)) {
    problems.push(`a scope line is longer than ${longest} characters: cut`);
    fitted = fitted.map((scope) => cut(scope, longest));
  }
  if (fitted.length > most) {
    problems.push(`${fitted.length} scope lines, more than ${most}: kept the first ${most - 1} and a line saying how many more`);
    fitted = [...fitted.slice(0, most - 1), `… and ${fitted.length - (most - 1)} more`];
  }
  return fitted;
}

function fitTags(tags: NonNullable<ImportRow['tags']>, problems: string[]): NonNullable<ImportRow['tags']> {
  const { tags: most, tagKey, tagValue } = IMPORT_ROW_LIMITS;
  let fitted = tags;
  if (fitted.length > most) {
    problems.push(`${fitted.length} tags, more than ${most}: kept the first ${most}`);
    fitted = fitted.slice(0, most);
  }
  if (fitted.some((tag) => tag.key.length > tagKey || (tag.value?.length ?? 0) > tagValue)) {
    problems.push(`a tag key longer than ${tagKey} or a value longer than ${tagValue} characters: cut`);
    fitted = fitted.map((tag) => ({ key: cut(tag.key, tagKey), value: tag.value === null ? null : cut(tag.value, tagValue) }));
  }
  return fitted;
}

/**
 * Fits a row to the ingest's limits: cuts a long name, scope line or tag, keeps
 * the first scopes and tags with a count of the rest, and shortens a long
 * external id with a hash. Each cut is a problem at `location`; the principal
 * itself is never dropped. The size of the whole line is the caller's to keep
 * (see IMPORT_ROW_LIMITS.lineBytes): only it knows what can be summarised.
 */
export function fitRow(row: ImportRow, location: string): { row: ImportRow; problems: ImportProblem[] } {
  const problems: string[] = [];
  const fitted: ImportRow = { ...row };
  if (row.externalId.length > IMPORT_ROW_LIMITS.externalId) {
    problems.push(
      `the external id is longer than ${IMPORT_ROW_LIMITS.externalId} characters: shortened to its start and a hash of the whole`,
    );
    fitted.externalId = fitExternalId(row.externalId);
  }
  if (row.name.length > IMPORT_ROW_LIMITS.name) {
    problems.push(`the name is longer than ${IMPORT_ROW_LIMITS.name} characters: cut`);
    fitted.name = cut(row.name, IMPORT_ROW_LIMITS.name);
  }
  if (row.scopes) fitted.scopes = fitScopes(row.scopes, problems);
  if (row.tags) fitted.tags = fitTags(row.tags, problems);
  return { row: fitted, problems: problems.map((problem) => ({ location, problem })) };
}
