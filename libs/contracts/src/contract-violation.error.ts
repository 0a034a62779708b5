/** An event that breaks its contract. Never retried: the message goes to the dead-letter topic. */
export class ContractViolationError extends Error {
  override readonly name: string = 'ContractViolationError';

  /**
   * @param reason what is wrong as a whole, without the values
   * @param problems each as `<path> <what was expected>`, e.g. `event/id must NOT have fewer than 1 characters`
   */
  constructor(
    readonly reason: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 0 ? `${reason}: ${problems.join('; ')}` : reason);
  }
}
