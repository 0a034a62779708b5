import { createServer } from 'node:net';
import { silentProgress } from './progress';
import { startPlatform } from './platform';

describe('startPlatform', () => {
  it('refuses to start over a port that is already taken, and says how to choose others', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };

    try {
      await expect(
        startPlatform({
          root: '/nonexistent',
          basePort: port,
          databaseServerUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
          databasePrefix: 'x_',
          kafkaBrokers: '127.0.0.1:9092',
          topicPrefix: '',
          groupSuffix: '',
          actorSigningKey: 'k'.repeat(32),
          devKeysDir: '/tmp',
          logDir: '/tmp',
          logLevel: 'warn',
          progress: silentProgress,
        }),
      ).rejects.toThrow(new RegExp(`port ${port} already in use.*GATEWAY_PORT`));
    } finally {
      server.close();
    }
  });
});
