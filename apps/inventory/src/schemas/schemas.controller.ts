import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { buildAsyncApiDocument, schemaDocuments } from '@nhi/contracts';

/**
 * The event contract, served where the `dataschema` of every event resolves:
 * `GET /schemas/<$id>` (the URN as it stands, e.g. `urn:nhi:schema:nhi.rotation.requested:1`).
 * Public on purpose: integrators validate against it before they hold a token.
 */
@Controller('schemas')
export class SchemasController {
  private readonly documents = schemaDocuments();

  @Get()
  index(): { schemas: string[]; asyncapi: string } {
    return { schemas: [...this.documents.keys()].sort(), asyncapi: '/schemas/asyncapi.json' };
  }

  @Get('asyncapi.json')
  asyncApi(): Record<string, unknown> {
    return buildAsyncApiDocument();
  }

  @Get(':id')
  schema(@Param('id') id: string): Record<string, unknown> {
    const schema = this.documents.get(id);
    // The id asked for is not repeated: a path segment may hold anything.
    if (!schema) throw new NotFoundException('no schema has that id; GET /schemas lists them');
    return schema;
  }
}
