import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { GatewayConfig } from './config';

/**
 * Browsers may call the gateway cross-origin only from CORS_ORIGINS (none in production unless
 * configured), with the methods and headers a GraphQL client needs.
 */
export function corsOptions(config: Pick<GatewayConfig, 'CORS_ORIGINS'>): CorsOptions {
  return {
    origin: config.CORS_ORIGINS.length > 0 ? [...config.CORS_ORIGINS] : false,
    methods: ['POST', 'GET', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    exposedHeaders: ['Retry-After'],
    maxAge: 600,
  };
}
