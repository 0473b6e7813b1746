import { createServer, type AddressInfo } from 'node:net';

/** A port nothing listens on right now: bind 0, read it, let it go. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
