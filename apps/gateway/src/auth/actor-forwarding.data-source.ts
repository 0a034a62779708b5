import { RemoteGraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, parse } from 'graphql';
import { Actor, ACTOR_HEADER, signActorHeader } from '@nhi/auth';
import { injectTraceContext } from '@nhi/tracing';
import { failureOf, locatedErrors } from './unavailable-subgraph';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

export interface GatewayContext {
  actor?: Actor;
}

export interface SubgraphCallOptions {
  /** The subgraph's name, for errors. */
  name?: string;
  /** Longest one call to the subgraph may take, answer included (SUBGRAPH_TIMEOUT_MS). */
  timeoutMs?: number;
}

/** Calls one subgraph, carrying the verified actor in a short-lived signed header. */
export class ActorForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly subgraph: string;
  private readonly timeoutMs: number | undefined;

  constructor(
    url: string,
    private readonly signingKey: string,
    private readonly ttlSeconds: number,
    options: SubgraphCallOptions = {},
  ) {
    // Node's own fetch (undici, keep-alive): make-fetch-happen, the default, is an npm client's fetch with a
    // cache layer and agent per call, and took a quarter of the gateway's CPU on a 100-entity page (docs/benchmarks.md).
    super({ url, fetcher: fetch as unknown as Fetcher });
    this.subgraph = options.name ?? url;
    this.timeoutMs = options.timeoutMs;
    if (this.timeoutMs !== undefined) this.fetcher = withTimeout(this.fetcher, this.timeoutMs);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Node's fetch is not instrumented: the trace goes on to the subgraph here (ADR 0033).
    injectTraceContext(request.http?.headers);
    // Health checks and schema loads have no actor; the gateway sends neither to subgraphs at run time.
    if (!('actor' in context) || !context.actor) return;
    request.http?.headers.set(ACTOR_HEADER, signActorHeader(context.actor, this.signingKey, this.ttlSeconds));
  }

  /**
   * A subgraph that does not answer (down, refusing, timed out) costs the client only the fields it adds:
   * they come back null, each with a located error, instead of one unlocated error (issue 22, item 6).
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      // Health checks and schema loads fail as before; only a client's operation has fields to locate.
      if (!('incomingRequestContext' in options) || !options.request.query) throw error;
      const failure = failureOf(error, this.subgraph);
      if (!failure) throw error;
      return { errors: locatedErrors(options.document ?? parse(options.request.query), options.request.variables, failure) };
    }
  }

  /** A call cut off by the timeout (while waiting for the answer or reading it) says so, naming the subgraph. */
  override didEncounterError(error: Error): void {
    if (this.timeoutMs !== undefined && isAbort(error)) {
      throw new GraphQLError(
        `Subgraph ${this.subgraph} did not answer within ${this.timeoutMs} ms (SUBGRAPH_TIMEOUT_MS); the request was cancelled`,
        { extensions: { code: 'SUBGRAPH_TIMEOUT', subgraph: this.subgraph, timeoutMs: this.timeoutMs } },
      );
    }
    throw error;
  }
}

function withTimeout(fetcher: Fetcher, timeoutMs: number): Fetcher {
  return (url, init) => fetcher(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

function isAbort(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  const type = (error as { type?: string } | null)?.type;
  return name === 'AbortError' || name === 'TimeoutError' || type === 'aborted';
}
