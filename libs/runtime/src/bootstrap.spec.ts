import { ConfigError } from '@nhi/config';
import { bootstrapSubgraph } from './bootstrap';

describe('bootstrapSubgraph', () => {
  it('refuses to start with bad configuration, naming each variable, before it builds anything', async () => {
    const module = jest.fn();

    const start = bootstrapSubgraph({
      service: 'inventory',
      defaultPort: 4001,
      module,
      env: { PORT: 'eighty', DATABASE_URL: 'http://db', ACTOR_SIGNING_KEY: '' },
      handleSignals: false,
    });

    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(
      /PORT: expected a port number[\s\S]*DATABASE_URL: expected a postgres or postgresql URL[\s\S]*ACTOR_SIGNING_KEY: is required/,
    );
    expect(module).not.toHaveBeenCalled();
  });
});
