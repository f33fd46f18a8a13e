import { serve } from '@hono/node-server';

export interface HttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves a Hono app with Node's HTTP server; port 0 picks a free port. */
/** Anything with a fetch handler (a Hono or OpenAPIHono app). */
export interface FetchApp {
  fetch(request: Request): Response | Promise<Response>;
}

export function listen(app: FetchApp, options: { port: number; host: string }): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: (request) => app.fetch(request), port: options.port, hostname: options.host }, (info) => {
      const shown = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            // Keep-alive sockets would hold close() open; end them too.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
    server.once('error', reject);
  });
}
