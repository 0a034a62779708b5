import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Actor, jwtVerifierFromConfig, RequestAuthenticator } from '@nhi/auth';
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

  actorOf(req: Request): Promise<Actor> {
    return this.authenticator.authenticate(req, ['integrator', 'security-admin'], 'bulk ingest');
  }
}
