/** The desk's shell: hash routing to the views, the theme toggle, the skip link. */
import './style.css';
import { notice, replace } from './dom.js';
import { ApiError } from './api.js';
import { parseRoute, type Route } from './router.js';
import { renderSearch } from './views/search.js';
import { renderReader } from './views/reader.js';
import { renderEntity } from './views/entity.js';
import { renderMap } from './views/map.js';
import { renderTimeline } from './views/timeline.js';
import { renderNetwork } from './views/network.js';
import { renderTransfers } from './views/transfers.js';
import { renderStories, renderStory } from './views/stories.js';

type View = (main: HTMLElement, route: Route) => Promise<void>;

const VIEWS: Record<string, { render: View; title: string }> = {
  search: { render: renderSearch, title: 'Search' },
  article: { render: renderReader, title: 'Article' },
  entity: { render: renderEntity, title: 'Entity' },
  map: { render: renderMap, title: 'Map' },
  timeline: { render: renderTimeline, title: 'Timeline' },
  network: { render: renderNetwork, title: 'Network' },
  transfers: { render: renderTransfers, title: 'Transfers' },
  stories: { render: renderStories, title: 'Stories' },
  story: { render: renderStory, title: 'Story' },
};

/** Views reached from another view's nav link, which stays marked current. */
const NAV_OF: Record<string, string> = { story: 'stories' };

let renderCount = 0;
/** The view and argument on screen, to tell a new page from a re-render of the same one. */
let shownPage = '';

async function route(): Promise<void> {
  const hash = location.hash;
  // Hashes that are not routes (the skip link's #main) leave the view alone.
  if (hash !== '' && !hash.startsWith('#/')) return;
  const current = parseRoute(hash);
  const view = VIEWS[current.view] ?? VIEWS['search']!;
  const main = document.getElementById('main')!;
  const ticket = ++renderCount;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.nav a')) {
    if (a.dataset['view'] === (NAV_OF[current.view] ?? current.view)) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = `${view.title} · Watchfloor desk`;
  main.setAttribute('aria-busy', 'true');
  delete main.dataset['route'];
  try {
    const target = document.createElement('div');
    target.className = `view view-${current.view}`;
    await view.render(target, current);
    // A slower earlier render must not overwrite a newer one.
    if (ticket === renderCount) {
      replace(main, target);
      // A new page starts at its top; a filter change on the same page keeps the reader's place.
      const page = `${current.view}/${current.arg}`;
      if (page !== shownPage) window.scrollTo(0, 0);
      shownPage = page;
    }
  } catch (error) {
    if (ticket === renderCount) {
      const message = error instanceof ApiError ? `${error.message} (${error.code})` : error instanceof Error ? error.message : String(error);
      replace(main, notice(`Could not load this view: ${message}`, 'error'));
    }
  } finally {
    if (ticket === renderCount) {
      main.removeAttribute('aria-busy');
      // Says which route the content shows, so tests (and scripts) can wait for it.
      main.dataset['route'] = hash;
      document.body.dataset['view'] = current.view;
    }
  }
}

const THEME_KEY = 'watchfloor-theme';

function effectiveTheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset['theme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function applyTheme(theme: 'light' | 'dark' | null): void {
  if (theme) document.documentElement.dataset['theme'] = theme;
  const button = document.getElementById('theme-toggle');
  if (!button) return;
  const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
  button.textContent = next === 'dark' ? 'Dark' : 'Light';
  button.setAttribute('aria-label', `Switch to ${next} theme`);
}

function start(): void {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(THEME_KEY);
  } catch {
    // Storage may be off: follow the system.
  }
  applyTheme(stored === 'light' || stored === 'dark' ? stored : null);
  document.getElementById('theme-toggle')?.addEventListener('click', () => {
    const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
    applyTheme(next);
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // Not remembered: fine.
    }
  });
  document.getElementById('skip-link')?.addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  });
  window.addEventListener('hashchange', () => void route());
  if (!location.hash.startsWith('#/')) history.replaceState(null, '', '#/search');
  void route();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
