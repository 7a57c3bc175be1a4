/**
 * The headless host's HTTP face: the built renderer, the contract over POST /api/invoke, and
 * events over a server-sent stream, on 127.0.0.1 only. Every API call needs the per-launch
 * token and a same-origin Origin; the Host header must name this loopback port (DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Handlers } from '../../preload/contract';
import { dispatch } from '../api/dispatch';
import { CSP } from '../csp';
import type { EventBus } from '../api/events';

export interface HostServerOptions {
  handlers: Handlers;
  bus: EventBus;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  /** The web flavour of the preload, injected into index.html. */
  webPreloadFile: string;
  port?: number;
  token?: string;
  log?: (msg: string) => void;
}

export interface HostServer {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 2 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export async function startHostServer(opts: HostServerOptions): Promise<HostServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let origins: Set<string> = new Set();
  let hosts: Set<string> = new Set();
  const streams = new Set<ServerResponse>();

  const authorised = (presented: string | null): boolean => {
    if (!presented) return false;
    const b = Buffer.from(presented);
    return b.length === tokenBytes.length && timingSafeEqual(b, tokenBytes);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      opts.log?.(`[host] ${req.method} ${req.url}: ${(err as Error).message}`);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: 'The host failed to answer.' } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hosts.has(req.headers.host ?? '')) return send(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Unknown Host header.' } });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      // Browsers send Origin on every cross-origin request and on same-origin POSTs.
      if (origin !== undefined && !origins.has(origin)) {
        return send(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Cross-origin requests are refused.' } });
      }
      if (url.pathname === '/api/invoke' && req.method === 'POST') {
        if (origin === undefined) return send(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Origin header required.' } });
        if (!authorised(bearer(req))) return send(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token.' } });
        const body = await readBody(req);
        if (body === null) return send(res, 413, { ok: false, error: { code: 'bad_request', message: 'Request too large.' } });
        let parsed: { key?: unknown; arg?: unknown };
        try {
          parsed = JSON.parse(body) as { key?: unknown; arg?: unknown };
        } catch {
          return send(res, 400, { ok: false, error: { code: 'bad_request', message: 'The body is not JSON.' } });
        }
        return send(res, 200, await dispatch(opts.handlers, parsed.key, parsed.arg, opts.log));
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (!authorised(url.searchParams.get('token'))) {
          return send(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token.' } });
        }
        return openStream(res);
      }
      return send(res, 404, { ok: false, error: { code: 'not_found', message: 'No such endpoint.' } });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, error: { code: 'bad_request', message: 'Method not allowed.' } });
    return serveStatic(url.pathname, res);
  }

  function openStream(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  const unsubscribe = opts.bus.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const s of streams) s.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const s of streams) s.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    if (pathname === '/care-web.js') return file(res, opts.webPreloadFile, '.js');
    const rel = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^([/\\])+/, '');
    const full = join(opts.staticDir, rel);
    if (!full.startsWith(opts.staticDir + sep) || rel.includes('\0')) return send(res, 404, 'Not found');
    if (rel === 'index.html') {
      const html = await readFile(full, 'utf8').catch(() => null);
      if (html === null) return send(res, 503, 'The renderer is not built: run npm run build.');
      // The web preload must run before the app's module script, like Electron's preload does.
      const withPreload = html.replace('<head>', '<head>\n    <script src="/care-web.js"></script>');
      return raw(res, 200, withPreload, TYPES['.html']!);
    }
    return file(res, full, extname(full));
  }

  async function file(res: ServerResponse, path: string, ext: string): Promise<void> {
    const data = await readFile(path).catch(() => null);
    if (data === null) return send(res, 404, 'Not found');
    raw(res, 200, data, TYPES[ext] ?? 'application/octet-stream', path.includes(`${sep}assets${sep}`));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      unsubscribe();
      clearInterval(heartbeat);
      for (const s of streams) s.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : null;
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function headers(type: string): Record<string, string> {
  return {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function raw(res: ServerResponse, status: number, body: string | Buffer, type: string, immutable = false): void {
  res.writeHead(status, { ...headers(type), 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-store' });
  res.end(body);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (typeof body === 'string') return raw(res, status, body, 'text/plain; charset=utf-8');
  raw(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
}
