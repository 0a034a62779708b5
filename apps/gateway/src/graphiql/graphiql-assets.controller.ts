import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GRAPHIQL_ASSET_PATH, graphiqlAssetFile } from './graphiql-assets';
import { graphiqlStartScript } from './graphiql-page';

/** GET /graphiql/{file}: GraphiQL's files, from the npm packages in node_modules (development only). */
@Controller(GRAPHIQL_ASSET_PATH.slice(1))
export class GraphiQLAssetsController {
  private readonly startScript = graphiqlStartScript();

  @Get('start.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  start(): string {
    return this.startScript;
  }

  @Get(':file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const onDisk = graphiqlAssetFile(file);
    // The name asked for is not repeated: a path segment may hold anything.
    if (!onDisk) throw new NotFoundException('no such GraphiQL file');
    res.sendFile(onDisk, { maxAge: '1h' });
  }
}
