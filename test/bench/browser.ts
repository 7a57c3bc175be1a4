/**
 * Measurements 5–7 in Debian's Chromium against the headless host (dist/main/host.cjs), the
 * way the e2e tests launch them.
 *  5. Cold start: from spawning the host on the benchmark database to the first painted inbox row
 *     in a page of an already-running browser (wall clock of this process vs the page's clock:
 *     the moment is taken in the requestAnimationFrame after the first row appeared).
 *  6. Keyboard: `j` 200 times; for each, keydown event timeStamp → aria-selected="true" moves to
 *     the next row → performance.now() in the next requestAnimationFrame.
 *  7. Memory: after showing 100 threads (j, wait for the thread pane to show it), the host's
 *     VmRSS and the page's JS heap (CDP Performance.getMetrics JSHeapUsedSize, after a GC).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarise, type Summary } from './stats';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

export interface BrowserFigures {
  coldStartMs: Summary;
  coldStartRuns: number[];
  /** Host: spawn → "running" line printed (database open, core started, server listening). */
  hostReadyMs: Summary;
  keyToPaintMs: Summary;
  keyMisses: number;
  /** Renderer main thread during the presses: ms per press by kind of work, and tasks over a frame. */
  keyProfile: { perPressMs: Record<string, number>; longTasks: number; taskMs: Summary };
  memory: { hostRssMb: number; rendererHeapMb: number; rendererHeapBeforeGcMb: number; threadsShown: number };
  hostSlowQueries: string[];
}

interface HostProc {
  proc: ChildProcess;
  url: string;
  output: () => string;
  readyAt: number;
}

/**
 * The host runs from a private copy of dist/ taken at the start of the browser measurements, so
 * that a build started meanwhile (which empties dist/) cannot pull it from under a run. The copy
 * sits beside the results (its node_modules are the project's) and is removed at the end.
 */
export function snapshotDist(): string {
  const complete = (d: string) => ['main/host.cjs', 'main/read-worker.cjs', 'preload/web.js', 'renderer/index.html'].every((f) => existsSync(join(d, f)));
  for (let attempt = 0; attempt < 3; attempt++) {
    // Someone else's build empties dist/ while it runs: build it here if it is not whole.
    if (!complete(join(root, 'dist'))) execFileSync(process.execPath, [join(root, 'build/build.mjs')], { cwd: root, stdio: 'inherit' });
    const dir = mkdtempSync(join(root, 'test', 'bench', 'results', 'dist-'));
    try {
      cpSync(join(root, 'dist'), dir, { recursive: true });
    } catch {
      // dist/ changed under the copy: try again.
    }
    if (complete(dir)) return dir;
    rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('Could not take a whole copy of dist/ (a build kept replacing it).');
}

function startHost(dist: string, dbPath: string): Promise<HostProc> {
  const proc = spawn(process.execPath, [join(dist, 'main/host.cjs'), '--db', dbPath, '--port', '0', '--no-demo'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 60 s:\n${out}`)), 60_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        proc.stdout!.off('data', check);
        resolve({ proc, url: m[1]!, output: () => out, readyAt: Date.now() });
      }
    };
    proc.stdout!.on('data', check);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${out}`));
    });
  });
}

async function stopHost(h: HostProc): Promise<void> {
  if (h.proc.exitCode !== null) return;
  h.proc.removeAllListeners('exit');
  const exited = new Promise((r) => h.proc.once('exit', r));
  h.proc.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (h.proc.exitCode === null) h.proc.kill('SIGKILL');
}

/*
 * The in-page probes are plain script text: functions written here would be serialised with the
 * helpers tsx adds to them (`__name`), which do not exist in the page.
 */

/** Installed before the app's scripts: the wall-clock time of the frame after the first row appeared. */
const FIRST_ROW_PROBE = `(() => {
  const seen = () => {
    if (window.__firstRowAt !== undefined) return;
    if (document.querySelector('[data-testid="thread-row"]')) {
      window.__firstRowAt = -1;
      obs.disconnect();
      requestAnimationFrame(() => { window.__firstRowAt = performance.timeOrigin + performance.now(); });
    }
  };
  const obs = new MutationObserver(seen);
  const start = () => obs.observe(document, { childList: true, subtree: true });
  start();
})();`;

/** In the page: keydown timeStamp of each \`j\`, and the rAF after aria-selected moved to another row. */
const KEY_PROBE = `(() => {
  window.__keyLat = [];
  let pending = null;
  window.addEventListener('keydown', (e) => { if (e.key === 'j') pending = e.timeStamp; }, { capture: true });
  const inbox = document.querySelector('[data-testid="inbox"]');
  let selected = inbox.querySelector('[aria-selected="true"]')?.getAttribute('data-thread-id') ?? null;
  new MutationObserver(() => {
    if (pending === null) return;
    const now = inbox.querySelector('[aria-selected="true"]')?.getAttribute('data-thread-id') ?? null;
    if (now === null || now === selected) return;
    selected = now;
    const t0 = pending;
    pending = null;
    requestAnimationFrame(() => window.__keyLat.push(performance.now() - t0));
  }).observe(inbox, { attributes: true, attributeFilter: ['aria-selected'], subtree: true, childList: true });
})();`;

/** Sums the renderer main thread's timeline events by kind (scripting, style and layout, paint). */
function timelineProfile(json: string, presses: number): BrowserFigures['keyProfile'] {
  const events = (JSON.parse(json) as { traceEvents: Array<{ name: string; ph: string; dur?: number; pid: number; tid: number; args?: { name?: string } }> }).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const kinds: Record<string, string[]> = {
    'script: events': ['EventDispatch'],
    'script: callbacks': ['FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'XHRReadyStateChange'],
    'style+layout': ['UpdateLayoutTree', 'Layout'],
    paint: ['PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'CompositeLayers'],
    gc: ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase'],
  };
  const perPressMs: Record<string, number> = {};
  const tasks: number[] = [];
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.dur === undefined) continue;
    if (e.name === 'RunTask') tasks.push(e.dur / 1000);
    for (const [kind, names] of Object.entries(kinds)) if (names.includes(e.name)) perPressMs[kind] = (perPressMs[kind] ?? 0) + e.dur / 1000;
  }
  for (const k of Object.keys(perPressMs)) perPressMs[k] = Math.round((perPressMs[k]! / presses) * 100) / 100;
  return { perPressMs, longTasks: tasks.filter((t) => t > 16).length, taskMs: summarise(tasks) };
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export async function measureBrowser(
  dist: string,
  dbPath: string,
  opts: { coldRuns: number; keys: number; threads: number },
  log: (s: string) => void,
): Promise<BrowserFigures> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // bypassCSP: the probes are evaluated as script text, which the app's CSP (rightly) refuses.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await context.addInitScript({ content: FIRST_ROW_PROBE });
  const cold: number[] = [];
  const ready: number[] = [];
  let host: HostProc | null = null;
  let page: Page | null = null;
  try {
    // A first page so the browser (and its renderer process pool) is already running.
    const warm = await context.newPage();
    await warm.goto('about:blank');
    for (let run = 0; run < opts.coldRuns; run++) {
      // The page first: its open connections (event stream, keep-alive) would hold the host's close.
      if (page) await page.close();
      if (host) await stopHost(host);
      page = await context.newPage();
      await page.goto('about:blank');
      const t0 = Date.now();
      host = await startHost(dist, dbPath);
      ready.push(host.readyAt - t0);
      await page.goto(host.url);
      await page.waitForFunction('(window.__firstRowAt ?? 0) > 0', null, { timeout: 60_000, polling: 20 });
      const at = (await page.evaluate('window.__firstRowAt')) as number;
      cold.push(at - t0);
      log(`  cold start ${run + 1}: ${(at - t0).toFixed(0)} ms (host ready after ${ready.at(-1)} ms)`);
    }
    page = page!;
    host = host!;

    // 6. j × N
    await page.locator('[data-testid="inbox"]').focus();
    await page.evaluate(KEY_PROBE);
    // A timeline of the renderer's main thread while keys are pressed: where each frame's time goes.
    await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
    let misses = 0;
    let measured = 0;
    for (let i = 0; i < opts.keys; i++) {
      await page.keyboard.press('j');
      try {
        const seen = await page.waitForFunction(`window.__keyLat.length > ${measured} && window.__keyLat.length`, null, { timeout: 2000, polling: 'raf' });
        measured = (await seen.jsonValue()) as number;
      } catch {
        misses++;
        measured = (await page.evaluate('window.__keyLat.length')) as number;
        if (process.env['BENCH_DEBUG']) {
          log(`    press ${i}: no selection change; selected ${await page.evaluate(`document.querySelector('[data-testid="inbox"] [aria-selected="true"]')?.getAttribute('data-thread-id') + ' active ' + document.activeElement?.getAttribute('data-testid') + ' rows ' + document.querySelectorAll('[data-testid="thread-row"]').length`)}`);
        }
      }
    }
    const lat = (await page.evaluate('window.__keyLat')) as number[];
    const keyProfile = timelineProfile((await browser.stopTracing()).toString('utf8'), opts.keys);
    log(`  keyboard: ${lat.length} presses measured, ${misses} without a selection change`);
    log(`  keyboard profile per press (renderer main thread): ${JSON.stringify(keyProfile.perPressMs)}; tasks > 16 ms: ${keyProfile.longTasks}`);

    // 7. Show threads one by one, then measure memory.
    let shown = 0;
    for (let i = 0; i < opts.threads; i++) {
      await page.keyboard.press('j');
      const id = await page.locator('[data-testid="thread-row"][aria-selected="true"]').getAttribute('data-thread-id').catch(() => null);
      if (!id) continue;
      await page
        .locator(`[data-testid="thread"][data-thread-id="${id}"] [data-testid="message"]`)
        .first()
        .waitFor({ timeout: 10_000 })
        .then(() => shown++)
        .catch(() => {});
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
      return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024;
    };
    const before = await heap();
    await cdp.send('HeapProfiler.collectGarbage');
    const after = await heap();
    const memory = { hostRssMb: rssMb(host.proc.pid!), rendererHeapMb: after, rendererHeapBeforeGcMb: before, threadsShown: shown };
    log(`  memory: host RSS ${memory.hostRssMb.toFixed(0)} MB, renderer heap ${after.toFixed(1)} MB (${before.toFixed(1)} before GC) after ${shown} threads`);
    const slow = host.output().split('\n').filter((l) => l.includes('[slow-query]'));
    return {
      coldStartMs: summarise(cold),
      coldStartRuns: cold,
      hostReadyMs: summarise(ready),
      keyToPaintMs: summarise(lat),
      keyProfile,
      keyMisses: misses,
      memory,
      hostSlowQueries: slow,
    };
  } finally {
    await browser.close();
    if (host) await stopHost(host);
    rmSync(dist, { recursive: true, force: true });
  }
}
