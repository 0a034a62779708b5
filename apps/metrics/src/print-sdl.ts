import path from 'node:path';
import { runSdlCommand } from '@nhi/graphql';
import { METRICS_SCHEMA } from './schema';

runSdlCommand(METRICS_SCHEMA, path.resolve(__dirname, '../schema.graphql'));
