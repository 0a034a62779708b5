import path from 'node:path';
import { runSdlCommand } from '@nhi/graphql';
import { OWNERSHIP_SCHEMA } from './schema';

runSdlCommand(OWNERSHIP_SCHEMA, path.resolve(__dirname, '../schema.graphql'));
