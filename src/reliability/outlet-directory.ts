/**
 * Who published a page and how far to trust them: configured sources first, then the defaults in
 * data/outlets.json; anything unknown is graded F (reliability cannot be judged).
 */
import type { DataFiles } from '../core/context.js';
import type { OutletRecord } from '../store.js';
import type { ReliabilityGrade, SourceConfig } from '../watch/sources.js';

interface OutletDefault {
  name: string;
  hosts: string[];
  aliases?: string[];
  kind: string;
  stateAffiliated: boolean;
  wireAgency: boolean;
  officialBody: boolean;
  reliability: ReliabilityGrade;
}

/** What a page says about itself, enough to find its outlet. */
export interface PageIdentity {
  publisher: string | null;
  url: string | null;
  /** Where the capture came from (a file path or URL). */
  origin: string | null;
}

export class OutletDirectory {
  readonly outlets: OutletRecord[];
  readonly #byHost = new Map<string, OutletRecord>();
  readonly #byName = new Map<string, OutletRecord>();
  readonly #bySlug = new Map<string, OutletRecord>();

  constructor(sources: readonly SourceConfig[], data: DataFiles) {
    const defaults = data.load<{ outlets: OutletDefault[] }>('outlets').outlets;
    const records = new Map<string, OutletRecord>();
    for (const d of defaults) {
      const record: OutletRecord = {
        name: d.name,
        host: d.hosts[0] ?? null,
        reliability: d.reliability,
        kind: d.kind,
        isStateAffiliated: d.stateAffiliated,
        isWireAgency: d.wireAgency,
        isOfficialBody: d.officialBody,
        gradeOrigin: 'default',
      };
      records.set(d.name.toLowerCase(), record);
      for (const host of d.hosts) this.#byHost.set(host, record);
      for (const alias of d.aliases ?? []) this.#byName.set(alias.toLowerCase(), record);
    }
    for (const s of sources) {
      const known = records.get(s.name.toLowerCase()) ?? (s.host ? this.#byHost.get(bareHost(s.host)) : undefined);
      const record: OutletRecord = {
        name: known?.name ?? s.name,
        host: s.host ? bareHost(s.host) : (known?.host ?? null),
        reliability: s.reliability ?? known?.reliability ?? 'F',
        kind: s.kind ?? known?.kind ?? null,
        isStateAffiliated: s.isStateAffiliated ?? known?.isStateAffiliated ?? false,
        isWireAgency: s.isWireAgency ?? known?.isWireAgency ?? false,
        isOfficialBody: s.isOfficialBody ?? known?.isOfficialBody ?? false,
        gradeOrigin: s.reliability ? 'config' : (known?.gradeOrigin ?? 'unknown'),
      };
      records.set(record.name.toLowerCase(), record);
      if (record.host) this.#byHost.set(record.host, record);
      if (s.slug) this.#bySlug.set(s.slug, record);
      for (const alias of [s.name, ...s.aliases]) this.#byName.set(alias.toLowerCase(), record);
    }
    this.outlets = [...records.values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const record of this.outlets) this.#byName.set(record.name.toLowerCase(), record);
  }

  /** The outlet of a name or alias (credited source, publisher), if known. */
  byName(name: string | null): OutletRecord | null {
    return name ? (this.#byName.get(name.trim().toLowerCase()) ?? null) : null;
  }

  /** The outlet of a host, trying parent domains (`news.bbc.co.uk` → `bbc.co.uk`). */
  byHost(host: string | null): OutletRecord | null {
    if (!host) return null;
    let h = bareHost(host);
    for (;;) {
      const found = this.#byHost.get(h);
      if (found) return found;
      const dot = h.indexOf('.');
      if (dot < 0 || h.indexOf('.', dot + 1) < 0) return null;
      h = h.slice(dot + 1);
    }
  }

  /**
   * The outlet that published a page: its URL's host, then its publisher name, then a corpus folder
   * named after a configured slug; an unknown outlet gets the publisher (or host) as name and grade F.
   */
  identify(page: PageIdentity): OutletRecord {
    const host = hostOf(page.url) ?? hostOf(page.origin);
    const found = this.byHost(host) ?? this.byName(page.publisher) ?? this.#bySlugIn(page.origin);
    if (found) return found;
    return unknownOutlet(page.publisher ?? (host ? bareHost(host) : 'unknown'), host ? bareHost(host) : null);
  }

  #bySlugIn(origin: string | null): OutletRecord | null {
    if (!origin) return null;
    for (const part of origin.split(/[\\/]/).reverse()) {
      const found = this.#bySlug.get(part);
      if (found) return found;
    }
    return null;
  }
}

function bareHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

function hostOf(url: string | null): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** An outlet nobody has graded: reliability F ("cannot be judged"), no flags. */
export function unknownOutlet(name: string, host: string | null = null): OutletRecord {
  return {
    name,
    host,
    reliability: 'F',
    kind: null,
    isStateAffiliated: false,
    isWireAgency: false,
    isOfficialBody: false,
    gradeOrigin: 'unknown',
  };
}
