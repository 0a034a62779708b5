import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Actor, INGEST_ROLES, jwtVerifierFromConfig, RequestAuthError, RequestAuthenticator } from '@nhi/auth';
import { SUBGRAPH_CONFIG } from '@nhi/runtime';
import type { SubgraphConfig } from '@nhi/config';
import { INVENTORY_CONFIG, InventoryConfig } from '../inventory-config';

/**
 * Who is uploading, and whether they may: connectors (integrator) and
 * administrators. Connectors call inventory directly with the same bearer
 * tokens the gateway accepts; calls relayed by the gateway carry its signed actor header.
 */
@Injectable()
export class BulkActorResolver {
  private readonly authenticator: RequestAuthenticator;

  constructor(@Inject(SUBGRAPH_CONFIG) subgraph: SubgraphConfig, @Inject(INVENTORY_CONFIG) inventory: InventoryConfig) {
    this.authenticator = new RequestAuthenticator(subgraph.ACTOR_SIGNING_KEY, jwtVerifierFromConfig(inventory));
  }

  /** The uploader, when it may upload for this source (already checked against the source-name pattern): a security-admin for any, an integrator for the sources its token names. */
  async actorOf(req: Request, source: string): Promise<Actor> {
    const actor = await this.authenticator.authenticate(req, INGEST_ROLES, 'bulk ingest');
    if (!actor.roles.includes('security-admin') && !(actor.sources ?? []).includes(source)) {
      const allowed = actor.sources?.length ? actor.sources.join(', ') : 'none';
      throw new RequestAuthError(
        403,
        `Forbidden: ${actor.sub} may ingest only for its own sources (${allowed}), not for the one in the path`,
        actor,
      );
    }
    return actor;
  }
}
