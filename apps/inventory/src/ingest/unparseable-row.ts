/** A line of an upload that is not a JSON object: reported as a rejected row like any other bad row. */
export class UnparseableRow {
  constructor(readonly reason: string) {}
}
