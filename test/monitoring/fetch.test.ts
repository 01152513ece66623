import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalAddress, embeddedIpv4, isForbiddenAddress } from '../../src/fetch/address-guard.js';
import { fetchUrl, FEED_TYPES, PAGE_TYPES } from '../../src/fetch/fetch-url.js';
import { FetchError } from '../../src/fetch/fetch-error.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

const ALLOW = { allowAddresses: ['127.0.0.1'], timeoutMs: 2000, maxBytes: 1024 * 1024 };
let server: LoopbackServer;
before(async () => {
  server = await startLoopbackServer();
});
after(async () => {
  await server.close();
});

test('address guard: private, loopback, link-local and reserved addresses are forbidden, public ones are not', () => {
  const forbidden = [
    '127.0.0.1',
    '10.0.0.8',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::1',
    '[::1]',
    'not-an-ip',
  ];
  for (const address of forbidden) assert.equal(isForbiddenAddress(address), true, address);
  for (const address of ['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
    assert.equal(isForbiddenAddress(address), false, address);
  }
  assert.equal(embeddedIpv4('::ffff:7f00:1'), '127.0.0.1');
  assert.equal(canonicalAddress('::ffff:127.0.0.1'), '127.0.0.1');
});

test('fetch refuses loopback unless allowed, including by name and as an IPv4-mapped IPv6 address', async () => {
  const port = new URL(server.url).port;
  for (const url of [
    `${server.url}/robots.txt`,
    `http://localhost:${port}/robots.txt`,
    `http://[::ffff:127.0.0.1]:${port}/robots.txt`,
  ]) {
    await assert.rejects(
      fetchUrl(url, { limits: { timeoutMs: 2000 } }),
      (e: FetchError) => e.code === 'fetch/forbidden-address' && e.message.includes(url),
    );
  }
  const byName = await fetchUrl(`http://localhost:${port}/robots.txt`, {
    limits: { ...ALLOW, allowAddresses: ['127.0.0.1', '::1'] },
  });
  assert.equal(byName.status, 200, 'a name is connected through the addresses checked');
  const ok = await fetchUrl(`${server.url}/robots.txt`, { limits: ALLOW });
  assert.match(ok.body.toString(), /Disallow: \/private\//);
});

test('fetch refuses other schemes and redirects to private addresses, checking every hop', async () => {
  await assert.rejects(fetchUrl('file:///etc/passwd', { limits: ALLOW }), { code: 'fetch/bad-scheme' });
  await assert.rejects(
    fetchUrl(`${server.url}/feeds/to-private`, { limits: ALLOW }),
    (e: FetchError) => e.code === 'fetch/forbidden-address' && /10\.1\.2\.3/.test(e.message),
  );
});

test('fetch stops redirect loops and long redirect chains', async () => {
  await assert.rejects(fetchUrl(`${server.url}/feeds/loop-a`, { limits: ALLOW }), { code: 'fetch/redirect-loop' });
  await assert.rejects(fetchUrl(`${server.url}/feeds/hops`, { limits: { ...ALLOW, maxRedirects: 3 } }), {
    code: 'fetch/too-many-redirects',
  });
  const followed = await fetchUrl(`${server.url}/pages/redirect.html`, { limits: ALLOW, accept: PAGE_TYPES });
  assert.match(followed.url, /\/corpus\/meridian-wire\//);
});

test('fetch aborts bodies past the limit, on the wire and after gzip decompression', async () => {
  await assert.rejects(
    fetchUrl(`${server.url}/pages/big.html`, { limits: ALLOW }),
    (e: FetchError) => e.code === 'fetch/too-large' && /on the wire/.test(e.message),
  );
  await assert.rejects(
    fetchUrl(`${server.url}/feeds/gzip-bomb.xml`, { limits: ALLOW }),
    (e: FetchError) => e.code === 'fetch/too-large' && /after gzip decompression/.test(e.message),
  );
  const page = await fetchUrl(`${server.url}/pages/gzip.html`, { limits: ALLOW });
  assert.equal(page.body.toString(), '<html><body><p>compressed page</p></body></html>');
});

test('fetch gives up on a slow response at the time budget', async () => {
  await assert.rejects(
    fetchUrl(`${server.url}/feeds/slow.xml`, { limits: { ...ALLOW, timeoutMs: 150 } }),
    (e: FetchError) => e.code === 'fetch/timeout' && e.message.includes('/feeds/slow.xml'),
  );
});

test('fetch checks the content type and answers 304 to a matching validator', async () => {
  await assert.rejects(fetchUrl(`${server.url}/feeds/image.png`, { limits: ALLOW, accept: FEED_TYPES }), {
    code: 'fetch/content-type',
  });
  const first = await fetchUrl(`${server.url}/feeds/good.rss`, { limits: ALLOW, accept: FEED_TYPES });
  assert.equal(first.etag, '"good-v1"');
  const second = await fetchUrl(`${server.url}/feeds/good.rss`, {
    limits: ALLOW,
    accept: FEED_TYPES,
    etag: first.etag,
  });
  assert.equal(second.isNotModified, true);
  assert.equal(second.body.length, 0);
});
