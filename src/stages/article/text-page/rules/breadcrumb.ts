/** A breadcrumb trail: "Home > World > Asia-Pacific" -> section "Asia-Pacific". */
import type { LineRule } from '../line-rule.js';
import { wordCount } from '../shape.js';

/** Each crumb is a section name of a few words. */
const CRUMB_MAX_WORDS = 5;

const SEPARATOR = /\s+[>›»]\s+|\s+\/\s+/;
const HOME = /^(?:home|start|main|news|homepage|главная|accueil|startseite)$/i;

export const breadcrumb: LineRule = {
  id: 'article/text-page/breadcrumb',
  read: (line) => {
    const crumbs = line.split(SEPARATOR).map((crumb) => crumb.trim());
    const [firstCrumb = ''] = crumbs;
    // Two crumbs need a "Home" in front to be a trail; three or more are one on their own.
    if (crumbs.length < 2 || (crumbs.length === 2 && !HOME.test(firstCrumb))) return null;
    if (crumbs.some((crumb) => crumb === '' || wordCount(crumb) > CRUMB_MAX_WORDS || /[.!?]$/.test(crumb))) return null;
    const section = crumbs.filter((crumb) => !HOME.test(crumb)).at(-1);
    return section ? { section } : {};
  },
};
