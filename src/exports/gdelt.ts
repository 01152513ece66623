/**
 * Stored events in the GDELT 2.0 event layout: 61 tab-separated columns, no header row, with the
 * same meanings as GDELT's (../shared/reference/README.md). Where we know less than GDELT (tone,
 * actor geography, FIPS codes) the field is empty; docs/exports.md lists each deviation.
 */
import type { StoredEvent } from '../store.js';
import { textOf } from './csv.js';

/** The 61 column names, in order. */
export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...actorColumns('Actor1'), ...actorColumns('Actor2'),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...geoColumns('Actor1Geo_'), ...geoColumns('Actor2Geo_'), ...geoColumns('ActionGeo_'),
  'DATEADDED', 'SOURCEURL',
] as const;

function actorColumns(p: string): string[] {
  return ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'].map((c) => p + c);
}

function geoColumns(p: string): string[] {
  return ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'].map((c) => p + c);
}

/** Actor codes that name a body or group rather than a country (CAMEO's international and known-group codes). */
const GROUP_CODES = ['IGO', 'NGO', 'UNO', 'NATO', 'CSTO', 'EUR', 'IMG', 'TAL', 'WHO', 'IAEA', 'SCO', 'ASN', 'AFR', 'ARL', 'GCC', 'OIC', 'OPC', 'WAF', 'IMF', 'WBK', 'WTO', 'ICC', 'MED', 'BUS', 'CVL', 'REB', 'INS', 'MNC', 'SPY', 'GOV', 'MIL'];
/** CAMEO role codes that follow a country code. */
const ROLE_CODES = new Set(['GOV', 'MIL', 'COP', 'JUD', 'OPP', 'REB', 'INS', 'SPY', 'MED', 'BUS', 'EDU', 'NGO', 'IGO', 'CVL', 'LEG', 'PTY', 'REF', 'UAF', 'ELI', 'LAB', 'AGR', 'CRM', 'HLH', 'MOD', 'RAD', 'SEP', 'REL']);

/** Splits a CAMEO actor code into GDELT's country, known group and up to three type codes. */
export function splitActorCode(code: string | null): { country: string; group: string; types: [string, string, string] } {
  const empty = { country: '', group: '', types: ['', '', ''] as [string, string, string] };
  if (!code) return empty;
  const group = GROUP_CODES.find((g) => code.startsWith(g));
  const rest = group ? code.slice(group.length) : code.slice(3);
  const chunks = rest.match(/.{3}/g) ?? [];
  const types = chunks.filter((c) => ROLE_CODES.has(c));
  return {
    country: group ? '' : code.slice(0, 3),
    group: group && !ROLE_CODES.has(group) ? group : '',
    types: [types[0] ?? (group && ROLE_CODES.has(group) ? group : ''), types[1] ?? '', types[2] ?? ''],
  };
}

/** A field with no tab or line break in it (GDELT fields never hold them). */
function field(value: unknown): string {
  return textOf(value).replace(/[\t\r\n]+/g, ' ');
}

/** GDELT's SQLDATE, MonthYear, Year and FractionDate from our date (month or year precision: the first day). */
export function gdeltDates(date: string | null): [string, string, string, string] {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date ?? '');
  if (!m) return ['', '', '', ''];
  const [year, month = '01', day = '01'] = [m[1]!, m[2], m[3]];
  const dayOfYear = (Date.UTC(+year, +month - 1, +day) - Date.UTC(+year, 0, 1)) / 86_400_000 + 1;
  return [`${year}${month}${day}`, `${year}${month}`, year, (+year + dayOfYear / 365).toFixed(4)];
}

/** GDELT's DATEADDED (YYYYMMDDHHMMSS, UTC) from an ISO time. */
function dateAdded(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function actorFields(code: string | null, name: string | null): string[] {
  const { country, group, types } = splitActorCode(code);
  return [field(code), field(name?.toUpperCase()), country, group, '', '', '', ...types];
}

/** One event as GDELT's 61 fields. */
export function gdeltRow(e: StoredEvent): string[] {
  const [sqlDate, monthYear, year, fraction] = gdeltDates(e.date ?? e.articlePublished);
  const hasPlace = e.lat !== null && e.lon !== null;
  const noGeo = ['', '', '', '', '', '', '', ''];
  return [
    String(e.id), sqlDate, monthYear, year, fraction,
    ...actorFields(e.sourceCode, e.sourceName),
    ...actorFields(e.targetCode, e.targetName),
    e.evidence.start < 400 ? '1' : '0',
    e.cameo, e.cameo.slice(0, 3), e.cameo.slice(0, 2), field(e.quadClass), field(e.goldstein),
    '1', '1', '1', '',
    ...noGeo, ...noGeo,
    hasPlace ? '4' : '', field(e.locationName), '', '', '', field(e.lat), field(e.lon), '',
    dateAdded(e.analyzedAt), field(e.articleUrl),
  ];
}

/** Events as GDELT 2.0 event rows: tab-separated, no header, one event per line. */
export function toGdelt(events: readonly StoredEvent[]): string {
  return events.map((e) => gdeltRow(e).join('\t')).join('\n') + (events.length > 0 ? '\n' : '');
}
