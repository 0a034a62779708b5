import { setTimeout as delay } from 'node:timers/promises';
import type { ApolloGatewayDriver } from '@nestjs/apollo';
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { Authenticator } from '../auth/authenticator';
import { assertGraphQLAccess } from '../auth/graphql-access';
import { type PollResult, type RequestProgress, type StreamClock, streamProgress } from './progress-stream';

const FIELDS = 'id identityId status attempt requestedAt deadline completedAt error nextAttemptAt retriedAt';
const ROTATION = `query RotationProgress($id: ID!) { request: rotationRequest(id: $id) { ${FIELDS} } }`;
const REVOCATION = `query RevocationProgress($id: ID!) { request: revocationRequest(id: $id) { ${FIELDS} } }`;

const SYSTEM_CLOCK: StreamClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
};

/** The HTTP status of a refusal before the stream starts, by its GraphQL code. */
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, RATE_LIMITED: 429 };

/**
 * GET /progress/rotations/:id and /progress/revocations/:id: one attempt's progress as server-sent events
 * (docs/adr/0039). The gateway authenticates the bearer token as for /graphql and polls the request through
 * its own executor as that actor, so the subgraphs' access rules, the rate limit and the value-free errors
 * all apply. Refusals before the stream starts are plain JSON with the HTTP status.
 */
@Controller('progress')
export class ProgressController {
  constructor(
    private readonly modules: ModuleRef,
    private readonly authenticator: Authenticator,
  ) {}

  /** The gateway's Apollo Server, which runs the polls as it runs any request. */
  private get apollo() {
    return this.modules.get<GraphQLModule<ApolloGatewayDriver>>(GraphQLModule, { strict: false }).graphQlAdapter.instance;
  }

  @Get('rotations/:id')
  rotation(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.follow(ROTATION, id, req, res);
  }

  @Get('revocations/:id')
  revocation(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.follow(REVOCATION, id, req, res);
  }

  private async follow(query: string, id: string, req: Request, res: Response): Promise<void> {
    let actor;
    try {
      actor = assertGraphQLAccess(await this.authenticator.authenticate(req.headers.authorization));
    } catch (error) {
      const { message, code } = refusal(error);
      res.status(STATUS[code] ?? 401).json({ message, code });
      return;
    }
    const poll = (): Promise<PollResult> => this.poll(query, id, actor);
    const first = await poll();
    if ('error' in first) {
      res.status(STATUS[first.error.code] ?? 502).json(first.error);
      return;
    }
    if ('missing' in first) {
      res.status(404).json({ message: 'no request has this id', code: 'NOT_FOUND' });
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx and similar proxies buffer responses unless told not to.
      'x-accel-buffering': 'no',
    });
    const client = new AbortController();
    req.on('close', () => client.abort());
    await streamProgress(
      first.request,
      poll,
      {
        event: (name, data) => res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`),
        comment: (text) => res.write(`: ${text}\n\n`),
        end: () => res.end(),
      },
      SYSTEM_CLOCK,
      client.signal,
    );
  }

  private async poll(query: string, id: string, actor: ReturnType<typeof assertGraphQLAccess>): Promise<PollResult> {
    const response = await this.apollo.executeOperation({ query, variables: { id } }, { contextValue: { actor } });
    if (response.body.kind !== 'single') return { error: { message: 'the gateway answered in parts', code: 'INTERNAL_SERVER_ERROR' } };
    const { data, errors } = response.body.singleResult;
    const error = errors?.[0];
    if (error) return { error: { message: error.message, code: String(error.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR') } };
    const request = (data as { request?: RequestProgress | null } | undefined)?.request;
    return request ? { request } : { missing: true };
  }
}

function refusal(error: unknown): { message: string; code: string } {
  if (error instanceof GraphQLError) return { message: error.message, code: String(error.extensions['code'] ?? 'UNAUTHENTICATED') };
  return { message: 'authentication failed', code: 'UNAUTHENTICATED' };
}
