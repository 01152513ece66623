/**
 * chrono parsers that skip a text lacking the word their pattern cannot match without ("ago",
 * "later"): the same results, without running their long time-unit patterns over every paragraph.
 */
import * as chrono from 'chrono-node';

/** A parser as chrono's engine uses it: it asks for the pattern once per text. */
interface PatternParser {
  constructor: { name: string };
  pattern(context: { text: string }): RegExp;
}

/** Matches nothing: chrono's loop over matches ends at once. */
const NO_MATCH = /(?!)/;

/**
 * Per parser class, a word every match of its pattern contains, written as in the pattern (same
 * flags, same lookahead), so a text without it cannot match and the parser is skipped.
 */
const REQUIRED_WORDS: Readonly<Record<string, RegExp>> = {
  ENTimeUnitAgoFormatParser: /(?:ago|before|earlier)(?=\W|$)/i,
  ENTimeUnitLaterFormatParser: /(?:later|after|from now|henceforth|forward|out)(?=(?:\W|$))/i,
};

/** The parser, skipping texts without its required word; unchanged when it has none. */
function guardParser<P extends PatternParser>(parser: P): P {
  const required = REQUIRED_WORDS[parser.constructor.name];
  if (!required) return parser;
  const guarded = Object.create(parser) as P;
  guarded.pattern = (context) => (required.test(context.text) ? parser.pattern.call(guarded, context) : NO_MATCH);
  return guarded;
}

/** A copy of a chrono instance whose parsers skip texts they cannot match. */
export function guardedChrono(base: chrono.Chrono): chrono.Chrono {
  const copy = base.clone();
  copy.parsers = copy.parsers.map((parser) => guardParser(parser as unknown as PatternParser) as unknown as chrono.Parser);
  return copy;
}

/** chrono's casual English, guarded. */
export const casualEnglish: chrono.Chrono = guardedChrono(chrono.casual);
