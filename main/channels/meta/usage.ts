/**
 * Meta's usage headers. Graph answers carry, once an app has made enough calls, how much of
 * each rate limit is used: X-App-Usage (platform limit, percentages), X-Business-Use-Case-Usage
 * (per business object: percentages and `estimated_time_to_regain_access` in minutes, the limit
 * Page tokens and Instagram fall under), X-Ad-Account-Usage, and X-Page-Usage on older setups.
 * Broken headers never fail a request: usage is advice, the error codes are the rule.
 */
import { z } from 'zod';

const pct = z.number().catch(0);
const percentages = z.object({ call_count: pct, total_cputime: pct, total_time: pct });
const businessEntry = percentages.extend({
  type: z.string().catch('unknown'),
  estimated_time_to_regain_access: z.number().catch(0).default(0),
});
const businessHeader = z.record(z.string(), z.array(z.unknown()));
const adAccountHeader = z.object({ acc_id_util_pct: pct, reset_time_duration: z.number().catch(0).default(0) });

export interface Percentages {
  callCount: number;
  totalCpuTime: number;
  totalTime: number;
}

export interface MetaUsage {
  app: Percentages | null;
  page: Percentages | null;
  business: Array<Percentages & { id: string; type: string; regainAccessMinutes: number }>;
  adAccount: { utilisation: number; resetSeconds: number } | null;
  /** The highest percentage of any limit: what the UI shows as "how close are we". */
  maxPercent: number;
  /** When Meta says a throttled business object is usable again; null when nothing is throttled. */
  regainAt: number | null;
}

export function readUsage(headers: Headers, now: number): MetaUsage | null {
  const app = parsePercentages(headers.get('x-app-usage'));
  const page = parsePercentages(headers.get('x-page-usage'));
  const business = parseBusiness(headers.get('x-business-use-case-usage'));
  const adAccount = parseJson(headers.get('x-ad-account-usage'), adAccountHeader);
  if (!app && !page && business.length === 0 && !adAccount) return null;
  const all = [app, page, ...business].filter((p): p is Percentages => p !== null);
  const maxPercent = Math.max(0, adAccount?.acc_id_util_pct ?? 0, ...all.flatMap((p) => [p.callCount, p.totalCpuTime, p.totalTime]));
  const regainMinutes = Math.max(0, ...business.map((b) => b.regainAccessMinutes));
  return {
    app,
    page,
    business,
    adAccount: adAccount ? { utilisation: adAccount.acc_id_util_pct, resetSeconds: adAccount.reset_time_duration } : null,
    maxPercent,
    regainAt: regainMinutes > 0 ? now + regainMinutes * 60_000 : null,
  };
}

function parsePercentages(raw: string | null): Percentages | null {
  const p = parseJson(raw, percentages);
  return p ? { callCount: p.call_count, totalCpuTime: p.total_cputime, totalTime: p.total_time } : null;
}

function parseBusiness(raw: string | null): MetaUsage['business'] {
  const byId = parseJson(raw, businessHeader);
  if (!byId) return [];
  const out: MetaUsage['business'] = [];
  for (const [id, entries] of Object.entries(byId)) {
    for (const entry of entries) {
      const e = businessEntry.safeParse(entry);
      if (!e.success) continue;
      out.push({
        id,
        type: e.data.type,
        callCount: e.data.call_count,
        totalCpuTime: e.data.total_cputime,
        totalTime: e.data.total_time,
        regainAccessMinutes: Math.max(0, e.data.estimated_time_to_regain_access),
      });
    }
  }
  return out;
}

function parseJson<T>(raw: string | null, schema: z.ZodType<T>): T | null {
  if (!raw) return null;
  try {
    const r = schema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}
