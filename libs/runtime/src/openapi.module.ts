import { Controller, DynamicModule, Get, Module } from '@nestjs/common';

/** Where a service serves the OpenAPI document of its REST routes. */
export const OPENAPI_PATH = 'openapi.json';

/**
 * GET /openapi.json: the service's committed OpenAPI 3.1 document (its REST
 * routes: those outside the graph), public like /schemas, for client
 * generators and API portals. ADR 0032.
 */
export function openApiModule(document: object): DynamicModule {
  @Controller()
  class OpenApiController {
    @Get(OPENAPI_PATH)
    document(): object {
      return document;
    }
  }
  @Module({ controllers: [OpenApiController] })
  class OpenApiModule {}
  return { module: OpenApiModule };
}
