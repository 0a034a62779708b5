import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { databaseEnvShape, subgraphEnvShape } from './service-config';

const validKey = 'k'.repeat(32);

describe('DATABASE_MIGRATIONS', () => {
  it('migrates at start unless told otherwise', () => {
    expect(loadConfig('inventory', subgraphEnvShape('inventory', 4001), { ACTOR_SIGNING_KEY: validKey }).DATABASE_MIGRATIONS).toBe('auto');
  });

  it('takes skip, for a deployment that runs `npm run migrate` before the rollout', () => {
    const config = loadConfig('inventory', subgraphEnvShape('inventory', 4001), {
      ACTOR_SIGNING_KEY: validKey,
      DATABASE_MIGRATIONS: 'skip',
    });
    expect(config.DATABASE_MIGRATIONS).toBe('skip');
  });

  it('refuses any other word and says which it takes', () => {
    expect(() => loadConfig('inventory', databaseEnvShape('inventory'), { DATABASE_MIGRATIONS: 'never' })).toThrow(ConfigError);
    expect(() => loadConfig('inventory', databaseEnvShape('inventory'), { DATABASE_MIGRATIONS: 'never' })).toThrow(
      /DATABASE_MIGRATIONS: expected auto or skip/,
    );
  });

  it('is read with the database URL alone by the migrate command, which needs nothing else', () => {
    expect(loadConfig('ownership', databaseEnvShape('ownership'), {})).toEqual({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/nhi_ownership',
      DATABASE_MIGRATIONS: 'auto',
    });
  });
});
