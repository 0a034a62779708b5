import path from 'node:path';
import { runSdlCommand } from '@nhi/graphql';
import { EXCEPTIONS_SCHEMA } from './schema';

runSdlCommand(EXCEPTIONS_SCHEMA, path.resolve(__dirname, '../schema.graphql'));
