/** An editorial disclaimer: "The views expressed in this commentary are the author's own." */
import type { LineRule } from '../line-rule.js';
import { wordCount } from '../shape.js';

/** Disclaimers are a sentence or two. */
const DISCLAIMER_MAX_WORDS = 60;

const DISCLAIMER =
  /^(?:disclaimer\s*:|the (?:views|opinions) (?:and (?:views|opinions) )?expressed\b|(?:views|opinions) expressed\b|this (?:article|commentary|analysis|piece) (?:reflects|represents) (?:only )?the (?:views|opinions)\b|(?:the )?opinions in this\b)/i;

export const disclaimer: LineRule = {
  id: 'article/text-page/disclaimer',
  read: (line) => (wordCount(line) <= DISCLAIMER_MAX_WORDS && DISCLAIMER.test(line) ? {} : null),
};
