/** The hover/focus card for highlights: each highlighted element gets its lines, shown next to it on pointer or keyboard focus. */
import { h, replace } from './dom.js';

const lines = new WeakMap<Element, Array<[string, string]>>();
let isWired = false;

/** Gives an element a card of label/value lines, shown on hover and on focus. */
export function attachTip(el: Element, rows: Array<[string, string | null | undefined]>): void {
  lines.set(el, rows.filter((r): r is [string, string] => typeof r[1] === 'string' && r[1] !== ''));
  el.setAttribute('aria-describedby', 'tip');
  if (!isWired) wire();
}

function show(el: Element): void {
  const tip = document.getElementById('tip');
  const rows = lines.get(el);
  if (!tip || !rows) return;
  replace(tip, h('dl', {}, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
  tip.hidden = false;
  const box = el.getBoundingClientRect();
  const width = Math.min(420, window.innerWidth - 16);
  tip.style.maxWidth = `${width}px`;
  tip.style.left = `${Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + window.innerWidth - width - 8))}px`;
  tip.style.top = `${box.bottom + window.scrollY + 6}px`;
}

function hide(): void {
  const tip = document.getElementById('tip');
  if (tip) tip.hidden = true;
}

function owner(target: EventTarget | null): Element | null {
  let el = target instanceof Element ? target : null;
  while (el && !lines.has(el)) el = el.parentElement;
  return el;
}

function wire(): void {
  isWired = true;
  document.addEventListener('mouseover', (event) => {
    const el = owner(event.target);
    if (el) show(el);
    else hide();
  });
  document.addEventListener('focusin', (event) => {
    const el = owner(event.target);
    if (el) show(el);
    else hide();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  window.addEventListener('hashchange', hide);
}
