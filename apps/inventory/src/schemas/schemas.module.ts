import { Module } from '@nestjs/common';
import { SchemasController } from './schemas.controller';

/** The event contract's JSON Schemas and AsyncAPI document over HTTP. */
@Module({ controllers: [SchemasController] })
export class SchemasModule {}
