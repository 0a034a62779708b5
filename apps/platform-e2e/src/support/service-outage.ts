import { RunningPlatform, ServiceProcess, waitHealthy } from '@nhi/launcher';

/** A service process has exited (killed, or crashed) and has not been started again. */
function isDown(service: ServiceProcess): boolean {
  return service.process.exitCode !== null || service.process.signalCode !== null;
}

/** Takes one service of a running platform down, as an outage would; resolves when its process is gone. */
export async function stopService(platform: RunningPlatform, name: string, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  const service = platform.current(name);
  if (isDown(service)) return;
  const exited = new Promise<void>((resolve) => service.process.once('exit', () => resolve()));
  service.process.kill(signal);
  await exited;
}

/** Starts a stopped service again on its port and environment; resolves when it is healthy. A running one is left alone. */
export async function ensureServiceRunning(platform: RunningPlatform, name: string, timeoutMs = 60_000): Promise<void> {
  if (!isDown(platform.current(name))) return;
  await waitHealthy(platform.respawn(name), timeoutMs);
}
