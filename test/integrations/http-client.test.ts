// The one outbound HTTP client refuses internal addresses (literal, by DNS, after a redirect)
// unless ALLOW_INTERNAL_HTTP; it bounds size and time. Only a local server on 127.0.0.1 is used.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';
import { isInternalAddress } from '../../src/integrations/address-policy.ts';
import { createHttpClient, OutboundHttpError } from '../../src/integrations/http-client.ts';

let server: http.Server;
let base: string;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/hello') return res.end('hello from loopback');
    if (req.url === '/to-metadata')
      return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (req.url === '/to-localhost')
      return res.writeHead(301, { location: `http://localhost:${port}/hello` }).end();
    if (req.url === '/to-ipv6-loopback')
      return res.writeHead(307, { location: `http://[::1]:${port}/hello` }).end();
    if (req.url === '/to-self') return res.writeHead(302, { location: '/hello' }).end();
    if (req.url === '/big') return res.end(Buffer.alloc(4096, 'x'));
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2000);
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(OutboundHttpError);
    return (e as OutboundHttpError).code;
  }
  throw new Error('expected the request to be refused');
}

describe('the outbound HTTP client', () => {
  const guarded = createHttpClient({ allowInternal: false, timeoutMs: 3000 });

  it.each([
    ['127.0.0.1', `http://127.0.0.1:${1}/`],
    ['::1', 'http://[::1]:1/'],
    ['10.x', 'http://10.1.2.3/'],
    ['169.254.169.254 (cloud metadata)', 'http://169.254.169.254/latest/meta-data/'],
    ['IPv4-mapped IPv6', 'http://[::ffff:127.0.0.1]/'],
    ['a decimal IPv4 spelling', 'http://2130706433/'],
  ])('refuses %s', async (_label, url) => {
    expect(await refusal(guarded.request(url))).toBe('internal_address');
  });

  it('refuses a hostname that resolves to loopback (localhost)', async () => {
    expect(await refusal(guarded.request(`http://localhost:${port}/hello`))).toBe(
      'internal_address',
    );
  });

  it('refuses a redirect to an internal address, even from an allowed server', async () => {
    // Only the test server's own address is let through, as a public server would be.
    const onlyTestServer = createHttpClient({
      allowInternal: false,
      isRefused: (a) => a !== '127.0.0.1' && isInternalAddress(a),
    });
    const ok = await onlyTestServer.request(`${base}/to-self`);
    expect(ok.text()).toBe('hello from loopback');
    expect(await refusal(onlyTestServer.request(`${base}/to-metadata`))).toBe('internal_address');
    expect(await refusal(onlyTestServer.request(`${base}/to-ipv6-loopback`))).toBe(
      'internal_address',
    );
  });

  it('refuses other schemes and credentials in the address', async () => {
    expect(await refusal(guarded.request('file:///etc/passwd'))).toBe('bad_url');
    expect(await refusal(guarded.request('http://user:pw@example.org/'))).toBe('bad_url');
  });

  it('allows internal addresses with ALLOW_INTERNAL_HTTP, and follows redirects there', async () => {
    const config = loadConfig({ ALLOW_INTERNAL_HTTP: 'true' });
    const open = createHttpClient({ allowInternal: config.allowInternalHttp, timeoutMs: 3000 });
    expect((await open.request(`${base}/hello`)).text()).toBe('hello from loopback');
    const viaName = await open.request(`${base}/to-localhost`);
    expect(viaName.status).toBe(200);
    expect(viaName.url).toContain('localhost');
  });

  it('stops at the size limit and the time limit', async () => {
    const small = createHttpClient({ allowInternal: true, maxResponseBytes: 1000, timeoutMs: 300 });
    expect(await refusal(small.request(`${base}/big`))).toBe('too_large');
    expect(await refusal(small.request(`${base}/slow`))).toBe('timeout');
  });
});

describe('the address policy', () => {
  it.each([
    '0.0.0.0',
    '10.0.0.1',
    '100.64.0.1',
    '127.0.0.1',
    '127.255.255.254',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::1',
    'not an address',
  ])('treats %s as internal', (a) => {
    expect(isInternalAddress(a)).toBe(true);
  });

  it.each(['93.184.216.34', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:1.1.1.1'])(
    'treats %s as public',
    (a) => {
      expect(isInternalAddress(a)).toBe(false);
    },
  );
});
