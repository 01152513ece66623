/**
 * The `sections` stage: files an article into the desk's sections and tags it with finer themes,
 * each with the sentences that justify it (data/themes.json), read from the text and from the coded
 * events and transfers; the page's own section label is kept as a 'page-section'.
 */
import type { Doc, Evidence, Sentence, Theme } from '../../core/doc.js';
import type { Context } from '../../core/context.js';
import { defineStage, need } from '../../core/stage.js';

interface ThemesFile {
  sections: Record<string, string>;
  themes: { name: string; section: string; terms: string[]; cameo?: string[]; transfers?: boolean }[];
  pageSections: { pattern: string; section: string }[];
}

interface CompiledTheme {
  name: string;
  section: string;
  regex: RegExp;
  /** The terms without the word-edge checks (null when a term holds an assertion): a sentence can match `regex` only where the article matches this. */
  anyTerm: RegExp | null;
  cameo: string[];
  isTransfers: boolean;
}

/** Regex syntax whose match depends on text outside the matched words: anchors, word edges, lookaround, back-references. */
const ASSERTION = /\\[bBk1-9]|\(\?<?[=!]|\$|(?<!\[)\^/;

// Evidence listed per theme: enough to justify it without repeating the article.
const MAX_EVIDENCE = 5;

function compiled(ctx: Context): { themes: CompiledTheme[]; file: ThemesFile; page: { regex: RegExp; section: string }[] } {
  return ctx.data.memo('sections/themes', () => {
    const file = ctx.data.load<ThemesFile>('themes');
    return {
      file,
      themes: file.themes.map((t) => ({
        name: t.name,
        section: t.section,
        regex: new RegExp(`(?<![\\w-])(?:${t.terms.join('|')})(?![\\w-])`, 'i'),
        anyTerm: t.terms.some((term) => ASSERTION.test(term)) ? null : new RegExp(`(?:${t.terms.join('|')})`, 'i'),
        cameo: t.cameo ?? [],
        isTransfers: t.transfers === true,
      })),
      page: file.pageSections.map((p) => ({ regex: new RegExp(p.pattern, 'i'), section: p.section })),
    };
  });
}

/** The stage: sections, themes and the page's own section label. */
export const sections = defineStage('sections', (doc, ctx) => fileSections(doc, ctx));

function addEvidence(map: Map<string, Evidence[]>, key: string, evidence: Evidence): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  if (list.length < MAX_EVIDENCE && !list.some((e) => e.start === evidence.start)) list.push(evidence);
}

/** Sections and themes of an analysed document, sections first, each with its evidence sentences. */
export function fileSections(doc: Doc, ctx: Context): Theme[] {
  const article = need(doc, 'article');
  const { themes, file, page } = compiled(ctx);
  const sentences: Sentence[] = need(doc, 'sentences');
  const byTheme = new Map<string, Evidence[]>();
  // Sentences are slices of the article text and the terms hold no assertions, so a theme whose terms
  // appear nowhere in the article cannot match any sentence: only the others are tried sentence by sentence.
  const present = themes.filter((theme) => theme.anyTerm?.test(article.text) ?? true);
  for (const sentence of sentences) {
    for (const theme of present) {
      if (theme.regex.test(sentence.text)) addEvidence(byTheme, theme.name, { text: sentence.text, start: sentence.start, end: sentence.end });
    }
  }
  for (const event of need(doc, 'events')) {
    for (const theme of themes) {
      if (theme.cameo.some((prefix) => event.cameo.startsWith(prefix))) addEvidence(byTheme, theme.name, event.evidence);
    }
  }
  for (const transfer of need(doc, 'transfers')) {
    for (const theme of themes) if (theme.isTransfers) addEvidence(byTheme, theme.name, transfer.evidence);
  }
  const bySection = new Map<string, Evidence[]>();
  const out: Theme[] = [];
  for (const theme of themes) {
    const evidence = byTheme.get(theme.name);
    if (!evidence) continue;
    evidence.sort((a, b) => a.start - b.start);
    out.push({ kind: 'theme', name: theme.name, evidence });
    for (const e of evidence) addEvidence(bySection, theme.section, e);
  }
  const label = article.section?.trim();
  const labelled = label ? page.find((p) => p.regex.test(label)) : undefined;
  if (labelled && !bySection.has(labelled.section)) bySection.set(labelled.section, []);
  const sectionThemes: Theme[] = [];
  for (const [key, name] of Object.entries(file.sections)) {
    const evidence = bySection.get(key);
    if (evidence) sectionThemes.push({ kind: 'section', name, evidence: evidence.sort((a, b) => a.start - b.start) });
  }
  const pageSection: Theme[] = label ? [{ kind: 'page-section', name: label, evidence: [] }] : [];
  return [...pageSection, ...sectionThemes, ...out];
}
