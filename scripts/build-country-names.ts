/**
 * Builds data/country-names.json: each country's common and official names in the 23 languages the
 * `world-countries` package translates (ODbL, mledoze/countries), normalised for matching, so that
 * stories can join tellings in other languages through the countries they name.
 * Usage: npx tsx scripts/build-country-names.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { normalizeName } from '../src/stories/country-names.js';

interface WorldCountry {
  cca3: string;
  name: { common: string; official: string };
  translations: Record<string, { common: string; official: string }>;
}

const require = createRequire(import.meta.url);
const countries = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as WorldCountry[];
const ours = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../data/countries.json'), 'utf8')) as {
  countries: { code: string; alpha3: string }[];
};
// CAMEO codes are ISO alpha-3 except where our countries file says otherwise (Kosovo: KSV).
const cameoOf = new Map(ours.countries.map((c) => [c.alpha3, c.code]));

const names: Record<string, string[]> = {};
for (const country of countries) {
  const code = cameoOf.get(country.cca3);
  if (!code) continue;
  const set = new Set<string>();
  for (const t of [country.name, ...Object.values(country.translations)]) {
    for (const name of [t.common, t.official]) {
      const normal = normalizeName(name);
      if ([...normal].length >= 2) set.add(normal);
    }
  }
  names[code] = [...set].sort();
}
const out = {
  version: 1,
  about:
    'Country names in 23 languages (common and official), lower-cased without diacritics, keyed by CAMEO country code. Built by scripts/build-country-names.ts from the world-countries package (ODbL).',
  names,
};
writeFileSync(path.resolve(import.meta.dirname, '../data/country-names.json'), JSON.stringify(out, null, 0) + '\n');
process.stdout.write(`${Object.keys(names).length} countries\n`);
