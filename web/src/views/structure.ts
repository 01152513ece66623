/** A sentence's structure on demand, for an analyst checking why an event was coded: an indented dependency tree. */
import { getJson } from '../api.js';
import { h, replace } from '../dom.js';

interface TreeWord {
  text: string;
  start: number;
  end: number;
  upos: string;
  lemma: string;
  head: number;
  deprel: string;
}

interface SentenceTree {
  text: string;
  words: TreeWord[];
  isTruncated?: boolean;
}

interface SyntaxAnswer {
  sentences: SentenceTree[];
}

/** Relations an event is read from, marked so the eye finds them first. */
const KEY_RELATIONS = new Set(['nsubj', 'nsubj:pass', 'obj', 'iobj', 'obl:agent', 'ccomp', 'xcomp', 'advcl', 'acl:relcl', 'conj', 'appos', 'root']);

/**
 * A collapsed "Structure" panel for a span of article `id`; opening it fetches and draws the trees
 * of the sentences in the span (text set with textContent only, through h()).
 */
export function structurePanel(id: number, span: { start: number; end: number }): HTMLElement {
  const body = h('div', { class: 'structure-body' });
  const panel = h('details', { class: 'structure' }, h('summary', {}, 'Sentence structure'), body);
  let isLoaded = false;
  panel.addEventListener('toggle', () => {
    if (!panel.open || isLoaded) return;
    isLoaded = true;
    replace(body, h('p', { class: 'muted' }, 'Parsing…'));
    getJson<SyntaxAnswer>(`articles/${id}/syntax`, { start: span.start, end: span.end })
      .then((answer) => replace(body, ...answer.sentences.map(sentenceTree)))
      .catch((error: unknown) => {
        isLoaded = false;
        replace(body, h('p', { class: 'error' }, `Could not parse: ${error instanceof Error ? error.message : String(error)}`));
      });
  });
  return panel;
}

/** One sentence as nested lists: each word under its head, with its relation, tag and lemma. */
export function sentenceTree(sentence: SentenceTree): HTMLElement {
  const children = new Map<number, number[]>();
  sentence.words.forEach((w, i) => {
    const list = children.get(w.head) ?? [];
    list.push(i);
    children.set(w.head, list);
  });
  const seen = new Set<number>();
  const item = (i: number): HTMLElement => {
    seen.add(i);
    const w = sentence.words[i] as TreeWord;
    const below = (children.get(i) ?? []).filter((c) => !seen.has(c));
    return h(
      'li',
      {},
      h('span', { class: KEY_RELATIONS.has(w.deprel) ? 'rel rel-key' : 'rel' }, w.deprel),
      ' ',
      h('strong', { dir: 'auto' }, w.text),
      ' ',
      h('span', { class: 'muted' }, w.lemma !== w.text ? `${w.upos} · ${w.lemma}` : w.upos),
      below.length > 0 ? h('ul', {}, ...below.map(item)) : null,
    );
  };
  return h(
    'figure',
    { class: 'sentence-tree' },
    h('figcaption', { dir: 'auto' }, sentence.text),
    h('ul', { class: 'tree' }, ...(children.get(-1) ?? []).map(item)),
    sentence.isTruncated ? h('p', { class: 'muted' }, 'Only the first words of this very long sentence were parsed.') : null,
  );
}
