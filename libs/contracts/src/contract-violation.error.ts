/** An event that breaks its contract. Never retried: the message goes to the dead-letter topic. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';

  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 0 ? `${message}: ${problems.join('; ')}` : message);
  }
}
