/**
 * The dateline that opens a wire story: "MOSCOW, Sept. 11 (Reuters) – ", "BEIJING, Sept. 12 (Xinhua) -- ",
 * "MOSCOW, June 2. /TASS/. ", "NEW DELHI: ", "(AP) — ". Read off the first paragraph so the
 * article text starts with the story itself.
 */

export interface Dateline {
  /** The whole dateline as written, separator included. */
  text: string;
  /** "MOSCOW", "Tehran"; null for a bare "(Reuters) –". */
  place: string | null;
  /** "Reuters", "TASS"; null when the dateline credits nobody. */
  credit: string | null;
  /** "Sept. 11", "June 2, 2023"; null when the dateline has no date. */
  date: string | null;
  /** The paragraph without its dateline. */
  rest: string;
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DATE = `(?:${MONTH}\\.?\\s+\\d{1,2}(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}\\.?(?:\\s+\\d{4})?)`;
const WORD = "[\\p{Lu}][\\p{L}.'’-]*";
const CAPS_WORD = "[\\p{Lu}][\\p{Lu}.'’-]+";
/** ", Ukraine" after the city, never a month ("MOSCOW, Sept. 11"). */
const REGION = `(?:,\\s*(?!${MONTH}\\b)(${WORD}(?:\\s+${WORD}){0,2}))?`;
const WHEN = `(?:,?\\s*(${DATE}))?`;
const DASH = '[-–—]{1,2}';
/** "(Reuters) –" takes a dash; "/TASS/." may go without one. */
const CREDIT = `(?:\\(([^()]{2,40})\\)\\s*${DASH}|/([^/]{2,40})/\\.?(?:\\s*${DASH})?)`;
const SEPARATOR = `(?:${DASH}|:)`;

/** "Tehran, Sept 12 (IRNA) - ": any capitalised place, because the credit marks the dateline. */
const CREDITED = new RegExp(`^(${WORD}(?:\\s+${WORD}){0,3})${REGION}${WHEN}\\.?\\s*${CREDIT}\\s+(?=\\S)`, 'u');
/** "WASHINGTON — ", "NEW DELHI, Sept 12: ": no credit, so the place must be in capitals. */
const CAPITALS = new RegExp(`^(${CAPS_WORD}(?:\\s+${CAPS_WORD}){0,3})${REGION}${WHEN}\\s*${SEPARATOR}\\s+(?=\\S)`, 'u');
/** "(Reuters) - ": a credit alone. */
const CREDIT_ONLY = new RegExp(`^${CREDIT}\\s+(?=\\S)`, 'u');

/** Capitalised lead-ins that are labels, not places: "BREAKING: ...", "UPDATE — ...". */
const LABELS =
  /^(?:BREAKING(?: NEWS)?|UPDATE[DS]?|EXCLUSIVE|WATCH|LISTEN|ANALYSIS|OPINION|EDITORIAL|LIVE|VIDEO|PHOTOS?|NOTE|FACTBOX|EXPLAINER|INTERVIEW|COMMENT|Q|A)$/;

/** The paragraph's dateline, or null when it opens with the story. */
export function readDateline(paragraph: string): Dateline | null {
  const credited = CREDITED.exec(paragraph);
  if (credited)
    return dateline(paragraph, credited[0], credited[1] ?? null, credited[4] ?? credited[5] ?? null, credited[3]);
  const capitals = CAPITALS.exec(paragraph);
  if (capitals?.[1] && !LABELS.test(capitals[1]) && /\p{Lu}{3}/u.test(capitals[1])) {
    return dateline(paragraph, capitals[0], capitals[1], null, capitals[3]);
  }
  const creditOnly = CREDIT_ONLY.exec(paragraph);
  if (creditOnly) return dateline(paragraph, creditOnly[0], null, creditOnly[1] ?? creditOnly[2] ?? null, undefined);
  return null;
}

function dateline(
  paragraph: string,
  text: string,
  place: string | null,
  credit: string | null,
  date: string | undefined,
): Dateline {
  return {
    text: text.trimEnd(),
    place,
    credit: credit?.trim() ?? null,
    date: date ?? null,
    rest: paragraph.slice(text.length),
  };
}
