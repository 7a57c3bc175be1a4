import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostServer, type HostServer } from '../../main/host/server';
import { ManualClock } from '../support/clock';
import { coreWith, type TestCore } from '../support/core';
import { tempDir } from '../support/db';
import { ScriptedAdapter } from '../fakes/scripted-adapter';

let server: HostServer;
let t: TestCore;
let cleanup: () => void;

beforeAll(async () => {
  const d = tempDir();
  cleanup = d.cleanup;
  const staticDir = join(d.dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(d.dir, 'secret.txt'), 'outside the static folder');
  writeFileSync(join(d.dir, 'web.js'), '/* web preload */');
  t = coreWith(join(d.dir, 'care.sqlite3'), new ScriptedAdapter(), new ManualClock());
  server = await startHostServer({ handlers: t.core.handlers, bus: t.core.bus, staticDir, webPreloadFile: join(d.dir, 'web.js') });
});
afterAll(async () => {
  await server.close();
  await t.core.stop();
  cleanup();
});

interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
function http(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: opts.host ?? '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
const invoke = (key: string, arg: unknown, headers: Record<string, string>) =>
  http('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ key, arg }) });
const good = () => ({ authorization: `Bearer ${server.token}`, origin: server.origin });

describe('headless host', () => {
  it('prints a loopback URL carrying the token in the fragment, and listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[A-Za-z0-9_-]{32}$`));
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && i.family === 'IPv4' && !i.internal)
      .map((i) => i!.address);
    return Promise.all(
      others.map((address) =>
        expect(http('/', { host: address })).rejects.toMatchObject({ code: expect.stringMatching(/ECONNREFUSED|EHOSTUNREACH/) }),
      ),
    );
  });

  it('answers a request with the token and its own Origin', async () => {
    const res = await invoke('settings.get', {}, good());
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { agentName: '', agentSignature: '' } });
  });

  it.each([
    ['no token', { origin: 'ORIGIN' }, 401],
    ['a wrong token', { origin: 'ORIGIN', authorization: 'Bearer nope' }, 401],
    ['a token of the right length but wrong', { origin: 'ORIGIN', authorization: 'Bearer WRONG' }, 401],
    ['no Origin', { authorization: 'TOKEN' }, 403],
    ['another Origin', { authorization: 'TOKEN', origin: 'http://evil.example' }, 403],
    ['a look-alike Origin', { authorization: 'TOKEN', origin: 'http://127.0.0.1:1' }, 403],
  ])('refuses a request with %s', async (_what, headers, status) => {
    const h: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) {
      h[k] = v.replace('ORIGIN', server.origin).replace('TOKEN', `Bearer ${server.token}`).replace('WRONG', 'x'.repeat(server.token.length));
    }
    const res = await invoke('settings.get', {}, h);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body).ok).toBe(false);
  });

  it('refuses a Host header that is not this loopback port (DNS rebinding)', async () => {
    const res = await http('/api/invoke', { method: 'POST', headers: { ...good(), host: `attacker.example:${server.port}` }, body: '{}' });
    expect(res.status).toBe(403);
  });

  it('validates keys and arguments, with clear errors', async () => {
    expect(JSON.parse((await invoke('threads.drop', {}, good())).body)).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'Unknown request "threads.drop".' },
    });
    const bad = JSON.parse((await invoke('threads.list', { filter: 'everything' }, good())).body);
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('bad_request');
    expect(bad.error.message).toMatch(/^Bad argument for threads.list at filter/);
    const extra = JSON.parse((await invoke('settings.get', { sneaky: 1 }, good())).body);
    expect(extra.error.code).toBe('bad_request');
    const notJson = await http('/api/invoke', { method: 'POST', headers: good(), body: '{"key":' });
    expect(notJson.status).toBe(400);
  });

  it('serves the renderer with the web preload injected and a strict CSP, and nothing outside it', async () => {
    const index = await http('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<script src="/care-web.js"></script>');
    expect(index.headers['content-security-policy']).toMatch(/script-src 'self';/);
    expect((await http('/care-web.js')).body).toBe('/* web preload */');
    expect((await http('/assets/app.js')).status).toBe(200);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await http(p);
      expect(res.status, p).toBe(404);
      expect(res.body).not.toContain('outside the static folder');
    }
  });

  it('pushes events to a stream opened with the token, and refuses one without', async () => {
    expect((await http('/api/events')).status).toBe(401);
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}` }, (res) => {
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          if (buf.includes('event: threads.changed')) {
            resolve(buf);
            req.destroy();
          }
        });
        setTimeout(() => t.core.bus.emit('threads.changed', { threadIds: [7], reason: 'poll' }), 50);
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: threads.changed\ndata: {"threadIds":[7],"reason":"poll"}');
  });
});
