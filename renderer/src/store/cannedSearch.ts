/** Fuzzy search over canned responses (title, shortcut, body), memoised per list and query. */
import Fuse from 'fuse.js';
import type { CannedResponse } from '../../../preload/contract';

let lastList: readonly CannedResponse[] | null = null;
let fuse: Fuse<CannedResponse> | null = null;
let lastQuery = '';
let lastResult: CannedResponse[] = [];

export function searchCanned(list: readonly CannedResponse[], query: string): CannedResponse[] {
  const q = query.trim().replace(/^;/, '');
  if (list === lastList && q === lastQuery) return lastResult;
  if (list !== lastList || !fuse) {
    fuse = new Fuse(list as CannedResponse[], {
      keys: [
        { name: 'shortcut', weight: 3 },
        { name: 'title', weight: 2 },
        { name: 'body', weight: 1 },
      ],
      threshold: 0.4,
      ignoreLocation: true,
    });
  }
  lastList = list;
  lastQuery = q;
  // No query: the server's order, which is the most used first (the ones the agent reaches
  // for all day) and, while crisis mode is on, the crisis set before everything.
  lastResult = q === '' ? [...list] : fuse.search(q).map((r) => r.item);
  return lastResult;
}
