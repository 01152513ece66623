/**
 * Reads one date string as pages write them (ISO 8601, RFC 2822, "March 27, 2020", "27 mars 2020",
 * "27.03.2020", epoch seconds) into the contract's form: ISO with the offset when given,
 * "YYYY-MM-DD" when only the day is known. Shared by the HTML and text-page extractors.
 */

/** Month names and abbreviations in the languages our pages come in, lower-cased, to month number. */
const MONTHS: Record<string, number> = {};
const MONTH_LISTS: string[][] = [
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  ['ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık'],
  ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'],
  ['ianuarie', 'februarie', 'martie', 'aprilie', 'mai', 'iunie', 'iulie', 'august', 'septembrie', 'octombrie', 'noiembrie', 'decembrie'],
  ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
  ['siječnja', 'veljače', 'ožujka', 'travnja', 'svibnja', 'lipnja', 'srpnja', 'kolovoza', 'rujna', 'listopada', 'studenoga', 'prosinca'],
  ['januara', 'februara', 'marta', 'aprila', 'maja', 'juna', 'jula', 'augusta', 'septembra', 'oktobra', 'novembra', 'decembra'],
  ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
];
for (const list of MONTH_LISTS) list.forEach((name, i) => (MONTHS[name] ??= i + 1));
const ABBREVIATIONS: Array<[string, number]> = [
  ['sept', 9], ['févr', 2], ['janv', 1], ['avr', 4], ['juil', 7], ['déc', 12], ['ene', 1], ['dic', 12],
  ['ago', 8], ['set', 9], ['out', 10], ['dez', 12], ['okt', 10], ['mrz', 3], ['mär', 3],
];
for (const [name, month] of ABBREVIATIONS) MONTHS[name] ??= month;

/** Alternation of month names, longest first so "marzo" wins over "mar" (the languages the body extractor reads date lines in). */
export const MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * Further languages read in publication dates only: Swedish, Danish/Norwegian, Czech, Slovak, Hungarian,
 * Greek (genitive and nominative), Finnish (partitive), Catalan, Slovenian/Serbian, Arabic (the names used
 * in Egypt and the Gulf), Bulgarian, Serbian Cyrillic, Lithuanian, Estonian, Malay, Tagalog, Persian
 * (Gregorian months), Portuguese and Indonesian abbreviations, and the short names below.
 */
const MORE_MONTH_LISTS: string[][] = [
  ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  ['ledna', 'února', 'března', 'dubna', 'května', 'června', 'července', 'srpna', 'září', 'října', 'listopadu', 'prosince'],
  ['januára', 'februára', 'marca', 'apríla', 'mája', 'júna', 'júla', 'augusta', 'septembra', 'októbra', 'novembra', 'decembra'],
  ['január', 'február', 'március', 'április', 'május', 'június', 'július', 'augusztus', 'szeptember', 'október', 'november', 'december'],
  ['ιανουαρίου', 'φεβρουαρίου', 'μαρτίου', 'απριλίου', 'μαΐου', 'ιουνίου', 'ιουλίου', 'αυγούστου', 'σεπτεμβρίου', 'οκτωβρίου', 'νοεμβρίου', 'δεκεμβρίου'],
  ['ιανουάριος', 'φεβρουάριος', 'μάρτιος', 'απρίλιος', 'μάιος', 'ιούνιος', 'ιούλιος', 'αύγουστος', 'σεπτέμβριος', 'οκτώβριος', 'νοέμβριος', 'δεκέμβριος'],
  ['tammikuuta', 'helmikuuta', 'maaliskuuta', 'huhtikuuta', 'toukokuuta', 'kesäkuuta', 'heinäkuuta', 'elokuuta', 'syyskuuta', 'lokakuuta', 'marraskuuta', 'joulukuuta'],
  ['gener', 'febrer', 'març', 'abril', 'maig', 'juny', 'juliol', 'agost', 'setembre', 'octubre', 'novembre', 'desembre'],
  ['januar', 'februar', 'marec', 'april', 'maj', 'junij', 'julij', 'avgust', 'september', 'oktober', 'november', 'december'],
  ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar'],
  ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  ['януари', 'февруари', 'март', 'април', 'май', 'юни', 'юли', 'август', 'септември', 'октомври', 'ноември', 'декември'],
  ['јануар', 'фебруар', 'март', 'април', 'мај', 'јун', 'јул', 'август', 'септембар', 'октобар', 'новембар', 'децембар'],
  ['sausio', 'vasario', 'kovo', 'balandžio', 'gegužės', 'birželio', 'liepos', 'rugpjūčio', 'rugsėjo', 'spalio', 'lapkričio', 'gruodžio'],
  ['jaanuar', 'veebruar', 'märts', 'aprill', 'mai', 'juuni', 'juuli', 'august', 'september', 'oktoober', 'november', 'detsember'],
  ['januari', 'februari', 'mac', 'april', 'mei', 'jun', 'julai', 'ogos', 'september', 'oktober', 'november', 'disember'],
  ['enero', 'pebrero', 'marso', 'abril', 'mayo', 'hunyo', 'hulyo', 'agosto', 'setyembre', 'oktubre', 'nobyembre', 'disyembre'],
  ['ژانویه', 'فوریه', 'مارس', 'آوریل', 'مه', 'ژوئن', 'ژوئیه', 'اوت', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر'],
];
for (const list of MORE_MONTH_LISTS) list.forEach((name, i) => (MONTHS[name] ??= i + 1));
for (const [name, month] of [['fev', 2], ['abr', 4], ['mai', 5], ['okt', 10], ['maj', 5], ['szept', 9], ['ابريل', 4], ['إبريل', 4], ['أغسطس', 8], ['agu', 8], ['agt', 8], ['des', 12]] as Array<[string, number]>)
  MONTHS[name] ??= month;
/**
 * Short month names as datelines print them: Russian ('5 окт. 2022'), Italian ('3 giu 2022'), Polish
 * ('3 paź 2022'), Dutch 'mrt', and Austrian German's 'Jänner' and 'Feber'.
 */
const SHORT_MONTH_LISTS: string[][] = [
  ['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'],
];
for (const list of SHORT_MONTH_LISTS) list.forEach((name, i) => (MONTHS[name] ??= i + 1));
for (const [name, month] of [['февр', 2], ['сент', 9], ['нояб', 11], ['mrt', 3], ['jänner', 1], ['feber', 2]] as Array<[string, number]>)
  MONTHS[name] ??= month;

/** Every month name read in dates, longest first. */
const ALL_MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Months of the Solar Hijri calendar (Iran, Afghanistan), in Persian. */
const SOLAR_MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];

/** The Solar Hijri month number of a Persian month name, or null. */
export function solarMonthOf(name: string): number | null {
  const i = SOLAR_MONTHS.indexOf(name);
  return i < 0 ? null : i + 1;
}

/** Solar Hijri years of news pages (1995 to 2101). */
const MIN_SOLAR_YEAR = 1373;
const MAX_SOLAR_YEAR = 1480;
let solarFormat: Intl.DateTimeFormat | null = null;

/**
 * A Solar Hijri day as "YYYY-MM-DD": its year starts near 21 March of year + 621, months 1-6 have 31
 * days and 7-11 30; the platform's Persian calendar settles the leap years by checking the estimate
 * and its neighbours. Null when the day does not exist or the calendar is not available.
 */
export function solarHijriDay(year: number, month: number, day: number): string | null {
  if (year < MIN_SOLAR_YEAR || year > MAX_SOLAR_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const estimate = Date.UTC(year + 621, 2, 21) + ((month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1) * 86_400_000;
  try {
    solarFormat ??= new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  } catch {
    return null;
  }
  for (const shift of [0, -1, 1, -2, 2]) {
    const date = new Date(estimate + shift * 86_400_000);
    const parts = solarFormat.formatToParts(date);
    const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    if (part('year') === year && part('month') === month && part('day') === day) return date.toISOString().slice(0, 10);
  }
  return null;
}

/** "۴ خرداد ۱۴۰۲" (digits already Western) and, on a Persian page, "1402/03/04": the Gregorian day. */
export function readSolarDate(text: string, isPersianPage: boolean): string | null {
  const written = /(\d{1,2})\s+(\p{L}+)\s+(\d{4})/u.exec(text);
  const month = written ? solarMonthOf(written[2]!) : null;
  if (written && month) return solarHijriDay(+written[3]!, month, +written[1]!);
  const numeric = isPersianPage ? /^\s*(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/.exec(text) : null;
  return numeric ? solarHijriDay(+numeric[1]!, +numeric[2]!, +numeric[3]!) : null;
}

/** The month number of a name or abbreviation (any case, trailing dot allowed), or null. */
export function monthOf(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

/** Years outside this window are not publication dates of news pages. */
const MIN_YEAR = 1995;
const MAX_YEAR = 2100;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "YYYY-MM-DD" when the parts make a real calendar day in range; null otherwise. */
export function makeDay(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const ISO = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{1,2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}(?!\d))?)?/i;
const COMPACT = /^\s*(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{4})?\s*$/;
const SLASHED_YMD = /^\s*(\d{4})(?:\/|\.\s?)(\d{1,2})(?:\/|\.\s?)(\d{1,2})\b/;
const NUMERIC_DMY = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/;
const CJK_DATE = /(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/;
const RFC_TZ = /\b(GMT|UTC|UT|Z|[+-]\d{4})\s*$/;

/** Parses one date string; null when it holds no plausible publication date. */
export function parseDate(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  let m = ISO.exec(text);
  if (m) {
    const day = makeDay(+m[1]!, +m[2]!, +m[3]!);
    if (!day) return null;
    if (m[4] === undefined) return day;
    return withTime(day, +m[4], +m[5]!, m[6] === undefined ? 0 : +m[6], m[7]);
  }
  m = COMPACT.exec(text);
  if (m) {
    const day = makeDay(+m[1]!, +m[2]!, +m[3]!);
    if (!day) return null;
    if (m[4] === undefined) return day;
    return withTime(day, +m[4], +m[5]!, m[6] === undefined ? 0 : +m[6], m[7]);
  }
  if (/^\d{10}(?:\d{3})?$/.test(text)) {
    const ms = text.length === 13 ? +text : +text * 1000;
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) || d.getUTCFullYear() < MIN_YEAR ? null : d.toISOString().replace('.000Z', 'Z');
  }
  m = SLASHED_YMD.exec(text);
  if (m) return makeDay(+m[1]!, +m[2]!, +m[3]!);
  m = NUMERIC_DMY.exec(text);
  if (m) {
    const [a, b, year] = [+m[1]!, +m[2]!, +m[3]!];
    // Day first unless the first number cannot be a day of that month order (US "03/27/2020").
    return a > 12 ? makeDay(year, b, a) : b > 12 ? makeDay(year, a, b) : makeDay(year, b, a);
  }
  m = CJK_DATE.exec(text);
  if (m) return makeDay(+m[1]!, +m[2]!, +m[3]!);
  return parseWrittenDate(text);
}

/** How the page writes 03/05/2022: month first (US), day first (most of the world), or not known. */
export type NumericOrder = 'dmy' | 'mdy' | 'unknown';

const SHOWN_NUMERIC = /^\s*(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;

/**
 * A date as a page shows it to readers. Numbers with dots are day first everywhere ("23.09.22");
 * with slashes the page's order decides unless a number above 12 does, and an unknown order with
 * both numbers at most 12 gives null rather than a guess. Other forms go to parseDate.
 */
export function readShownDate(text: string, order: NumericOrder): string | null {
  const m = SHOWN_NUMERIC.exec(text);
  if (!m) return parseDate(text);
  const [a, b] = [+m[1]!, +m[3]!];
  const year = m[4]!.length === 2 ? 2000 + +m[4]! : +m[4]!;
  if (m[2] === '.' || a > 12) return makeDay(year, b, a);
  if (b > 12) return makeDay(year, a, b);
  if (order === 'unknown') return null;
  return order === 'mdy' ? makeDay(year, a, b) : makeDay(year, b, a);
}

const WRITTEN_DMY = new RegExp(`(\\d{1,2})(?:st|nd|rd|th|er|º|\\.)?\\s+(?:de\\s+|of\\s+)?(${ALL_MONTH_PATTERN})\\.?,?\\s+(?:de\\s+)?(\\d{4})`, 'iu');
const WRITTEN_MDY = new RegExp(`(${ALL_MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, 'iu');
const TIME_AFTER = /^[,\s]*(?:at\s+|à\s+|-\s+|um\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*(GMT|UTC|Z|[+-]\d{2}:?\d{2})?/i;

/** Year first with a written month, as Hungarian writes it: "2020. október 9.". */
const WRITTEN_YMD = new RegExp(`^\\s*(\\d{4})\\.\\s+(${ALL_MONTH_PATTERN})\\s+(\\d{1,2})\\.?(?!\\d)`, 'iu');

/** "March 27, 2020", "27 March 2020", "27 de marzo de 2020", "Fri, 27 Mar 2020 10:00:00 +0000", "2020. október 9.". */
export function parseWrittenDate(text: string): string | null {
  let day: string | null = null;
  let rest = '';
  const ymd = WRITTEN_YMD.exec(text);
  if (ymd) return makeDay(+ymd[1]!, monthOf(ymd[2]!) ?? 0, +ymd[3]!);
  const dmy = WRITTEN_DMY.exec(text);
  const mdy = WRITTEN_MDY.exec(text);
  const pick = dmy && mdy ? (dmy.index <= mdy.index ? 'dmy' : 'mdy') : dmy ? 'dmy' : mdy ? 'mdy' : null;
  if (pick === 'dmy' && dmy) {
    day = makeDay(+dmy[3]!, monthOf(dmy[2]!) ?? 0, +dmy[1]!);
    rest = text.slice(dmy.index + dmy[0].length);
  } else if (pick === 'mdy' && mdy) {
    day = makeDay(+mdy[3]!, monthOf(mdy[1]!) ?? 0, +mdy[2]!);
    rest = text.slice(mdy.index + mdy[0].length);
  }
  if (!day) return null;
  const t = TIME_AFTER.exec(rest);
  if (!t) return day;
  let hour = +t[1]!;
  const meridiem = t[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  const zone = t[5] ?? RFC_TZ.exec(text)?.[1];
  return withTime(day, hour, +t[2]!, t[3] === undefined ? 0 : +t[3], zone);
}

function withTime(day: string, hour: number, minute: number, second: number, zone: string | undefined): string {
  if (hour > 23 || minute > 59 || second > 59) return day;
  const time = `${day}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  if (!zone) return time;
  const z = zone.toUpperCase();
  if (z === 'Z' || z === 'GMT' || z === 'UTC' || z === 'UT') return `${time}Z`;
  const digits = z.replace(':', '');
  const offset = digits.length === 3 ? `${digits}:00` : `${digits.slice(0, 3)}:${digits.slice(3)}`;
  return offset === '+00:00' || offset === '-00:00' ? `${time}Z` : `${time}${offset}`;
}
