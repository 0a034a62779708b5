/** Raised at start-up when the environment is wrong; names every bad variable and why. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid configuration for ${service}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}
