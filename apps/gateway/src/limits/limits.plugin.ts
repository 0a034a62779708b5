import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../auth/actor-forwarding.data-source';
import { checkAliases } from './alias-count';
import { CostOptions, checkCost } from './query-cost';
import { checkDepth } from './query-depth';
import { fragmentsOf } from './operation-walk';
import { checkPageSizes } from './page-size';
import type { ActorRateLimiter } from './rate-limit';
import { checkRootFields } from './root-fields';

export interface OperationLimits extends CostOptions {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxRootFields: number;
  maxPageSize: number;
}

/**
 * Checks each operation once it is parsed, validated and chosen, before the gateway
 * plans it: nothing reaches a subgraph when the actor's rate budget is spent or the
 * operation is too deep, too costly, too wide or asks for too large a page.
 */
export function abuseLimitsPlugin(limits: OperationLimits, rateLimiter: ActorRateLimiter): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema, contextValue }) {
          // Apollo refuses a request without a runnable operation before this hook.
          if (!operation) return;
          if (contextValue.actor) {
            const limited = await rateLimiter.consume(contextValue.actor.sub, operation.operation);
            if (limited) throw limited;
          }
          const fragments = fragmentsOf(document);
          const refusal =
            checkDepth(operation, fragments, limits.maxDepth) ??
            checkAliases(operation, fragments, limits.maxAliases) ??
            checkRootFields(operation, fragments, limits.maxRootFields) ??
            checkPageSizes(operation, fragments, request.variables, limits.maxPageSize) ??
            checkCost(schema, operation, fragments, request.variables, limits.maxCost, limits);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
