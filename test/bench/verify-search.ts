/**
 * `node --import tsx test/bench/verify-search.ts DB`: checks on a benchmark database that
 * searchMessages returns exactly the page a plain ORDER BY created_at DESC, id DESC would, and
 * the total the capped count promises, for every query shape and filter of the benchmark.
 */
import { openDatabase } from '../../db/open';
import { searchMessages, toFtsQuery, TOTAL_CAP } from '../../db/search';
import { QUERY_WORDS } from './dataset';
import { SEARCH_FILTERS } from './queries';

const db = openDatabase(process.argv[2]!, { readonly: true });
let bad = 0;
const queries = [...Object.values(QUERY_WORDS), 'still', 'order late', 'the', '"my order"', 'coffee*', 'no-such-word'];
for (const q of queries) {
  for (const [fname, f] of Object.entries(SEARCH_FILTERS)) {
    const where: string[] = ['messages_fts MATCH @q'];
    const p: Record<string, unknown> = { q: toFtsQuery(q) };
    if (f.statuses) {
      where.push(`t.status IN (SELECT value FROM json_each(@s))`);
      p['s'] = JSON.stringify(f.statuses);
    }
    if (f.networks) {
      where.push(`i.network IN (SELECT value FROM json_each(@n))`);
      p['n'] = JSON.stringify(f.networks);
    }
    if (f.from !== undefined) {
      where.push(`m.created_at >= @from`);
      p['from'] = f.from;
    }
    if (f.to !== undefined) {
      where.push(`m.created_at < @to`);
      p['to'] = f.to;
    }
    const base = `FROM messages_fts f JOIN messages m ON m.id = f.rowid JOIN threads t ON t.id = m.thread_id JOIN identities i ON i.id = t.identity_id WHERE ${where.join(' AND ')}`;
    const want = (db.prepare(`SELECT m.id ${base} ORDER BY m.created_at DESC, m.id DESC LIMIT 50`).pluck().all(p) as number[]);
    const n = (db.prepare(`SELECT count(*) ${base}`).pluck().get(p) as number);
    const got = searchMessages(db, q, 50, f);
    const ok = JSON.stringify(got.items.map((r) => r.messageId)) === JSON.stringify(want) && got.total === Math.min(n, TOTAL_CAP);
    if (!ok) bad++;
    console.log(`${ok ? 'ok ' : 'BAD'} ${q} [${fname}] ${got.items.length}/${want.length} total ${got.total} (exact ${n})`);
  }
}
db.close();
process.exit(bad ? 1 : 0);
