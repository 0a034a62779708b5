import { GraphQLError } from 'graphql';
import { Actor, AuthenticationError, bearerToken, JwtVerifier, jwtVerifierFromConfig } from '@nhi/auth';
import type { GatewayConfig } from '../config';

/** Turns the Authorization header into a verified actor, or a GraphQL UNAUTHENTICATED error with no data. */
export class Authenticator {
  private readonly verify: JwtVerifier;

  constructor(config: GatewayConfig, publicKeyPem?: string) {
    this.verify = jwtVerifierFromConfig(config, publicKeyPem);
  }

  async authenticate(authorization: string | undefined): Promise<Actor> {
    try {
      return await this.verify(bearerToken(authorization));
    } catch (error) {
      const message = error instanceof AuthenticationError ? error.message : 'authentication failed';
      throw new GraphQLError(`Unauthenticated: ${message}`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    }
  }
}
