/**
 * Request guards: token and route checked before any body is read, small bodies for JSON routes, the Host
 * header against the allowed names, early refusals (414, 431) in the API's error shape.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { allowedHostNames, hostNameOf } from '../../src/server/security.js';
import { makeTestApp, type TestStore } from '../server/fixtures.js';

const TOKEN = 'hardening-token';
let fixture: TestStore;
let app: FastifyInstance;

let dispose: () => Promise<void>;
before(async () => {
  ({ fixture, app, dispose } = await makeTestApp(TOKEN));
});

after(async () => {
  await dispose();
});

/** 35 MB that is not JSON at all: a server that parsed it first would answer 400, not the guard's answer. */
const HUGE_BROKEN_JSON = '{"name": "' + 'x'.repeat(35 * 1024 * 1024);

describe('writes: token and route before the body', () => {
  test('POST /api/alerts with a 35 MB body and no token: 401, the body never parsed', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/alerts', payload: HUGE_BROKEN_JSON, headers: { 'content-type': 'application/json' } });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'auth/unauthorized');
  });

  test('DELETE /api/alerts/:id with a body and a wrong token: 401', async () => {
    const res = await app.inject({
      method: 'DELETE',
      url: '/api/alerts/1',
      payload: HUGE_BROKEN_JSON,
      headers: { 'content-type': 'application/json', authorization: 'Bearer wrong' },
    });
    assert.equal(res.statusCode, 401);
  });

  test('an unknown route with a 35 MB body: 404, the body never parsed', async () => {
    for (const method of ['POST', 'PUT', 'PATCH'] as const) {
      const res = await app.inject({ method, url: '/api/nowhere', payload: HUGE_BROKEN_JSON, headers: { 'content-type': 'application/json' } });
      assert.equal(res.statusCode, 404, method);
      assert.equal(res.json().error.code, 'not-found');
    }
  });

  test('POST /api/pages with 35 MB and no token: 401', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/pages', payload: HUGE_BROKEN_JSON, headers: { 'content-type': 'text/html' } });
    assert.equal(res.statusCode, 401);
  });

  test('with the token, a JSON body over the small limit is a 413; a page upload keeps the large one', async () => {
    const big = JSON.stringify({ name: 'n', q: 'y'.repeat(300 * 1024) });
    const res = await app.inject({ method: 'POST', url: '/api/alerts', payload: big, headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.statusCode, 413);
    assert.ok(res.json().error.code);
    const page = `<html><head><title>Orchard report</title></head><body><article><p>${'The pear trees flowered early this spring. '.repeat(8000)}</p></article></body></html>`;
    const upload = await app.inject({ method: 'POST', url: '/api/pages', payload: page, headers: { 'content-type': 'text/html', authorization: `Bearer ${TOKEN}` } });
    assert.equal(upload.statusCode, 201, upload.body);
  });

  test('with the token, an alert is saved and deleted as before', async () => {
    const saved = await app.inject({ method: 'POST', url: '/api/alerts', payload: { name: 'Harbour watch', q: 'harbour' }, headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(saved.statusCode, 201, saved.body);
    const gone = await app.inject({ method: 'DELETE', url: `/api/alerts/${saved.json().id}`, headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(gone.statusCode, 204);
  });
});

describe('Host header', () => {
  test('names parsed without port, brackets kept for IPv6', () => {
    assert.equal(hostNameOf('LOCALHOST:8080'), 'localhost');
    assert.equal(hostNameOf('[::1]:8080'), '[::1]');
    assert.equal(hostNameOf('127.0.0.1'), '127.0.0.1');
    assert.equal(hostNameOf('desk.example.'), 'desk.example');
    assert.equal(hostNameOf('a b'), 'a b');
    assert.equal(hostNameOf(undefined), null);
    assert.deepEqual([...allowedHostNames('0.0.0.0', ['Desk.Lan', '::1'])].sort(), ['127.0.0.1', '[::1]', 'desk.lan', 'localhost']);
  });

  test('loopback names answer; any other name is refused with 421, whatever the route', async () => {
    for (const host of ['127.0.0.1:8080', 'localhost', '[::1]:8080']) {
      const res = await app.inject({ method: 'GET', url: '/api/health', headers: { host } });
      assert.equal(res.statusCode, 200, host);
    }
    for (const host of ['rebound.example', 'rebound.example:8080', '127.0.0.1.rebound.example']) {
      for (const url of ['/api/health', '/api/search?q=a', '/']) {
        const res = await app.inject({ method: 'GET', url, headers: { host } });
        assert.equal(res.statusCode, 421, `${host} ${url}`);
        assert.equal(res.json().error.code, 'request/host-not-allowed');
      }
    }
  });

  test('configured names answer too', async () => {
    const shared = await buildApp({ store: fixture.store, config: { ...fixture.config, allowedHosts: ['desk.lan'] }, rateLimit: { perSecond: 0, burst: 0 } });
    try {
      assert.equal((await shared.inject({ method: 'GET', url: '/api/health', headers: { host: 'desk.lan:8080' } })).statusCode, 200);
      assert.equal((await shared.inject({ method: 'GET', url: '/api/health', headers: { host: 'other.lan' } })).statusCode, 421);
    } finally {
      await shared.close();
    }
  });
});

describe('early refusals in the error shape', () => {
  test('a path parameter over the router limit: 414 with { error: { code, message } }', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/articles/${'1'.repeat(300)}` });
    assert.equal(res.statusCode, 414);
    assert.equal(res.json().error.code, 'request/uri-too-long');
    assert.equal(typeof res.json().error.message, 'string');
  });

  test('headers over the size limit on a real socket: 431 with { error: { code, message } }', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let data = '';
      socket.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      socket.on('close', () => resolve(data));
      socket.on('error', (error) => (data ? resolve(data) : reject(error)));
      socket.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ${'f'.repeat(40_000)}\r\n\r\n`);
    });
    assert.match(answer, /^HTTP\/1\.1 431 /);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'request/headers-too-large');
  });
});
