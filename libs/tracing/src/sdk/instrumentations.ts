import type { Instrumentation } from '@opentelemetry/instrumentation';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';

/** Probes and scrapes arrive every few seconds and say nothing about a request's path. */
const UNTRACED_PATHS = /^\/(health|metrics)(\/|\?|$)/;

/** What a request touches on its way: HTTP in and out, express routes, GraphQL operations, SQL. */
export function tracingInstrumentations(): Instrumentation[] {
  return [
    new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? '') }),
    // Route handlers only: a span per middleware (body parser, CORS, auth) is noise on every request.
    new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
    // A span per field would be thousands per page of identities; resolvers that only read a property get none.
    new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
    // Only SQL that belongs to a traced operation: the relay's polling and the consumer's bookkeeping would be a trace each.
    new PgInstrumentation({ requireParentSpan: true }),
  ];
}
