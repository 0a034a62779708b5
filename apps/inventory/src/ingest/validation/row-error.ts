/** Thrown while a row is read, with a reason that is safe to show: it names the field, never the value. */
export class RowError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

export function reject(field: string, reason: string): never {
  throw new RowError(field, reason);
}
