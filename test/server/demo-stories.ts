/** Builds the demo corpus's stories in a test store, as `watchfloor stories rebuild` does with demo/sources.json. */
import path from 'node:path';
import { createContext } from '../../src/core/context.js';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { OutletDirectory } from '../../src/reliability/outlet-directory.js';
import { rebuildStories, type StoryUpdate } from '../../src/stories/update-stories.js';
import type { Store } from '../../src/store.js';
import { loadSources } from '../../src/watch/sources.js';

export const DEMO_SOURCES = path.resolve(import.meta.dirname, '../../demo/sources.json');

/** Stores the demo outlets' grades and flags, then clusters every stored article into stories and grades their events. */
export async function buildDemoStories(store: Store): Promise<StoryUpdate> {
  const directory = new OutletDirectory(
    loadSources({ ...DEFAULT_CONFIG, sources: DEMO_SOURCES }),
    createContext().data,
  );
  await store.putOutlets(directory.outlets);
  return rebuildStories(store, directory);
}
