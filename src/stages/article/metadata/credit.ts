/**
 * The outlet credited with a story: a wire dateline "(Reuters) -", a "Source: Press TV" line, or a
 * trailing "— AFP". Shared by the HTML and text-page extractors.
 */

/** News agencies whose bare name closes or opens wire copy. */
const AGENCIES = [
  'Reuters', 'AP', 'Associated Press', 'AFP', 'Agence France-Presse', 'Bloomberg', 'dpa', 'DPA', 'EFE', 'ANSA',
  'Xinhua', 'TASS', 'RIA Novosti', 'Interfax', 'IRNA', 'Tasnim', 'Fars', 'ISNA', 'Anadolu', 'Yonhap', 'Kyodo',
  'KCNA', 'PTI', 'IANS', 'ANI', 'UNI', 'APP', 'WAM', 'SPA', 'KUNA', 'QNA', 'MENA', 'BNA', 'Bernama', 'Antara',
  'CNA', 'AAP', 'PA', 'UPI', 'Sputnik', 'BelTA', 'Kazinform', 'Trend', 'APA', 'Ukrinform', 'UNIAN', 'PAP', 'CTK',
  'ČTK', 'MTI', 'Agerpres', 'Lusa', 'Europa Press', 'NTB', 'TT', 'Ritzau', 'STT', 'Belga', 'ANP', 'Keystone-SDA',
  'Press TV', 'Al Jazeera', 'ABC', 'CNN', 'BBC',
];
const AGENCY = AGENCIES.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');

/** "MOSCOW (Reuters) -", "(AP) —", "Kyiv, March 3 (AFP) –" at the start of the first paragraph. */
const WIRE_DATELINE = /^[^()]{0,80}?\(([\p{Lu}][\p{L}.&' -]{1,40}?)(?:\s*\/[^)]{1,40})?\)\s*[-–—:]/u;
/** "MOSCOW, September 11. /TASS/." - the agency between slashes after the dateline. */
const SLASHED_DATELINE = /^[^/]{0,80}?\.\s*\/([\p{Lu}][\p{L}.&' -]{1,30})\/\s*[.:—–-]/u;
/** "Source: Press TV", "Sources: Reuters, AFP", in a short line of its own. */
const SOURCE_LINE = /^(?:source|sources|quelle|fuente|fonte|источник|джерело|المصدر|منبع|来源|來源|出典|出所)\s*[:：]\s*(.{2,80}?)[.。]?$/iu;
/** "... the ministry said. — AFP" or "(Reuters)" closing the last paragraph. */
const TRAILING_AGENCY = new RegExp(`(?:[-–—/]\\s*|\\(\\s*)(${AGENCY})(?:\\s*\\)|\\s*/)?\\s*$`, 'u');
/** A paragraph that is only an agency name ("AFP", "Reuters"). */
const BARE_AGENCY = new RegExp(`^(?:by\\s+)?(${AGENCY})$`, 'iu');

/** The credited outlet, or null when the text credits none; `elsewhere` holds credit lines found outside the body. */
export function findCredit(paragraphs: string[], elsewhere: string[] = []): string | null {
  const first = paragraphs[0];
  if (first) {
    const m = WIRE_DATELINE.exec(first) ?? SLASHED_DATELINE.exec(first);
    if (m) return m[1]!.trim();
  }
  for (const p of [...paragraphs, ...elsewhere]) {
    if (p.length > 100) continue;
    const m = SOURCE_LINE.exec(p.trim());
    if (m) return m[1]!.trim();
  }
  for (const p of paragraphs.slice(0, 3)) {
    const m = BARE_AGENCY.exec(p.trim());
    if (m) return m[1]!;
  }
  const last = paragraphs[paragraphs.length - 1];
  if (last) {
    // Only the paragraph's end can close with an agency; a long paragraph is not scanned whole.
    const m = TRAILING_AGENCY.exec(last.slice(-200).trim());
    if (m) return m[1]!.replace(/\s+/g, ' ');
  }
  return null;
}
