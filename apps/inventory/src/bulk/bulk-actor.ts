import { Injectable, Inject } from '@nestjs/common';
import type { Request } from 'express';
import { Actor, ACTOR_HEADER, bearerToken, JwtVerifier, jwtVerifierFromConfig, verifyActorHeader } from '@nhi/auth';
import { SUBGRAPH_CONFIG } from '@nhi/runtime';
import type { SubgraphConfig } from '@nhi/config';
import { INVENTORY_CONFIG, InventoryConfig } from '../inventory-config';

export class BulkAuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

/** Roles that may push identities in bulk: connectors (integrator) and administrators. */
const BULK_ROLES = new Set(['integrator', 'security-admin']);

/**
 * Who is uploading. Connectors call inventory directly with the same bearer
 * tokens the gateway accepts; calls relayed by the gateway carry its signed actor header.
 */
@Injectable()
export class BulkActorResolver {
  private readonly verifyJwt: JwtVerifier;

  constructor(
    @Inject(SUBGRAPH_CONFIG) private readonly subgraph: SubgraphConfig,
    @Inject(INVENTORY_CONFIG) inventory: InventoryConfig,
  ) {
    this.verifyJwt = jwtVerifierFromConfig(inventory);
  }

  async actorOf(req: Request): Promise<Actor> {
    let actor: Actor;
    try {
      const signed = req.header(ACTOR_HEADER);
      actor = signed
        ? verifyActorHeader(signed, this.subgraph.ACTOR_SIGNING_KEY)
        : await this.verifyJwt(bearerToken(req.header('authorization')));
    } catch (error) {
      throw new BulkAuthError(401, `Unauthenticated: ${error instanceof Error ? error.message : 'authentication failed'}`);
    }
    if (!actor.roles.some((role) => BULK_ROLES.has(role))) {
      throw new BulkAuthError(
        403,
        `Forbidden: bulk ingest needs the integrator or security-admin role; ${actor.sub} has ${actor.roles.join(', ') || 'none'}`,
      );
    }
    return actor;
  }
}
