/** Hash routes: `#/entity/country:RUS?x=1` is view "entity", arg "country:RUS", params {x: "1"}. */

export interface Route {
  view: string;
  arg: string;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [pathPart = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view = 'search', ...rest] = pathPart.split('/');
  return { view: view || 'search', arg: decodeURIComponent(rest.join('/')), params: new URLSearchParams(query) };
}

/** The hash for a route with parameters (empty values dropped). */
export function hashFor(path: string, params: Record<string, string | undefined | null> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return `#/${path}${query.size > 0 ? `?${query}` : ''}`;
}

/** Navigates to a route; the same route again re-renders it. */
export function go(path: string, params: Record<string, string | undefined | null> = {}): void {
  const next = hashFor(path, params);
  if (location.hash === next) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = next;
}
