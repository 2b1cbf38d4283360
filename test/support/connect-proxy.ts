// A forward proxy for tests: it answers HTTP CONNECT by opening a TCP tunnel, the way Squid or a
// corporate proxy does for HTTPS, and records every CONNECT target it was asked for. It resolves
// host names through `hosts` (a name → address map) before the system's resolver, so a client
// can be sent to a name only the proxy knows: reaching it proves the request went through here.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ConnectProxy {
  /** `http://127.0.0.1:<port>`: the value for HTTPS_PROXY. */
  url: string;
  /** Every CONNECT target (`host:port`), in order. */
  connects: string[];
  /** While true, CONNECT requests are held without an answer (a proxy that hangs). */
  hang: boolean;
  /** While set, CONNECT is refused with this status and a small HTML page (407: auth needed). */
  refuse?: number;
  close(): Promise<void>;
}

export async function startConnectProxy(hosts: Record<string, string> = {}): Promise<ConnectProxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => {
    // Plain forwarding (GET http://...) is not needed: every request here is tunnelled.
    res.writeHead(405, { 'content-type': 'text/plain' }).end('CONNECT only');
  });
  const proxy: ConnectProxy = {
    url: '',
    connects: [],
    hang: false,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    proxy.connects.push(target);
    if (proxy.hang) return;
    if (proxy.refuse !== undefined) {
      const page = `<html><body><h1>${proxy.refuse} from the proxy</h1></body></html>`;
      client.end(
        `HTTP/1.1 ${proxy.refuse} Refused\r\ncontent-type: text/html\r\n` +
          `content-length: ${page.length}\r\n\r\n${page}`,
      );
      return;
    }
    const match = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(target);
    if (!match) {
      client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const name = (match[1] ?? '').replace(/^\[|\]$/g, '');
    const upstream = connect(Number(match[2]), hosts[name] ?? name, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.once('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
