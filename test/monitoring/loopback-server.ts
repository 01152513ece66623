/** A local HTTP server on 127.0.0.1 (port 0) serving feeds and pages, good and broken, for the monitoring tests. */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export const CORPUS = path.resolve('demo/corpus');

export interface FeedPage {
  /** Path under /corpus/ (outlet/file). */
  file: string;
  title: string;
  published: string;
}

/** Three stories, each told by more than one outlet (from demo/corpus). */
export const DEMO_PAGES: FeedPage[] = [
  {
    file: 'meridian-wire/2021-09-11-russia-hands-tajikistan-armoured-vehicles-tanks-for-base.html',
    title: 'Russia hands Tajikistan armoured vehicles',
    published: '2021-09-11T13:05:00Z',
  },
  {
    file: 'sever-news/2021-09-11-russian-base-in-tajikistan-to-get-30-new-tanks.html',
    title: 'Russian base in Tajikistan to get 30 new tanks',
    published: '2021-09-11T10:00:00Z',
  },
  {
    file: 'meridian-wire/2022-09-01-iaea-inspectors-reach-zaporizhzhia-nuclear-plant.html',
    title: 'IAEA inspectors reach Zaporizhzhia',
    published: '2022-09-01T17:45:00Z',
  },
  {
    file: 'le-veilleur/2022-09-01-les-inspecteurs-de-l-aiea-arrivent-a-zaporijjia.html',
    title: "Les inspecteurs de l'AIEA arrivent",
    published: '2022-09-01T19:10:00Z',
  },
  {
    file: 'meridian-wire/2023-07-12-north-korea-fires-long-range-missile-into-sea-of-japan.html',
    title: 'North Korea fires long-range missile',
    published: '2023-07-12T06:20:00Z',
  },
  {
    file: 'pacific-ledger/2023-07-12-pyongyang-launches-icbm-during-nato-summit.txt',
    title: 'Pyongyang launches ICBM',
    published: '2023-07-12T08:00:00Z',
  },
];

export interface LoopbackServer {
  url: string;
  /** Requests seen, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An RSS 2.0 feed of the given pages, linking to /corpus/<file>. */
export function rssFeed(base: string, pages: readonly FeedPage[], extraLinks: string[] = []): string {
  const items = pages.map(
    (p) =>
      `<item><title>${escapeXml(p.title)}</title><link>${base}/corpus/${p.file}</link><guid>${base}/corpus/${p.file}</guid>` +
      `<pubDate>${new Date(p.published).toUTCString()}</pubDate></item>`,
  );
  for (const link of extraLinks)
    items.push(`<item><title>extra</title><link>${base}${link}</link><guid>${base}${link}</guid></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test feed</title><link>${base}/</link>${items.join('')}</channel></rss>`;
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>`;

/** Starts the server; every route is listed here so a test reads what it is up against. */
export async function startLoopbackServer(): Promise<LoopbackServer> {
  const hits = new Map<string, number>();
  // 64 MB of zeros gzip to about 64 KB: a bomb for a 1 MB limit.
  const gzipBomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
  let base = '';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    const p = url.pathname;
    if (p === '/robots.txt') return send(200, 'text/plain', 'User-agent: *\nDisallow: /private/\n');
    if (p === '/feeds/good.rss') {
      const etag = '"good-v1"';
      if (req.headers['if-none-match'] === etag) return send(304, 'application/rss+xml', '', { etag });
      return send(
        200,
        'application/rss+xml; charset=utf-8',
        rssFeed(base, DEMO_PAGES.slice(0, 4), ['/private/secret.html', '/pages/missing.html']),
        { etag },
      );
    }
    if (p === '/feeds/no-validators.rss') return send(200, 'application/rss+xml', rssFeed(base, DEMO_PAGES.slice(3)));
    if (p === '/feeds/atom.xml') {
      const entries = DEMO_PAGES.slice(4).map(
        (pg) =>
          `<entry><id>${base}/corpus/${pg.file}</id><title>${escapeXml(pg.title)}</title><updated>${pg.published}</updated><link rel="alternate" href="/corpus/${pg.file}"/></entry>`,
      );
      return send(
        200,
        'application/atom+xml',
        `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom test</title><id>urn:test</id><updated>2023-07-12T00:00:00Z</updated>${entries.join('')}</feed>`,
      );
    }
    if (p === '/feeds/feed.json') {
      return send(
        200,
        'application/feed+json',
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'JSON test',
          items: [{ id: 'j1', url: `${base}/corpus/${DEMO_PAGES[0]!.file}`, title: 'again' }],
        }),
      );
    }
    if (p === '/feeds/invalid.xml') return send(200, 'application/xml', 'this is { not <xml at all');
    if (p === '/feeds/bomb.xml') return send(200, 'application/xml', BILLION_LAUGHS);
    if (p === '/feeds/gzip-bomb.xml') return send(200, 'application/xml', gzipBomb, { 'content-encoding': 'gzip' });
    if (p === '/feeds/loop-a') return send(302, 'text/plain', '', { location: '/feeds/loop-b' });
    if (p === '/feeds/loop-b') return send(302, 'text/plain', '', { location: '/feeds/loop-a' });
    if (p === '/feeds/hops') {
      const n = Number(url.searchParams.get('n') ?? '0');
      return send(302, 'text/plain', '', { location: `/feeds/hops?n=${n + 1}` });
    }
    if (p === '/feeds/to-private') return send(302, 'text/plain', '', { location: 'http://10.1.2.3/feed.xml' });
    if (p === '/feeds/slow.xml') {
      // Headers, a first byte, then nothing: only the client's time budget ends it.
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.write('<');
      return;
    }
    if (p === '/feeds/image.png') return send(200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    if (p === '/pages/etag.html') {
      const etag = '"page-v1"';
      if (req.headers['if-none-match'] === etag) return send(304, 'text/html', '', { etag });
      return send(200, 'text/html; charset=utf-8', readFileSync(path.join(CORPUS, DEMO_PAGES[2]!.file)), { etag });
    }
    if (p === '/pages/big.html') return send(200, 'text/html', Buffer.alloc(2 * 1024 * 1024, 0x61));
    if (p === '/pages/redirect.html')
      return send(301, 'text/plain', '', { location: `/corpus/${DEMO_PAGES[0]!.file}` });
    if (p === '/pages/gzip.html')
      return send(200, 'text/html', gzipSync(Buffer.from('<html><body><p>compressed page</p></body></html>')), {
        'content-encoding': 'gzip',
      });
    if (p.startsWith('/corpus/')) {
      const file = path.resolve(CORPUS, decodeURIComponent(p.slice('/corpus/'.length)));
      if (!file.startsWith(CORPUS + path.sep)) return send(403, 'text/plain', 'no');
      try {
        const body = readFileSync(file);
        return send(200, file.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8', body);
      } catch {
        return send(404, 'text/plain', 'not found');
      }
    }
    return send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
