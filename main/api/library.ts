/** The team's shared things: canned responses, labels, colleagues and queues, SLA targets, crisis mode, the agent's settings. */
import { cannedByShortcut, deleteCanned, getCanned, insertCanned, listCanned, updateCanned } from '../../db/canned';
import { getSetting, setSetting } from '../../db/settings';
import { deleteLabel, ensureAssignee, ensureLabel, listAssignees, listLabels, updateLabel } from '../../db/workflow';
import type { Handlers, SlaTargets } from '../../preload/contract';
import type { CoreContext } from '../core';
import { crisisStatus, setManualCrisis } from '../services/crisis';
import { cannedExport, cannedImport } from '../services/export';
import { targetsWithDefaults } from '../services/sla';
import { SETTINGS_KEY, type Common } from './common';
import { Failure } from './failure';
import { SLA_KEY } from './views';

type LibraryHandlers = Pick<
  Handlers,
  | 'app.info'
  | 'canned.list'
  | 'canned.save'
  | 'canned.delete'
  | 'canned.export'
  | 'canned.import'
  | 'settings.get'
  | 'settings.save'
  | 'labels.list'
  | 'labels.save'
  | 'labels.delete'
  | 'assignees.list'
  | 'assignees.save'
  | 'sla.get'
  | 'sla.save'
  | 'crisis.status'
  | 'crisis.set'
>;

export function createLibraryHandlers(ctx: CoreContext, c: Common): LibraryHandlers {
  const { db, bus, clock } = ctx;
  const uniqueShortcut = <T>(shortcut: string, fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new Failure('conflict', `The shortcut ;${shortcut} is already used by another canned response.`);
      }
      throw err;
    }
  };
  const crisisNow = () => crisisStatus(db, clock.now());

  return {
    'app.info': () => ({ version: ctx.version, host: ctx.host, dbPath: ctx.dbPath, platform: process.platform }),

    'canned.list': () => listCanned(db, crisisNow().active),
    'canned.save': ({ id, title, shortcut, body, crisis }) => {
      const now = clock.now();
      return uniqueShortcut(shortcut, () => {
        if (id === undefined) return getCanned(db, insertCanned(db, { title, shortcut, body, crisis, now }))!;
        if (!updateCanned(db, { id, title, shortcut, body, crisis, now })) throw new Failure('not_found', `Canned response ${id} does not exist.`);
        return getCanned(db, id)!;
      });
    },
    'canned.delete': ({ id }) => {
      if (!deleteCanned(db, id)) throw new Failure('not_found', `Canned response ${id} does not exist.`);
      return null;
    },
    'canned.export': ({ format }) => cannedExport(listCanned(db), format),
    'canned.import': ({ format, content }) => {
      const { items, skipped } = cannedImport(content, format);
      let added = 0;
      let updated = 0;
      const now = clock.now();
      db.transaction(() => {
        for (const item of items) {
          // Same shortcut: the file's version wins (a shared library being updated). No shortcut: same title wins.
          const existing = item.shortcut
            ? cannedByShortcut(db, item.shortcut)
            : (listCanned(db).find((r) => r.title.toLowerCase() === item.title.toLowerCase()) ?? null);
          if (existing) {
            updateCanned(db, { id: existing.id, ...item, now });
            updated++;
          } else {
            insertCanned(db, { ...item, now });
            added++;
          }
        }
      })();
      return { added, updated, skipped };
    },

    'settings.get': () => c.settings(),
    'settings.save': (s) => {
      setSetting(db, SETTINGS_KEY, s);
      return c.settings();
    },

    'labels.list': () => listLabels(db),
    'labels.save': ({ id, name, color }) =>
      uniqueLabel(name, () => {
        if (id === undefined) return ensureLabel(db, name, color);
        if (!updateLabel(db, id, name, color)) throw new Failure('not_found', `Label ${id} does not exist.`);
        bus.emit('threads.changed', { threadIds: [], reason: 'workflow' });
        return { id, name, color };
      }),
    'labels.delete': ({ id }) => {
      if (!deleteLabel(db, id)) throw new Failure('not_found', `Label ${id} does not exist.`);
      bus.emit('threads.changed', { threadIds: [], reason: 'workflow' });
      return null;
    },

    'assignees.list': () => listAssignees(db),
    'assignees.save': ({ name, kind }) => ensureAssignee(db, name, kind),

    'sla.get': () => targetsWithDefaults(getSetting<SlaTargets>(db, SLA_KEY, {})),
    'sla.save': (targets) => {
      setSetting(db, SLA_KEY, targets);
      bus.emit('threads.changed', { threadIds: [], reason: 'workflow' });
      return targetsWithDefaults(targets);
    },

    'crisis.status': () => crisisNow(),
    'crisis.set': ({ on }) => {
      setManualCrisis(db, on);
      const status = crisisNow();
      bus.emit('crisis.changed', status);
      return status;
    },
  };

  function uniqueLabel<T>(name: string, fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new Failure('conflict', `A label called “${name}” exists already.`);
      throw err;
    }
  }
}
