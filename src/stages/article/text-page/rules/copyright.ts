/** A copyright footer: "© 2023 Northgate Media Ltd. All rights reserved." -> publisher "Northgate Media Ltd". */
import type { LineRule } from '../line-rule.js';
import { cleanName, wordCount } from '../shape.js';

/** A copyright line names its holder and little else. */
const COPYRIGHT_MAX_WORDS = 20;
const HOLDER_MAX_WORDS = 8;

const COPYRIGHT = /^(?:©|\(c\)|copyright\s*(?:©|\(c\)|(?=\d{4})))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*(.*)$/i;
const RESERVED =
  /[.,;]?\s*(?:all rights reserved|some rights reserved|tous droits réservés|alle rechte vorbehalten).*$/i;
/** The holder ends with its sentence: "Caspian Newswire. Redistribution ... prohibited." (but "Ltd. " goes on). */
const NEXT_SENTENCE = /(?<!\b(?:Ltd|Inc|Co|Corp|Pty|St))\.\s+\p{Lu}.*$/u;

export const copyright: LineRule = {
  id: 'article/text-page/copyright',
  read: (line) => {
    const match = COPYRIGHT.exec(line);
    if (!match || wordCount(line) > COPYRIGHT_MAX_WORDS) return null;
    const holder = cleanName(
      (match[1] ?? '')
        .replace(RESERVED, '')
        .replace(NEXT_SENTENCE, '')
        .replace(/^(?:by|the property of)\s+/i, ''),
    );
    return holder !== '' && wordCount(holder) <= HOLDER_MAX_WORDS && !/^\d+$/.test(holder) ? { publisher: holder } : {};
  },
};
