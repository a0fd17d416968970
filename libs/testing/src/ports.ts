import { createServer } from 'node:net';

/** A TCP port nobody listens on right now (below `below`, for tools that add an offset). */
export function freePort(below = 65_536): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => (port < below ? resolve(port) : resolve(freePort(below))));
    });
  });
}
