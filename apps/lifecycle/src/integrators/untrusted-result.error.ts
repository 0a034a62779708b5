import { ContractViolationError } from '@nhi/contracts';

/**
 * A result whose source is not registered (or retired) for the provider of the
 * identity it settles. Refused like a contract violation: never retried, sent
 * to the dead-letter topic, answered on the feedback topic and audited.
 */
export class UntrustedResultError extends ContractViolationError {
  override readonly name = 'UntrustedResultError';

  constructor(label: 'rotation' | 'revocation', requestId: string, provider: string) {
    super(`${label} result for request ${requestId} comes from a source not registered for provider ${provider}; see registerIntegrator`);
  }
}
