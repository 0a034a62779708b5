import path from 'node:path';
import { runSdlCommand } from '@nhi/graphql';
import { LIFECYCLE_SCHEMA } from './schema';

runSdlCommand(LIFECYCLE_SCHEMA, path.resolve(__dirname, '../schema.graphql'));
