/** The ordered list of migrations: entry n takes the database from user_version n to n+1. */
import { sql as core } from './001_core';
import { sql as search } from './002_search';
import { sql as replies } from './003_replies';
import { sql as workflow } from './004_workflow';
import { sql as speed } from './005_speed';

export const MIGRATIONS: readonly string[] = [core, search, replies, workflow, speed];
export const LATEST_VERSION = MIGRATIONS.length;
