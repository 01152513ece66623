/** Paragraph-level boilerplate: lines that sit inside article containers but are not the article. */
import { MONTH_PATTERN } from '../metadata/parse-date.js';

/** Whole-line furniture: share prompts, ad labels, newsletter and follow prompts, credits, read-more links. */
const BOILERPLATE_LINE = new RegExp(
  [
    '^(?:advertisement|advertising|anzeige|publicité|реклама|إعلان|sponsored( content)?|ad)$',
    '^(?:share|share this( article| story)?|share on \\w+|tweet|email|print|comments?|\\d+ comments?)$',
    '^(?:read more|more:?|see also:?|related:?|related (?:articles|stories|coverage|content|news)|recommended|most read|most popular|trending|top stories)\\b.{0,80}$',
    '^(?:sign up|subscribe|register|log ?in|join)\\b.{0,160}(?:newsletter|inbox|email|free|account|today|now)\\b',
    '^(?:follow us|like us|follow \\w+ on)\\b',
    "^(?:don['’]?t miss|must read|read next|up next|more on this|watch|listen|watch now|listen now|advert|this slideshow requires javascript\\.?)$",
    '^(?:click here|tap here)\\b.{0,120}$',
    '^(?:image|photo|picture|video|graphic|illustration|foto|fotos|bild|immagine|imagen|фото|صورة|عکس)(?: credit)?s?\\s*:',
    '^(?:photo|image|picture)s? (?:by|courtesy|credit)\\b',
    '^(?:©|\\(c\\)|copyright)\\s',
    '^all rights reserved\\b',
    '^(?:tags?|topics|categories|keywords)\\s*:',
    '^filed under.{0,80}$',
    '^(?:we use cookies|this (?:web)?site uses cookies|by (?:using|continuing)\\b.{0,80}cookies)',
    '^(?:getty images|afp via getty images|reuters/|ap photo|epa|shutterstock)\\b.{0,60}$',
    '^(?:loading|please wait|javascript is (?:disabled|required))\\b',
    '^listen (?:to|back|live|now)\\b.{0,100}$',
    '^(?:this (?:article|story) (?:is|was) (?:available|published) (?:only )?to subscribers)',
    '^(?:have your say|leave a (?:comment|reply)|join the conversation)\\b',
    '^cite (?:this|as)\\b',
    '^(?:published|updated|last updated|posted|publié|mis à jour|publicado|actualizado|veröffentlicht|aktualisiert|опубликовано|обновлено)\\b.{0,80}$',
  ].join('|'),
  'iu',
);

/** A sentence that always signals a prompt, wherever it sits in a short line. */
const PROMPT_ANYWHERE = new RegExp(
  [
    'sign up for (?:our|the)\\b.{0,40}newsletter',
    'subscribe to (?:our|the)\\b.{0,40}newsletter',
    'get the latest .{0,60} (?:delivered|in your inbox)',
    'enable javascript',
    'your browser does not support',
    // Author taglines and subscription pitches that close many stories.
    'follow (?:him|her|them|us|me) on (?:twitter|facebook|instagram|x|linkedin)\\b',
    '(?:can|may) be reached at\\s+\\S+@',
    '^have a tip\\?',
    'if you enjoyed this (?:article|story)',
    'for as little as (?:rs\\.?|\\$|£|€)\\s?\\d',
    'use the (?:promo )?code ["“]',
  ].join('|'),
  'i',
);
/** A WordPress shortcode left in the text: "[button link=...]Send us[/button]". */
const SHORTCODE = /^\[\w+[^\]]*\].*\[\/\w+\]$/;

/** "By Jane Roe · 1 September 2022", "Par Camille Rouault | Publié le ...": a byline with a date or separator. */
const BYLINE_LINE = /^(?:by|par|por|von|di|door|от|автор|بقلم)\s+\p{Lu}[^.!?]{0,80}(?:[·|•]|\b(?:published|updated|publié|\d{1,2}:\d{2}|\d{4})\b)/iu;

/** A line that is only a date or a time ("22 April 2024", "Monday, May 6, 2024 10:15 AM", "05:30"). */
const DATE_ONLY = new RegExp(
  [
    '^(?:\\p{L}+\\.?,?\\s+)?\\d{1,2}\\.?\\s+\\p{L}+\\.?,?\\s+\\d{4}',
    '^(?:\\p{L}+\\.?,?\\s+)?\\p{L}+\\.?\\s+\\d{1,2},?\\s+\\d{4}',
    '^\\d{4}-\\d{2}-\\d{2}',
    '^\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}',
    '^(?=\\d{1,2}[:.]\\d{2})',
  ]
    .map((start) => `(?:${start})`)
    .join('|')
    .replace(/^/, '(?:')
    .concat(')(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\s*(?:[A-Z]{2,4}|GMT[+-]?\\d*)?)?$'),
  'iu',
);
/** "From:", "Tags:", "Share:": a one- or two-word label with nothing after it. */
const LABEL_ONLY = /^[\p{L}]+(?: [\p{L}]+)?\s*:$/u;

/** Words that join the parts of a written date or time ("22 de outubro de 2010 às 20:13", "3. März 2020 um 10 Uhr"). */
const DATE_GLUE = /^(?:de|del|às|as|a|las|à|um|at|le|der|den|el|am|pm|a\.m\.|p\.m\.|h|uhr|г|года|on|the|of|du)$/i;
const MONTH_WORD = new RegExp(`^(?:${MONTH_PATTERN})\\.?$`, 'i');

/** A line that holds a year or time and, besides month names and glue words, at most two words (a weekday, "sexta-feira"). */
function isDateLine(text: string): boolean {
  const hasYear = /\b(?:19|20)\d{2}\b/.test(text);
  const hasTime = /\b\d{1,2}[:h]\d{2}\b/.test(text);
  const words = text.split(/[\s,.:/|–—-]+/).filter((w) => w && !/^\d+(?:h|st|nd|rd|th|º)?$/i.test(w));
  const hasMonth = words.some((w) => MONTH_WORD.test(w));
  if (!(hasYear && (hasMonth || hasTime))) return false;
  return words.filter((w) => !MONTH_WORD.test(w) && !DATE_GLUE.test(w)).length <= 2;
}

/** True when a paragraph is furniture by its words alone. */
export function isBoilerplateParagraph(text: string): boolean {
  if (text.length <= 200 && BOILERPLATE_LINE.test(text)) return true;
  if (text.length <= 150 && BYLINE_LINE.test(text)) return true;
  if (text.length <= 60 && (DATE_ONLY.test(text) || LABEL_ONLY.test(text) || isDateLine(text))) return true;
  if (text.length <= 150 && /©/.test(text)) return true;
  if (SHORTCODE.test(text)) return true;
  return text.length <= 300 && PROMPT_ANYWHERE.test(text);
}
