// better-sqlite3 and keytar are compiled for one runtime at a time: Node (tests, the headless
// host) or Electron (npm start). This makes sure they are built for the one about to run, and
// rebuilds only when they are not. Packaged apps are rebuilt by electron-builder itself.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const stamp = join(root, 'node_modules', '.care-native-target');
const MODULES = ['better-sqlite3', 'keytar'];
const target = process.argv[2];

function loadsInNode() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    require('keytar');
    return true;
  } catch (err) {
    if (/NODE_MODULE_VERSION|compiled against a different Node\.js version|invalid ELF header/.test(String(err?.message))) return false;
    throw err;
  }
}

if (target === 'node') {
  if (!loadsInNode()) {
    console.log(`Rebuilding ${MODULES.join(', ')} for Node ${process.version} ...`);
    execSync(`npm rebuild ${MODULES.join(' ')}`, { cwd: root, stdio: 'inherit' });
    rmSync(stamp, { force: true });
  }
} else if (target === 'electron') {
  const version = require('electron/package.json').version;
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== version) {
    console.log(`Rebuilding ${MODULES.join(', ')} for Electron ${version} ...`);
    execSync(`npx electron-rebuild --force --version ${version} --only ${MODULES.join(',')}`, { cwd: root, stdio: 'inherit' });
    writeFileSync(stamp, version);
  }
} else {
  console.error('usage: node build/native.mjs node|electron');
  process.exit(2);
}
