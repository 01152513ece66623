/**
 * The language of a text: by script where a script settles it (Cyrillic, Arabic vs Persian, Han,
 * kana, Hangul...), by counts of common function words among Latin-script languages. A declared
 * language (<html lang>, meta) is kept when detection agrees or cannot tell.
 */

/** Function words frequent in running text and rare in other languages' text. */
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'was', 'with', 'on', 'as', 'by', 'said', 'he', 'this', 'have', 'from', 'are'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'que', 'pour', 'du', 'qui', 'sur', 'au', 'avec', 'pas', 'il', 'par', 'ce', 'sont'],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'del', 'en', 'por', 'con', 'una', 'para', 'es', 'se', 'al', 'como', 'más', 'pero', 'sus', 'fue'],
  pt: ['o', 'os', 'as', 'e', 'que', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'dos', 'das', 'no', 'na', 'foi', 'ao', 'pelo'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'ein', 'eine', 'auf', 'sich', 'auch', 'dem', 'es', 'im', 'wird', 'für'],
  it: ['il', 'di', 'che', 'la', 'e', 'per', 'un', 'una', 'del', 'della', 'non', 'sono', 'con', 'gli', 'le', 'nel', 'alla', 'è', 'anche', 'più'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'niet', 'zijn', 'met', 'voor', 'er', 'ook', 'maar', 'bij', 'wordt', 'naar', 'hij'],
  tr: ['ve', 'bir', 'bu', 'da', 'de', 'için', 'ile', 'olarak', 'çok', 'daha', 'olan', 'gibi', 'en', 'ama', 'sonra', 'kadar', 'değil', 'her', 'ise', 'ne'],
  pl: ['i', 'w', 'na', 'z', 'się', 'nie', 'do', 'to', 'że', 'jest', 'o', 'jak', 'po', 'co', 'tak', 'za', 'od', 'ale', 'przez', 'są'],
  id: ['yang', 'dan', 'di', 'dengan', 'untuk', 'dari', 'ini', 'itu', 'dalam', 'tidak', 'akan', 'pada', 'juga', 'ke', 'karena', 'ada', 'oleh', 'mereka', 'sudah', 'bisa'],
  sv: ['och', 'att', 'det', 'som', 'en', 'är', 'av', 'för', 'med', 'till', 'den', 'har', 'inte', 'om', 'ett', 'på', 'var', 'jag', 'men', 'de'],
};

const LATIN_INDEX = new Map<string, Map<string, number>>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  words.forEach((w, i) => {
    let entry = LATIN_INDEX.get(w);
    if (!entry) {
      entry = new Map<string, number>();
      LATIN_INDEX.set(w, entry);
    }
    // Earlier words in a list are more frequent in that language; weight them a little more.
    entry.set(lang, 1 + (words.length - i) / words.length);
  });
}

/** Characters a sample needs before detection says anything. */
const MIN_SAMPLE = 20;
/** Characters looked at; language shows long before the end of an article. */
const MAX_SAMPLE = 4000;

/** An ISO 639-1 code for the text, or null when it is too short or unclear. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, MAX_SAMPLE);
  const counts = { latin: 0, cyrillic: 0, arabic: 0, persian: 0, urdu: 0, han: 0, kana: 0, hangul: 0, hebrew: 0, greek: 0, thai: 0, devanagari: 0, ukr: 0 };
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      if ((c | 32) >= 97 && (c | 32) <= 122) counts.latin++;
    } else if (c <= 0x24f) counts.latin++;
    else if (c >= 0x400 && c <= 0x4ff) {
      counts.cyrillic++;
      if (c === 0x456 || c === 0x457 || c === 0x454 || c === 0x491) counts.ukr++;
    } else if (c >= 0x600 && c <= 0x6ff) {
      counts.arabic++;
      if (c === 0x67e || c === 0x686 || c === 0x698 || c === 0x6af || c === 0x6a9 || c === 0x6cc) counts.persian++;
      if (c === 0x679 || c === 0x688 || c === 0x691 || c === 0x6ba || c === 0x6be || c === 0x6d2) counts.urdu++;
    } else if (c >= 0x4e00 && c <= 0x9fff) counts.han++;
    else if (c >= 0x3040 && c <= 0x30ff) counts.kana++;
    else if (c >= 0xac00 && c <= 0xd7af) counts.hangul++;
    else if (c >= 0x590 && c <= 0x5ff) counts.hebrew++;
    else if (c >= 0x370 && c <= 0x3ff) counts.greek++;
    else if (c >= 0xe00 && c <= 0xe7f) counts.thai++;
    else if (c >= 0x900 && c <= 0x97f) counts.devanagari++;
  }
  const total = counts.latin + counts.cyrillic + counts.arabic + counts.han + counts.kana + counts.hangul + counts.hebrew + counts.greek + counts.thai + counts.devanagari;
  if (total < MIN_SAMPLE) return null;
  const share = (n: number): number => n / total;
  if (share(counts.kana) > 0.05) return 'ja';
  if (share(counts.han) > 0.3) return 'zh';
  if (share(counts.hangul) > 0.3) return 'ko';
  if (share(counts.arabic) > 0.3) {
    if (counts.urdu > counts.arabic * 0.02) return 'ur';
    return counts.persian > counts.arabic * 0.01 ? 'fa' : 'ar';
  }
  if (share(counts.cyrillic) > 0.3) return counts.ukr > counts.cyrillic * 0.01 ? 'uk' : 'ru';
  if (share(counts.hebrew) > 0.3) return 'he';
  if (share(counts.greek) > 0.3) return 'el';
  if (share(counts.thai) > 0.3) return 'th';
  if (share(counts.devanagari) > 0.3) return 'hi';
  if (share(counts.latin) < 0.5) return null;
  return detectLatin(sample);
}

/** The longest function word of any list: a longer word is counted but not looked up. */
const LONGEST_STOPWORD = Math.max(...[...LATIN_INDEX.keys()].map((w) => w.length));

/** Whether a code point is a letter (\p{L}), ASCII read directly and the rest asked once each. */
const isLetterCache = new Map<number, boolean>();
function isLetter(c: number): boolean {
  if (c < 0x80) return (c | 32) >= 97 && (c | 32) <= 122;
  let is = isLetterCache.get(c);
  if (is === undefined) isLetterCache.set(c, (is = /\p{L}/u.test(String.fromCodePoint(c))));
  return is;
}

function detectLatin(sample: string): string | null {
  const scores = new Map<string, number>();
  let words = 0;
  // The runs of letters (\p{L}+) of the lower-cased sample, read without making a string of each word.
  const lower = sample.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; ) {
    const c = i < lower.length ? lower.codePointAt(i)! : -1;
    const isWordChar = c >= 0 && isLetter(c);
    if (isWordChar && start < 0) start = i;
    else if (!isWordChar && start >= 0) {
      words++;
      const entry = i - start <= LONGEST_STOPWORD ? LATIN_INDEX.get(lower.slice(start, i)) : undefined;
      if (entry) for (const [lang, weight] of entry) scores.set(lang, (scores.get(lang) ?? 0) + weight);
      start = -1;
    }
    i += c > 0xffff ? 2 : 1;
  }
  if (words < 5) return null;
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 3) return null;
  // A close second means the sample is mixed or too short to tell.
  if (second && second[1] > first[1] * 0.85) return null;
  return first[0];
}

/** The primary subtag of a declared language ("en-US" -> "en"), or null when absent or malformed. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = tag ? /^\s*([a-z]{2,3})(?:[-_]|$)/i.exec(tag) : null;
  return m ? m[1]!.toLowerCase() : null;
}

/** Languages the detector can name; a declared language outside this set cannot be contradicted by it. */
const DETECTABLE = new Set([...Object.keys(STOPWORDS), 'ja', 'zh', 'ko', 'ar', 'fa', 'ur', 'ru', 'uk', 'he', 'el', 'th', 'hi']);

/**
 * Detection wins when it is sure and disagrees with a declaration it could have confirmed (templates
 * keep lang="en" on translated pages); a declared language the detector does not know (bs, ro, kk)
 * stands, and so does any declaration when detection cannot tell.
 */
export function chooseLanguage(declared: Array<string | null | undefined>, text: string): string | null {
  const detected = detectLanguage(text);
  const stated = declared.map(primaryLanguage).find((x) => x !== null) ?? null;
  if (stated && !DETECTABLE.has(stated)) return stated;
  return detected ?? stated;
}
