/** A userError as the payload of a mutation returns it (ADR 0037), for specs that read payloads. */
export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}
