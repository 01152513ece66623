/** Paragraph-level boilerplate: lines that sit inside article containers but are not the article. */

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
    '^(?:image|photo|picture|video|graphic|illustration)(?: credit)?s?\\s*:',
    '^(?:photo|image|picture)s? (?:by|courtesy|credit)\\b',
    '^(?:©|\\(c\\)|copyright)\\s',
    '^all rights reserved\\b',
    '^(?:tags?|topics|filed under|categories|keywords)\\s*:',
    '^(?:we use cookies|this (?:web)?site uses cookies|by (?:using|continuing)\\b.{0,80}cookies)',
    '^(?:getty images|afp via getty images|reuters/|ap photo|epa|shutterstock)\\b.{0,60}$',
    '^(?:loading|please wait|javascript is (?:disabled|required))\\b',
    '^(?:this (?:article|story) (?:is|was) (?:available|published) (?:only )?to subscribers)',
    '^(?:have your say|leave a (?:comment|reply)|join the conversation)\\b',
    '^cite (?:this|as)\\b',
    '^(?:published|updated|last updated|posted|publié|mis à jour|publicado|actualizado|veröffentlicht|aktualisiert|опубликовано|обновлено)\\b.{0,80}$',
  ].join('|'),
  'iu',
);

/** A sentence that always signals a prompt, wherever it sits in a short line. */
const PROMPT_ANYWHERE = /(?:sign up for (?:our|the)\b.{0,40}newsletter|subscribe to (?:our|the)\b.{0,40}newsletter|get the latest .{0,60} (?:delivered|in your inbox)|enable javascript|your browser does not support)/i;

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

/** True when a paragraph is furniture by its words alone. */
export function isBoilerplateParagraph(text: string): boolean {
  if (text.length <= 200 && BOILERPLATE_LINE.test(text)) return true;
  if (text.length <= 150 && BYLINE_LINE.test(text)) return true;
  if (text.length <= 60 && (DATE_ONLY.test(text) || LABEL_ONLY.test(text))) return true;
  return text.length <= 300 && PROMPT_ANYWHERE.test(text);
}
