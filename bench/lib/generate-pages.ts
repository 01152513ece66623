/** Generates synthetic news pages (text dumps and HTML) for benchmarks: varied words, so no two are alike. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ACTORS = [
  'Russia',
  'Tajikistan',
  'Ukraine',
  'Poland',
  'China',
  'India',
  'Turkey',
  'Iran',
  'Israel',
  'Japan',
  'Germany',
  'France',
];
const VERBS = ['delivered', 'pledged', 'ordered', 'sent', 'promised'];
const ITEMS = ['armored vehicles', 'tanks', 'helicopters', 'drones', 'howitzers', 'air-defence systems', 'radars'];
const PLACES = ['Dushanbe', 'Warsaw', 'Kyiv', 'Ankara', 'Tehran', 'Haifa', 'Okinawa', 'Kiel', 'Brest'];

/** A deterministic page number `i`: every fourth one is HTML. */
export function syntheticPage(i: number): { name: string; content: string } {
  const pick = <T>(list: readonly T[], k: number): T => list[(i * k + k) % list.length]!;
  const a = pick(ACTORS, 7);
  const b = pick(ACTORS, 11) === a ? pick(ACTORS, 5) : pick(ACTORS, 11);
  const count = (i % 40) + 2;
  const day = (i % 28) + 1;
  const title = `${a} ${pick(VERBS, 3)} ${count} ${pick(ITEMS, 13)} to ${b} (report ${i})`;
  const paragraphs = [
    `${a} has ${pick(VERBS, 3)} ${count} ${pick(ITEMS, 13)} to ${b}, the defence ministry said on Friday in a statement.`,
    `The equipment arrived at a base near ${pick(PLACES, 17)} on March ${day}, officials said, and more will follow by the end of the year.`,
    `Foreign Minister of ${b} said the delivery number ${i} would strengthen the border, while critics in ${pick(ACTORS, 19)} accused both governments of raising tension.`,
    `Analysts noted that shipment ${i} was the ${(i % 9) + 2}th this year under an agreement signed in ${2015 + (i % 8)}.`,
  ];
  if (i % 4 === 3) {
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} | Bench Daily</title>
<meta property="og:site_name" content="Bench Daily"><meta property="article:published_time" content="2023-03-${String(day).padStart(2, '0')}T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/defence">Defence</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<aside><h3>Related</h3><ul><li><a href="/a">Another story</a></li></ul></aside><footer>© Bench Daily</footer></body></html>`;
    return { name: `page-${i}.html`, content: html };
  }
  const text = [
    'Bench Wire - Subscribe to our newsletter',
    'Defence',
    title,
    `March ${day}, 2023`,
    ...paragraphs,
    'Share this article',
  ].join('\n\n');
  return { name: `page-${i}.txt`, content: text };
}

/** Writes `count` pages into `dir`, a thousand to a folder. */
export function writePages(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const { name, content } = syntheticPage(i);
    writeFileSync(path.join(sub, name), content);
  }
}
