/**
 * Clubs named after towns: in a sports report, "Somerset 252 and 101-3", "Nice 's home defeat to
 * Guingamp 2-1" or a standings row "CHICAGO 74 59 .556" name teams, not places. A place name seen in
 * such a team context makes every mention of that name in the article an organisation (one sense per
 * article); countries stay places (national sides are named like their country).
 */
import type { Token } from '../../core/doc.js';
import type { Candidate } from './resolve.js';

/** Words that mark a sports report; an article needs several distinct ones. */
const SPORTS_CUES = new Set([
  'match', 'matches', 'goal', 'goals', 'league', 'innings', 'wicket', 'wickets', 'striker', 'midfielder', 'goalkeeper',
  'coach', 'season', 'cup', 'championship', 'tournament', 'seeded', 'draw', 'drew', 'halftime', 'half-time', 'inning',
  'homer', 'homers', 'batting', 'bowling', 'standings', 'division', 'playoff', 'playoffs', 'fixtures', 'soccer', 'cricket',
  'baseball', 'rugby', 'tennis', 'hockey', 'basketball', 'football', 'scored', 'scorers', 'played', 'won', 'lost',
  'beat', 'unbeaten', 'victory', 'defeat', 'club', 'title', 'champions', 'runs', 'pitcher', 'quarterback', 'touchdown',
  'penalty', 'referee', 'stadium', 'semifinal', 'semi-final', 'final', 'opener', 'test', 'squad', 'captain',
]);
const SCORE = /^\d{1,3}-\d{1,3}$/;
/** Distinct cue words (scores count as one) that make an article a sports report. */
const MIN_CUES = 4;

/** Words right before a team name: "v Kent", "beat Essex", "against Surrey". */
const BEFORE_TEAM = new Set(['v', 'vs', 'vs.', 'beat', 'beats', 'against', 'over', 'host', 'hosts', 'visiting', 'defeated', 'thrashed', 'crushed', 'routed', 'hammered', 'edged', 'downed']);
/** Words right after a team name: "Kent v", "Rotor are", "Nice have", "Chicago beat". */
const AFTER_TEAM = new Set(['v', 'vs', 'vs.', 'at', 'beat', 'beats', 'are', 'were', 'have', 'drew', 'lead', 'trail', 'trailed', 'led', 'won', 'lost', 'scored']);
/** After a possessive: "Nice 's home defeat", "Rotor 's coach". */
const TEAM_NOUNS = new Set(['coach', 'manager', 'players', 'side', 'team', 'striker', 'goalkeeper', 'keeper', 'captain', 'home', 'defence', 'defense', 'fans', 'squad', 'innings', 'lead', 'win', 'victory', 'defeat', 'chairman', 'bowlers', 'batsmen']);
/** Dateline tokens: an ISO day or a month name after a place at the head of a line. */
const DATELINE = /^(?:\d{4}-\d\d-\d\d|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?$/i;

export interface TeamSpan {
  candidate: Candidate;
  sentence: number;
  tokens: readonly Token[];
  text: string;
}

/** Whether the article's words read like a sports report. */
export function isSportsText(sentTokens: readonly (readonly Token[])[]): boolean {
  const seen = new Set<string>();
  for (const tokens of sentTokens) {
    for (const t of tokens) {
      const w = t.text.toLowerCase();
      if (SPORTS_CUES.has(w)) seen.add(w);
      else if (SCORE.test(w)) seen.add('<score>');
      if (seen.size >= MIN_CUES) return true;
    }
  }
  return false;
}

/** Whether the span sits where a team's name goes (a score, "v", a plural verb, a team noun after "'s"). */
function isTeamContext(tokens: readonly Token[], start: number, end: number): boolean {
  const prev = tokens[start - 1]?.text.toLowerCase() ?? '';
  const next = tokens[end]?.text.toLowerCase() ?? '';
  const after = tokens[end + 1]?.text.toLowerCase() ?? '';
  if (isDateline(tokens, start, end)) return false;
  if (BEFORE_TEAM.has(prev) || AFTER_TEAM.has(next)) return true;
  // a score or a standings row right after the name
  if (/^\d{1,3}$/.test(next) || SCORE.test(next)) return true;
  return (next === "'s" || next === '’s') && TEAM_NOUNS.has(after);
}

/** "MINNESOTA AT MILWAUKEE", "in Chicago": a town after "at" or "in" is where the game is played. */
function isVenue(tokens: readonly Token[], start: number): boolean {
  const prev = tokens[start - 1]?.text.toLowerCase();
  return prev === 'at' || prev === 'in';
}

function isDateline(tokens: readonly Token[], start: number, end: number): boolean {
  if (start !== 0) return false;
  for (let k = end; k < Math.min(tokens.length, end + 4); k++) if (DATELINE.test(tokens[k]?.text ?? '')) return true;
  return false;
}

/** Home nations of the United Kingdom: listed as regions, they field national sides, named as places. */
const HOME_NATIONS = new Set(['england', 'scotland', 'wales', 'northern ireland', 'ireland']);

/** Whether a candidate is a listed town or region that could be a club's name (never a country or a home nation). */
function isTownLike(c: Candidate, text: string): boolean {
  if (c.kind !== 'location' || c.entries.length === 0 || HOME_NATIONS.has(text.toLowerCase())) return false;
  return c.entries.every((e) => e.kind === 'place');
}

/**
 * Whether an unlisted name the tagger took for a place stands where a team goes ("Kent v Essex",
 * "Rotor are"); a number after it is no sign here (a bowler's figures follow his name).
 */
function isTeamWords(tokens: readonly Token[], start: number, end: number): boolean {
  const next = tokens[end]?.text ?? '';
  return (!/^\d/.test(next) && isTeamContext(tokens, start, end)) || (start === 0 && isTableRow(tokens, end));
}

const FIGURE = /^(?:\d[\d.,:/]*|\.\d+|-)$/;

/** Whether the tokens from `end` on are a standings row's figures: two or more numbers and nothing else. */
function isTableRow(tokens: readonly Token[], end: number): boolean {
  if (!/^\d{1,3}$/.test(tokens[end]?.text ?? '')) return false;
  let numbers = 0;
  for (let k = end; k < tokens.length; k++) {
    const w = (tokens[k] as Token).text;
    if (!FIGURE.test(w)) return false;
    if (/\d/.test(w)) numbers++;
  }
  return numbers >= 2;
}

const TEAM_WORD = /^(?:\p{Lu}[\p{L}.'’-]*|['’]s|&)$/u;

/** The capitalised run of words from `k` ("Notts County", "Queen 's Park"): its end, or `k` when none. */
function teamRun(tokens: readonly Token[], k: number): number {
  let j = k;
  while (j < tokens.length && TEAM_WORD.test((tokens[j] as Token).text) && (j > k || /^\p{Lu}/u.test((tokens[j] as Token).text))) j++;
  return j;
}

/**
 * The team names of a results line or a standings row: "Stoke 2 Tranmere 0" gives both names,
 * "Alania 11 7 2 2 19 9 23" the first one. Spans are [start, end) token pairs.
 */
export function tableTeams(tokens: readonly Token[]): [number, number][] {
  const a = teamRun(tokens, 0);
  if (a === 0) return [];
  if (isTableRow(tokens, a)) return [[0, a]];
  if (!/^\d{1,3}$/.test(tokens[a]?.text ?? '')) return [];
  const b = teamRun(tokens, a + 1);
  if (b === a + 1 || !/^\d{1,3}$/.test(tokens[b]?.text ?? '') || b + 1 !== tokens.length) return [];
  return [[0, a], [a + 1, b]];
}

/** A person only the tagger saw, not opened by a given name nor listed. */
function isGuessedPerson(c: Candidate): boolean {
  return c.kind === 'person' && c.entries.length === 0 && (c.rule === 'entities/tagger' || c.rule === 'entities/same-name');
}

/** "Rotor are", "Deportivo have": a single name with a plural verb is a team (a person "is"; "Smith and Jones are" are two). */
function isPluralTeam(tokens: readonly Token[], start: number, end: number): boolean {
  const prev = tokens[start - 1]?.text.toLowerCase() ?? '';
  const next = tokens[end]?.text.toLowerCase() ?? '';
  return /^(?:are|were|have)$/.test(next) && !/^(?:and|&)$/.test(prev);
}

/** Words before or after which a bare capitalised word can only be a team: "beat Somerset", "Essex v". */
const STRONG_BEFORE = new Set(['v', 'vs', 'vs.', 'beat', 'against']);
const STRONG_AFTER = new Set(['v', 'vs', 'vs.']);

/**
 * Turns town names used as teams into organisations, across the article. `found` holds every
 * candidate with its sentence's tokens and text; candidates change in place. Capitalised words that
 * no candidate covers and that stand where a team goes ("beat Somerset") are passed to `addTeam`
 * (sentence index, token start, token end), with every other bare mention of the same word.
 */
export function markTeams(found: readonly TeamSpan[], sentTokens: readonly (readonly Token[])[], addTeam: (sentence: number, start: number, end: number) => void): void {
  if (!isSportsText(sentTokens)) return;
  const teams = new Set<string>();
  const claimed = new Set<string>();
  for (const f of found) {
    const c = f.candidate;
    for (let k = c.start; k < c.end; k++) claimed.add(`${f.sentence}:${k}`);
    const isTown = isTownLike(c, f.text);
    if (isTown || (c.kind === 'organization' && c.rule === 'entities/tagger')) {
      if (isTeamContext(f.tokens, c.start, c.end)) teams.add(f.text.toLowerCase());
    } else if (c.kind === 'location' && c.entries.length === 0 && isTeamWords(f.tokens, c.start, c.end)) teams.add(f.text.toLowerCase());
    else if (isGuessedPerson(c) && isPluralTeam(f.tokens, c.start, c.end)) teams.add(f.text.toLowerCase());
  }
  const isBare = (tokens: readonly Token[], si: number, k: number): boolean =>
    !claimed.has(`${si}:${k}`) && /^\p{Lu}\p{Ll}{2,}$/u.test(tokens[k]?.text ?? '') && k > 0;
  sentTokens.forEach((tokens, si) => {
    for (let k = 1; k < tokens.length; k++) {
      if (!isBare(tokens, si, k)) continue;
      const prev = (tokens[k - 1] as Token).text.toLowerCase();
      const next = tokens[k + 1]?.text.toLowerCase() ?? '';
      if (STRONG_BEFORE.has(prev) || STRONG_AFTER.has(next)) teams.add((tokens[k] as Token).text.toLowerCase());
    }
  });
  const isFreeSpan = (si: number, start: number, end: number): boolean => {
    for (let k = start; k < end; k++) if (claimed.has(`${si}:${k}`)) return false;
    return true;
  };
  sentTokens.forEach((tokens, si) => {
    for (const [start, end] of tableTeams(tokens)) {
      const words = tokens.slice(start, end).map((t) => t.text).join(' ');
      // a player's name in a leaderboard is already a person; only free words and places become clubs
      if (isFreeSpan(si, start, end) && !/^\p{Lu}\.?$/u.test(words)) {
        addTeam(si, start, end);
        for (let k = start; k < end; k++) claimed.add(`${si}:${k}`);
        if (end - start === 1) teams.add(words.toLowerCase());
      } else teams.add(words.toLowerCase());
    }
  });
  if (teams.size === 0) return;
  // "Essex , Derbyshire and Surrey": single words listed with a team are teams
  sentTokens.forEach((tokens) => {
    for (let k = 0; k < tokens.length; k++) {
      if (!teams.has((tokens[k] as Token).text.toLowerCase())) continue;
      for (const dir of [-1, 1]) {
        let j = k;
        for (;;) {
          const joiner = tokens[j + dir]?.text;
          const next = tokens[j + 2 * dir]?.text ?? '';
          const beyond = tokens[j + 3 * dir]?.text ?? '';
          if ((joiner !== ',' && joiner !== 'and') || !/^\p{Lu}\p{Ll}{2,}$/u.test(next) || /^\p{Lu}/u.test(beyond)) break;
          teams.add(next.toLowerCase());
          j += 2 * dir;
        }
      }
    }
  });
  for (const f of found) {
    const c = f.candidate;
    const isPlace = isTownLike(c, f.text) || (c.kind === 'location' && c.entries.length === 0) || isGuessedPerson(c);
    if (!isPlace || !teams.has(f.text.toLowerCase()) || isDateline(f.tokens, c.start, c.end) || isVenue(f.tokens, c.start)) continue;
    c.kind = 'organization';
    c.entries = [];
    c.rule = 'entities/sports-team';
  }
  sentTokens.forEach((tokens, si) => {
    for (let k = 1; k < tokens.length; k++) {
      if (isBare(tokens, si, k) && teams.has((tokens[k] as Token).text.toLowerCase()) && !isDateline(tokens, k, k + 1) && !isVenue(tokens, k)) addTeam(si, k, k + 1);
    }
  });
}
