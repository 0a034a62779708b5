import { writeOrCheckGeneratedFile } from './generated-file';
import { printSubgraphSdl } from './print-sdl';
import type { SubgraphSchema } from './subgraph-graphql.module';

/** The `sdl` target of a subgraph: writes its schema.graphql, or with --check fails on drift. */
export function runSdlCommand(schema: SubgraphSchema, schemaFile: string): void {
  printSubgraphSdl(schema)
    .then((sdl) => writeOrCheckGeneratedFile(schemaFile, sdl, process.argv.includes('--check'), 'npm run graphql:generate'))
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
