import type { PermissionStatement } from '@nhi/privilege';
import type { ImportFormat, ImportItem, ImportProblem, ImportRow } from './import-row';
import { IMPORT_ROW_LIMITS } from './streaming/row-limits';

const { permissions: MAX_STATEMENTS, permissionActions: MAX_ITEMS } = IMPORT_ROW_LIMITS;

function pieces<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_ITEMS) out.push(items.slice(i, i + MAX_ITEMS));
  return out;
}

/**
 * A statement within the ingest's limit of actions and of resources. Real
 * policies exceed it (AWS's ReadOnlyAccess lists well over a thousand actions
 * in one statement), and the inventory would refuse the whole row. Split by
 * actions, or by resources, a statement means exactly what it meant: Allow (or
 * Deny) A∪B on R is Allow A on R and Allow B on R. NotAction and NotResource
 * lists cannot be split so, and stay as they are (the row then says why).
 */
function split(statement: PermissionStatement): PermissionStatement[] {
  const byActions =
    statement.actions && statement.actions.length > MAX_ITEMS
      ? pieces(statement.actions).map((actions) => ({ ...statement, actions }))
      : [statement];
  return byActions.flatMap((s) =>
    s.resources && s.resources.length > MAX_ITEMS ? pieces(s.resources).map((resources) => ({ ...s, resources })) : [s],
  );
}

/**
 * The row's statements within the ingest's limits, and what could not be kept:
 * past MAX_STATEMENTS, Deny statements are kept before Allow ones, so that what
 * is left out can only understate what the identity may do, and a problem says so.
 */
export function fitPermissions(row: ImportRow, location: string): { row: ImportRow; problems: ImportProblem[] } {
  if (!row.permissions) return { row, problems: [] };
  const statements = row.permissions.flatMap(split);
  if (statements.length <= MAX_STATEMENTS)
    return { row: statements.length === row.permissions.length ? row : { ...row, permissions: statements }, problems: [] };
  const kept = [...statements.filter((s) => s.effect === 'Deny'), ...statements.filter((s) => s.effect === 'Allow')].slice(
    0,
    MAX_STATEMENTS,
  );
  return {
    row: { ...row, permissions: kept },
    problems: [
      {
        location,
        problem: `${statements.length} permission statements, more than ${MAX_STATEMENTS}: kept the Deny ones and the first Allow ones; privilege may be understated`,
      },
    ],
  };
}

/** The format with every row's statements fitted to the ingest's limits (the converters leave that to this one place). */
export function withFittedPermissions(format: ImportFormat): ImportFormat {
  return {
    ...format,
    async *convert(inputs) {
      for await (const item of format.convert(inputs)) {
        if (!('row' in item)) {
          yield item;
          continue;
        }
        const fitted = fitPermissions(item.row, `${item.row.provider} ${item.row.externalId}`);
        yield* fitted.problems.map((problem): ImportItem => ({ problem }));
        yield { row: fitted.row };
      }
    },
  };
}
