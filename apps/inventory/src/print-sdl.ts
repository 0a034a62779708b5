import path from 'node:path';
import { runSdlCommand } from '@nhi/graphql';
import { INVENTORY_SCHEMA } from './schema';

runSdlCommand(INVENTORY_SCHEMA, path.resolve(__dirname, '../schema.graphql'));
