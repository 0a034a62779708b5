import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GATEWAY_CONFIG } from '../gateway-config.token';
import { GatewayConfig, subgraphUrls } from '../config';

interface SubgraphHealth {
  status: 'up' | 'down';
  url: string;
  error?: string;
}

/** GET /health: the gateway is healthy when every subgraph answers its own /health. */
@Controller('health')
export class SubgraphHealthController {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  @Get()
  async check(@Res() res: Response): Promise<void> {
    const entries = await Promise.all(
      Object.entries(subgraphUrls(this.config)).map(async ([name, graphqlUrl]) => [name, await probe(graphqlUrl)] as const),
    );
    const details = Object.fromEntries(entries);
    const ok = entries.every(([, health]) => health.status === 'up');
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: ok ? 'ok' : 'error', details });
  }
}

async function probe(graphqlUrl: string): Promise<SubgraphHealth> {
  const url = new URL('/health', graphqlUrl).toString();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return response.ok ? { status: 'up', url } : { status: 'down', url, error: `HTTP ${response.status}` };
  } catch (error) {
    return { status: 'down', url, error: error instanceof Error ? error.message : String(error) };
  }
}
