/**
 * Splits a text dump into blocks: paragraphs separated by blank lines, with hard-wrapped lines
 * joined and lists of short lines (menus, metadata) kept apart.
 */

/** Hard-wrapped text fills its lines (dumps wrap at 60-80 columns); shorter lines are items of a list. */
const WRAPPED_LINE_MIN_CHARS = 40;
/** Three or more short lines in one paragraph are a list (a menu), not labels standing alone. */
const LIST_MIN_LINES = 3;

/** One block of a page's text, whitespace collapsed. */
export interface TextBlock {
  text: string;
  /** One of a list of short lines sharing a paragraph ("News / Press releases / Contacts"). */
  isListLine: boolean;
}

/**
 * The blocks of a page in order. `isStandalone` names lines that are blocks of their own even
 * inside a paragraph (a date line, a byline).
 */
export function splitBlocks(text: string, isStandalone: (line: string) => boolean = () => false): TextBlock[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim());
  const first = lines.findIndex(Boolean);
  const last = lines.findLastIndex(Boolean);
  const hasBlankLines = first !== -1 && lines.slice(first, last).includes('');
  // Without blank lines the dump put one paragraph on each line.
  if (!hasBlankLines) return lines.filter(Boolean).map((line) => ({ text: line, isListLine: false }));
  const blocks: TextBlock[] = [];
  let group: string[] = [];
  for (const line of [...lines, '']) {
    if (line !== '') {
      group.push(line);
      continue;
    }
    if (group.length > 0) blocks.push(...unwrapGroup(group, isStandalone));
    group = [];
  }
  return blocks;
}

/** One paragraph when the lines are wrapped prose; one block per line when they are a list. */
function unwrapGroup(lines: string[], isStandalone: (line: string) => boolean): TextBlock[] {
  if (lines.length === 1) return [{ text: lines[0] ?? '', isListLine: false }];
  const isWrapped =
    lines.slice(0, -1).every((line) => line.length >= WRAPPED_LINE_MIN_CHARS) &&
    !lines.some((line) => isStandalone(line));
  if (isWrapped) return [{ text: lines.join(' '), isListLine: false }];
  const isListLine = lines.length >= LIST_MIN_LINES;
  return lines.map((line) => ({ text: line, isListLine }));
}
