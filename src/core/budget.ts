/**
 * A time budget for one page through the whole pipeline: once it is spent the runner cuts the stages
 * left (their products stay empty, a message says which), and a stage may check it inside a long loop.
 * A page has spent its budget when both that much time has passed and the process has used that much
 * processor time: a machine busy with other work slows a page down without cutting its analysis.
 */
import type { Doc, Products, StageName } from './doc.js';

/**
 * Milliseconds one page may take through all stages. An ordinary article takes well under 50 ms; two
 * seconds leaves a slow machine room while one hostile page can no longer hold a worker for minutes.
 */
export const DEFAULT_PAGE_BUDGET_MS = 2000;

/** The stages every analysis needs in full (the contract's `article`); extraction keeps its own time limit. */
const ESSENTIAL_STAGES: ReadonlySet<StageName> = new Set<StageName>(['capture', 'decoded', 'article']);

/** Thrown by a stage that finds the page's budget spent; the runner turns it into a message and an empty product. */
export class BudgetSpent extends Error {
  readonly elapsedMs: number;
  constructor(elapsedMs: number, where: string) {
    super(`time budget spent after ${Math.round(elapsedMs)} ms (${where})`);
    this.name = 'BudgetSpent';
    this.elapsedMs = elapsedMs;
  }
}

/** Where one-off setup time (data files, indexes) is counted, so a page is not charged for it. */
export interface SetupClock {
  readonly setupMs: number;
}

/** The clock of one page: when it started, how long it may run (0 or less: no limit), setup time to leave out. */
export interface Budget {
  startedAt: number;
  cpuAtStart: NodeJS.CpuUsage;
  limitMs: number;
  setup: SetupClock | null;
  setupAtStart: number;
}

const budgets = new WeakMap<Doc, Budget>();

/** The page's budget, started on first use: one page run through the runner twice (capture, then the rest) keeps one clock. */
export function startBudget(doc: Doc, limitMs: number = DEFAULT_PAGE_BUDGET_MS, setup: SetupClock | null = null): Budget {
  let budget = budgets.get(doc);
  if (!budget) {
    budget = { startedAt: performance.now(), cpuAtStart: process.cpuUsage(), limitMs, setup, setupAtStart: setup?.setupMs ?? 0 };
    budgets.set(doc, budget);
  }
  return budget;
}

/**
 * Milliseconds charged to the page so far: the lesser of the time passed and the processor time used,
 * one-off setup left out (0 before the runner starts it).
 */
export function elapsedMs(doc: Doc): number {
  const budget = budgets.get(doc);
  if (!budget) return 0;
  const setup = budget.setup ? budget.setup.setupMs - budget.setupAtStart : 0;
  const cpu = process.cpuUsage(budget.cpuAtStart);
  const wall = performance.now() - budget.startedAt;
  return Math.min(wall, (cpu.user + cpu.system) / 1000) - setup;
}

/** Whether the page has used up its budget. */
export function isBudgetSpent(doc: Doc): boolean {
  const budget = budgets.get(doc);
  if (budget === undefined || budget.limitMs <= 0) return false;
  // The charge is at most the time passed: while that is within the limit the processor time (a
  // system call, asked before every stage) need not be read.
  const setup = budget.setup ? budget.setup.setupMs - budget.setupAtStart : 0;
  if (performance.now() - budget.startedAt - setup <= budget.limitMs) return false;
  return elapsedMs(doc) > budget.limitMs;
}

/**
 * For a stage's long loops (one call per sentence, say): throws BudgetSpent once the page is over budget,
 * so the stage stops and the runner keeps the document valid.
 */
export function checkBudget(doc: Doc, where: string): void {
  if (isBudgetSpent(doc)) throw new BudgetSpent(elapsedMs(doc), where);
}

/** Whether the runner may leave this stage out when the budget is spent. */
export function isCuttable(name: StageName): boolean {
  return !ESSENTIAL_STAGES.has(name);
}

/** The product of a stage that was cut: every stage after extraction makes a list, so an empty list. */
export function emptyProduct<K extends StageName>(_name: K): Products[K] {
  return [] as unknown as Products[K];
}
