import { createServer } from 'node:net';
import { hostPort, isPortOpen } from './ports';

describe('ports', () => {
  it('sees a listening port as open and a closed one as closed', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };

    await expect(isPortOpen('127.0.0.1', port)).resolves.toBe(true);
    await new Promise((resolve) => server.close(resolve));
    await expect(isPortOpen('127.0.0.1', port)).resolves.toBe(false);
  });

  it('splits host:port', () => {
    expect(hostPort('127.0.0.1:9092')).toEqual({ host: '127.0.0.1', port: 9092 });
  });
});
