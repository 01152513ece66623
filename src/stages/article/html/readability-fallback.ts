/** Readability over the already-parsed document, for pages where our own pass found too little. */
import { Readability } from '@mozilla/readability';
import type { Paragraph } from './main-content.js';
import { isBoilerplateParagraph } from './boilerplate.js';

/** Readability's paragraphs (it edits the document, so this runs last); empty when it finds nothing. */
export function readabilityParagraphs(document: unknown): Paragraph[] {
  let content: string;
  try {
    content = new Readability(document as Document).parse()?.textContent ?? '';
  } catch {
    return [];
  }
  return content
    .split(/\n\s*\n/)
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 0 && !isBoilerplateParagraph(t))
    .map((text) => ({ text, tag: 'p', textLen: text.length, linkLen: 0 }));
}
