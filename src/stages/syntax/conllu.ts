/** Reads and writes CoNLL-U (https://universaldependencies.org/format.html): sentences of word lines. */

/** One line of a sentence: a word (integer ID), or a line kept verbatim (comments, ranges, empty nodes). */
export interface ConlluLine {
  /** The ten columns for word and range lines, null for comments. */
  columns: string[] | null;
  raw: string;
  isWord: boolean;
}

export interface ConlluSentence {
  lines: ConlluLine[];
}

/** A word line's fields, as the trainer and evaluator read them. */
export interface ConlluWord {
  form: string;
  lemma: string;
  upos: string;
  /** 0 for the root, else the 1-based ID of the head. */
  head: number;
  deprel: string;
  /** False where MISC says SpaceAfter=No (the next word is written against this one). */
  spaceAfter: boolean;
}

/** Splits CoNLL-U text into sentences (blank lines between them). */
export function readConllu(text: string): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let lines: ConlluLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '') {
      if (lines.length > 0) out.push({ lines });
      lines = [];
      continue;
    }
    if (raw.startsWith('#')) {
      lines.push({ columns: null, raw, isWord: false });
      continue;
    }
    const columns = raw.split('\t');
    lines.push({ columns, raw, isWord: /^\d+$/.test(columns[0] ?? '') });
  }
  if (lines.length > 0) out.push({ lines });
  return out;
}

/** Whether a MISC column says SpaceAfter=No (the next word is written against this one). */
export function isSpaceAfterNo(misc: string | undefined): boolean {
  return /(?:^|\|)SpaceAfter=No(?:\||$)/.test(misc ?? '');
}

/** The word lines of a sentence as fields. */
export function wordsOf(sentence: ConlluSentence): ConlluWord[] {
  return sentence.lines
    .filter((l) => l.isWord)
    .map((l) => {
      const c = l.columns as string[];
      return { form: c[1] ?? '_', lemma: c[2] ?? '_', upos: c[3] ?? '_', head: Number(c[6] ?? 0) || 0, deprel: c[7] ?? '_', spaceAfter: !isSpaceAfterNo(c[9]) };
    });
}
