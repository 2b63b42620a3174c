// What reaches the server below the routes: paths spelled another way, requests the HTTP parser
// gives up on, slow senders and one address opening many connections. Each gets the stable
// error shape and the security headers, over a real socket.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalPath } from '../../src/http/server.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { testDialects } from '../helpers/db.ts';

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  closed: boolean;
}

function parse(text: string, closed: boolean): RawAnswer {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body, closed };
}

/** Sends raw bytes (optionally in timed pieces) and reads until the server closes or answers. */
function raw(port: number, pieces: (string | number)[], waitMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(parse(data, false));
    }, waitMs);
    socket.on('data', (d) => (data += d.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parse(data, true));
    });
    socket.on('error', (e) => {
      clearTimeout(timer);
      if (data) resolve(parse(data, true));
      else reject(e);
    });
    void (async () => {
      for (const p of pieces) {
        if (typeof p === 'number') await new Promise((r) => setTimeout(r, p));
        else if (!socket.destroyed) socket.write(p);
      }
    })();
  });
}

function expectShaped(a: RawAnswer, status: number, code: string) {
  expect(a.status).toBe(status);
  expect(JSON.parse(a.body)).toMatchObject({ code, message: expect.any(String) });
  expect(a.headers['content-type']).toContain('application/json');
  expect(a.headers['x-content-type-options']).toBe('nosniff');
  expect(a.headers['content-security-policy']).toBeTruthy();
  expect(a.headers['cache-control']).toBe('no-store');
}

describe('canonicalPath', () => {
  it('decodes escaped letters and digits and joins runs of slashes, and nothing else', () => {
    expect(canonicalPath('/%61pi/health')).toBe('/api/health');
    expect(canonicalPath('/%41%50%49')).toBe('/API');
    expect(canonicalPath('//api///health?x=%61')).toBe('/api/health?x=%61');
    expect(canonicalPath('/api/a%2fb')).toBe('/api/a%2Fb');
    expect(canonicalPath('/follow/abc-_.~')).toBe('/follow/abc-_.~');
  });
});

for (const dialect of testDialects()) {
  describe(`below the routes (${dialect})`, () => {
    let t: TestApp;
    let port: number;

    beforeAll(async () => {
      t = await createTestApp(dialect, {
        env: { REQUEST_TIMEOUT_MS: '600', MAX_CONNECTIONS_PER_ADDRESS: '4' },
      });
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const address = t.app.server.address();
      port = typeof address === 'object' && address ? address.port : 0;
    });
    afterAll(() => t.close());

    it('an escaped /api path gets the API headers and the Origin check', async () => {
      const get = await t.app.inject({ method: 'GET', url: '/%61pi/health' });
      expect(get.statusCode).toBe(200);
      expect(get.headers['cache-control']).toBe('no-store');
      const slashes = await t.app.inject({ method: 'GET', url: '//api//health' });
      expect(slashes.headers['cache-control']).toBe('no-store');
      const post = await t.app.inject({
        method: 'POST',
        url: '/%61pi/communities',
        headers: { origin: 'https://elsewhere.example', 'content-type': 'application/json' },
        payload: '{}',
      });
      expect(post.statusCode).toBe(403);
      expect(post.json()).toMatchObject({ code: 'csrf_failed' });
    });

    it('a request the HTTP parser cannot read gets 400 malformed_request with the headers', async () => {
      const a = await raw(port, ['THIS IS NOT HTTP\r\n\r\n']);
      expectShaped(a, 400, 'malformed_request');
    });

    it('headers past the size limit get 431 headers_too_large with the headers', async () => {
      const big = 'x'.repeat(20_000);
      const a = await raw(port, [`GET /api/health HTTP/1.1\r\nhost: a\r\nx-big: ${big}\r\n\r\n`]);
      expectShaped(a, 431, 'headers_too_large');
    });

    it('a body sent too slowly is answered 408 request_timeout and the connection closed', async () => {
      const started = Date.now();
      const a = await raw(
        port,
        [
          'POST /api/language/check HTTP/1.1\r\nhost: a\r\ncontent-type: application/json\r\ncontent-length: 200\r\n\r\n{',
          ...Array.from({ length: 40 }, (_, i) => [400, i === 0 ? '"' : 'x']).flat(),
        ],
        15_000,
      );
      expect(a.closed).toBe(true);
      expectShaped(a, 408, 'request_timeout');
      expect(Date.now() - started).toBeLessThan(10_000);
    }, 20_000);

    it('one address may hold only so many connections; the next is refused with 503', async () => {
      const held: net.Socket[] = [];
      try {
        for (let i = 0; i < 4; i++) {
          const s = net.connect(port, '127.0.0.1');
          await new Promise((r) => s.once('connect', r));
          held.push(s);
        }
        const refused = await raw(port, [], 3_000);
        expect(refused.closed).toBe(true);
        expectShaped(refused, 503, 'too_many_connections');
        expect(refused.headers['retry-after']).toBeDefined();
      } finally {
        for (const s of held) s.destroy();
      }
      // Once they close, the address may connect again.
      await new Promise((r) => setTimeout(r, 100));
      const ok = await raw(port, [
        'GET /api/health HTTP/1.1\r\nhost: a\r\nconnection: close\r\n\r\n',
      ]);
      expect(ok.status).toBe(200);
    });

    it('a request abandoned half-way says nothing about the database', async () => {
      await raw(
        port,
        [
          'POST /api/language/check HTTP/1.1\r\nhost: a\r\ncontent-type: application/json\r\ncontent-length: 50\r\n\r\n{"te',
        ],
        300,
      );
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.json()).toEqual({ status: 'ok' });
    });
  });
}
