/**
 * The document that flows through the pipeline: the input, then one product per stage.
 * Field names here are the contract's (../shared/CONTRACT.md); stages only add, never rewrite.
 */

/** A span of `article.text` in UTF-16 code units, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A quoted span: `article.text.slice(start, end) === text` always holds. */
export interface Evidence extends Span {
  text: string;
}

/**
 * Where a finding came from (see core/rule.ts for the runners that attach it): every entity,
 * date, event and transfer carries these fields beside its own.
 */
export interface Provenance {
  /** The rule, model or refiner that made the finding as it stands: `events/verb:cameo2:0234`, `entities/model:ner`, `entities/refiner:legal-form`. */
  rule: string;
  /** The words that fired, a span of `article.text` (the finding's `evidence`, where it has one, stays the sentence around them). */
  trigger?: Evidence;
  /** Ids of the rules and refiners that made earlier versions of the finding, oldest first. */
  history?: string[];
}

/** The raw bytes of one page as captured, kept verbatim. */
export interface Capture {
  sha256: string;
  size: number;
  /** Sniffed media type: text/html or text/plain. */
  mediaType: string;
  /** Path or URL the bytes came from. */
  origin: string;
  /** ISO 8601 time the bytes were captured. */
  capturedAt: string;
  /** Whether the bytes were gzip-compressed on disk (they are stored as received). */
  isGzipped: boolean;
  /** The page's bytes after gunzip (equal to the input when not gzipped); never stored twice. */
  body: Buffer;
}

/** The page's bytes decoded to text, with the character set used and how it was chosen. */
export interface Decoded {
  text: string;
  charset: string;
  charsetSource: 'bom' | 'header' | 'meta' | 'detected' | 'default' | 'utf-8';
}

export interface Article {
  title: string | null;
  /** Main text only; paragraphs joined by a blank line. */
  text: string;
  publisher: string | null;
  source: string | null;
  section: string | null;
  byline: string | null;
  /** ISO 8601; offset only when known; date only when no time is known. */
  published: string | null;
  language: string | null;
  url: string | null;
  /** The place of a wire dateline taken off the text's start ("VILNIUS" of "VILNIUS, March 4 (Reuters) -"); absent when none. */
  dateline?: string | null;
}

/** One token of a sentence, with its span in `article.text`. */
export interface Token extends Span {
  text: string;
}

export interface Sentence extends Span {
  text: string;
  /** The sentence's tokens in order (punctuation and clitics like "'s" are tokens of their own). */
  tokens?: Token[];
}

/** One syntactic word of a sentence (UD v2): a token, or part of one ("Russia's" -> Russia + 's). */
export interface SyntaxWord extends Span {
  text: string;
  /** Universal part-of-speech tag (NOUN, PROPN, VERB, AUX, ADP...). */
  upos: string;
  lemma: string;
  /** Index of the head word in the same `words` array; -1 for the root. */
  head: number;
  /** UD v2 relation with its subtype where one applies (nsubj:pass, obl:agent, acl:relcl, compound:prt). */
  deprel: string;
}

/** The dependency tree of one sentence of `doc.sentences` (same order, one each). */
export interface SentenceSyntax {
  /** Index of the sentence in `doc.sentences`. */
  sentence: number;
  words: SyntaxWord[];
  /** True when the sentence was too long to parse whole: only its first words were parsed. */
  isTruncated?: boolean;
}

export interface Mention extends Span {
  text: string;
  /** How the entity is named here: by name, a demonym ("Russian"), a capital ("Moscow"), a title or pronoun-like noun ("the minister"). */
  form?: 'name' | 'demonym' | 'capital' | 'alias' | 'reference';
  /**
   * A nationality adjective ("Russian"): the mention links its country for actor coding, but it is
   * not a mention of a place (NER scoring and place lists leave it out).
   */
  demonym?: true;
  /** The rule or model that found this mention, or the refiner that last changed its kind (then `history` holds the earlier ones). */
  rule?: string;
  history?: string[];
}

export type EntityType = 'person' | 'organization' | 'country' | 'place' | 'region' | 'other';

export interface Entity {
  /** Stable within and across articles: `country:RUS`, `person:sergei-shoigu`, `place:dushanbe`. */
  id: string;
  name: string;
  type: EntityType;
  /** CAMEO-style actor code where one applies (RUS, RUSMIL, TAL, NATO...). */
  code: string | null;
  role: string | null;
  affiliation: string | null;
  lat: number | null;
  lon: number | null;
  /** ISO alpha-3 of the country a place lies in, or a person/organisation belongs to. */
  country?: string | null;
  mentions: Mention[];
  /** The rule or model that found the entity, or the refiner that last changed its kind (then `history` holds the earlier ones). */
  rule?: string;
  trigger?: Evidence;
  history?: string[];
}

export type DatePrecision = 'day' | 'month' | 'year' | 'vague';

export interface DateFinding extends Span {
  text: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY; null when vague. */
  value: string | null;
  precision: DatePrecision;
  /** First and last day a range-like expression may mean ("earlier this week"), when known. */
  earliest?: string;
  latest?: string;
  /** The rule that read it (`dates/year-only`, `dates/chrono`); the finding's own span is the words that fired. */
  rule?: string;
  trigger?: Evidence;
}

export type Modality = 'asserted' | 'planned' | 'reported' | 'historical' | 'negated' | 'hypothetical';

export interface Actor {
  name: string;
  code: string | null;
  entityId?: string | null;
}

export interface Quantity {
  count: number;
  item: string;
  /** Equipment category: tanks, armoured vehicles, aircraft, missiles, money... */
  category?: string | null;
  unit?: string | null;
}

export interface Place {
  name: string;
  lat: number | null;
  lon: number | null;
  country?: string | null;
}

export interface Attribution {
  speaker: string | null;
  /** Outlets the claim travelled through, nearest the original first. */
  via: string[];
}

export interface Event {
  /** CAMEO code as a string, leading zeros kept. */
  cameo: string;
  plover: string;
  source: Actor | null;
  target: Actor | null;
  date: string | null;
  precision: DatePrecision;
  modality: Modality;
  quantities: Quantity[];
  location: Place | null;
  attribution: Attribution;
  evidence: Evidence;
  goldstein?: number;
  quadClass?: 1 | 2 | 3 | 4;
  /** The rule (verb-dictionary entry, model) that coded the event; `trigger` the words that fired, `evidence` the sentence. */
  rule?: string;
  trigger?: Evidence;
  history?: string[];
  /** The arcs the event was read from: the words naming its source and its target. */
  roles?: { source?: Evidence; target?: Evidence };
}

/** approved = a supplier government's approval of a possible sale (a US State Department / DSCA notification). */
export type TransferStatus = 'delivered' | 'ordered' | 'approved' | 'planned' | 'pledged';

/** One item of a transfer: an unknown count is null, never 0. */
export interface TransferItem extends Omit<Quantity, 'count'> {
  count: number | null;
}

export interface Transfer {
  supplier: string | null;
  recipient: string | null;
  items: TransferItem[];
  status: TransferStatus;
  date: string | null;
  evidence: Evidence;
  /** The rule that read the transfer (`transfers/from-event`); `trigger` the words that fired, `evidence` the sentence. */
  rule?: string;
  trigger?: Evidence;
  history?: string[];
}

/** A desk section or a finer theme, with the sentences that justify it. */
export interface Theme {
  kind: 'section' | 'theme' | 'page-section';
  name: string;
  evidence: Evidence[];
}

/** Something surprising but not fatal (vfile's message): the stage goes on. */
export interface Message {
  level: 'info' | 'warning';
  rule: string;
  reason: string;
  place?: Span;
}

/** What a caller hands the pipeline for one page. */
export interface DocInput {
  /** Path or URL as given; names the document in messages and errors. */
  origin: string;
  bytes: Buffer;
  /** Media type from a transport (HTTP Content-Type), if any. */
  contentType?: string | null;
  url?: string | null;
  /** Publication time to use when the page gives none. */
  published?: string | null;
  /** Skip page extraction: the whole input is the article text. */
  isRaw?: boolean;
  capturedAt?: string;
}

/** Products the stages make, keyed by stage name. */
export interface Products {
  capture: Capture;
  /** The page as text (HTML source or text dump), before extraction. */
  decoded: Decoded;
  article: Article;
  sentences: Sentence[];
  /** One dependency tree per sentence, same order as `sentences`. */
  syntax: SentenceSyntax[];
  entities: Entity[];
  dates: DateFinding[];
  events: Event[];
  transfers: Transfer[];
  sections: Theme[];
}

export type StageName = keyof Products;

export interface Doc extends Partial<Products> {
  input: DocInput;
  messages: Message[];
}

/** Makes an empty document for an input. */
export function createDoc(input: DocInput): Doc {
  return { input, messages: [] };
}

/** Evidence for a span of a text, so a rule never builds one by hand. */
export function evidenceOf(text: string, start: number, end: number): Evidence {
  return { text: text.slice(start, end), start, end };
}
