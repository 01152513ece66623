/**
 * The UTC offsets a site's clock may read, from the country its language tag ("pt-BR") or its
 * domain (".de", ".com.br") names: the range over the country's zones and summer time, so a day
 * is only shifted where every offset in the range agrees.
 */

/** Lowest and highest UTC offset in hours, summer time included (standard facts, rounded outward). */
const COUNTRY_OFFSETS: Record<string, [number, number]> = {
  us: [-10, -4],
  ca: [-8, -2.5],
  mx: [-8, -5],
  cu: [-5, -4],
  gt: [-6, -6],
  hn: [-6, -6],
  sv: [-6, -6],
  ni: [-6, -6],
  cr: [-6, -6],
  pa: [-5, -5],
  co: [-5, -5],
  pe: [-5, -5],
  ec: [-6, -5],
  ve: [-4, -4],
  bo: [-4, -4],
  cl: [-6, -3],
  ar: [-3, -3],
  uy: [-3, -3],
  py: [-4, -3],
  br: [-5, -2],
  do: [-4, -4],
  pr: [-4, -4],
  uk: [0, 1],
  gb: [0, 1],
  ie: [0, 1],
  pt: [-1, 1],
  is: [0, 0],
  de: [1, 2],
  at: [1, 2],
  ch: [1, 2],
  fr: [1, 2],
  it: [1, 2],
  es: [1, 2],
  nl: [1, 2],
  be: [1, 2],
  lu: [1, 2],
  dk: [1, 2],
  se: [1, 2],
  no: [1, 2],
  pl: [1, 2],
  cz: [1, 2],
  sk: [1, 2],
  hu: [1, 2],
  si: [1, 2],
  hr: [1, 2],
  ba: [1, 2],
  rs: [1, 2],
  al: [1, 2],
  mk: [1, 2],
  me: [1, 2],
  mt: [1, 2],
  fi: [2, 3],
  ee: [2, 3],
  lv: [2, 3],
  lt: [2, 3],
  ua: [2, 3],
  ro: [2, 3],
  bg: [2, 3],
  gr: [2, 3],
  cy: [2, 3],
  il: [2, 3],
  lb: [2, 3],
  jo: [2, 3],
  eg: [2, 3],
  za: [2, 2],
  tr: [3, 3],
  by: [3, 3],
  sa: [3, 3],
  iq: [3, 3],
  qa: [3, 3],
  kw: [3, 3],
  ke: [3, 3],
  ir: [3.5, 4.5],
  ae: [4, 4],
  az: [4, 4],
  ge: [4, 4],
  am: [4, 4],
  af: [4.5, 4.5],
  pk: [5, 5],
  uz: [5, 5],
  in: [5.5, 5.5],
  lk: [5.5, 5.5],
  np: [5.75, 5.75],
  bd: [6, 6],
  kz: [5, 6],
  mm: [6.5, 6.5],
  th: [7, 7],
  vn: [7, 7],
  id: [7, 9],
  cn: [8, 8],
  hk: [8, 8],
  tw: [8, 8],
  sg: [8, 8],
  my: [8, 8],
  ph: [8, 8],
  jp: [9, 9],
  kr: [9, 9],
  au: [8, 11],
  nz: [12, 13],
  ng: [1, 1],
  gh: [0, 0],
  ma: [0, 1],
  dz: [1, 1],
  tn: [1, 1],
};

/** Country domains sold worldwide as generic names ("startup.co", "about.me"): they name no country. */
const GENERIC_DOMAINS = new Set(['co', 'me', 'tv', 'fm', 'ai', 'io', 'ly', 'cc', 'ws', 'to', 'am', 'is']);

/** A language without a region that is spoken in one country's time band only. */
const LANGUAGE_COUNTRY: Record<string, string> = {
  de: 'de',
  it: 'it',
  nl: 'nl',
  pl: 'pl',
  cs: 'cz',
  sk: 'sk',
  hu: 'hu',
  ro: 'ro',
  bg: 'bg',
  el: 'gr',
  uk: 'ua',
  tr: 'tr',
  fa: 'ir',
  ja: 'jp',
  ko: 'kr',
  zh: 'cn',
  he: 'il',
  th: 'th',
  vi: 'vn',
  da: 'dk',
  sv: 'se',
  fi: 'fi',
  hr: 'hr',
  sl: 'si',
  sr: 'rs',
  bs: 'ba',
  lt: 'lt',
  lv: 'lv',
  et: 'ee',
};

/** The offset range of the site's country; null when neither the language tag nor the domain names one. */
export function siteOffsets(languageTag: string | null, url: string | null): [number, number] | null {
  const tag = languageTag?.toLowerCase().trim() ?? '';
  const region = /^[a-z]{2,3}[-_]([a-z]{2})\b/.exec(tag)?.[1];
  if (region && COUNTRY_OFFSETS[region]) return COUNTRY_OFFSETS[region];
  const host = hostOf(url);
  const tld = /\.([a-z]{2})$/.exec(host)?.[1];
  if (tld && !GENERIC_DOMAINS.has(tld) && COUNTRY_OFFSETS[tld]) return COUNTRY_OFFSETS[tld];
  // A generic domain (.com, .org) says nothing; a language spoken in one time band does.
  const language = /^([a-z]{2})\b/.exec(tag)?.[1];
  const country = language ? LANGUAGE_COUNTRY[language] : undefined;
  return country ? COUNTRY_OFFSETS[country]! : null;
}

/** The lower-cased host name of a URL; '' when there is none or it does not parse. */
function hostOf(url: string | null): string {
  try {
    return url ? new URL(url).hostname.toLowerCase() : '';
  } catch {
    return '';
  }
}
