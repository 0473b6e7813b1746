import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in HTTP server on 127.0.0.1 and a free port. */
export interface LocalServer {
  server: Server;
  /** Base URL, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/**
 * Start a stand-in server. Its keep-alive timeout outlasts any pause between
 * bench phases, so a client never reuses a socket the server is just closing
 * (that race would show up as a stray ECONNRESET, not as the app's cost).
 */
export async function listenLocal(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LocalServer> {
  const server = createServer(handler);
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A free TCP port on 127.0.0.1 (for a child that must be told its port; PORT=0 is not a valid setting). */
export async function freePort(): Promise<number> {
  const probe = await listenLocal(() => undefined);
  const port = Number(new URL(probe.url).port);
  await probe.close();
  return port;
}
