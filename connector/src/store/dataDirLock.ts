// PGlite happily opens a folder that another PGlite already has open, and two writers corrupt it. A lock file beside
// the folder (`<dataDir>.lock`, holding the pid) makes the second connector fail fast instead.
import fs from 'node:fs';
import path from 'node:path';
import { StoreError } from './errors';

const heldByThisProcess = new Set<string>();

/** Takes the folder's lock or throws DATA_DIR_LOCKED; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const file = `${path.resolve(dataDir)}.lock`;
  if (heldByThisProcess.has(file)) throw new StoreError('DATA_DIR_LOCKED', `${file} is held by this process.`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      heldByThisProcess.add(file);
      return () => {
        heldByThisProcess.delete(file);
        fs.rmSync(file, { force: true });
      };
    } catch (error) {
      if (!isErrnoException(error) || error.code !== 'EEXIST') throw error;
      const holder = readHolder(file);
      // Our own pid here means an earlier incarnation of this process id (a container's pid 1 after a crash).
      if (holder !== null && holder !== process.pid && isAlive(holder)) {
        throw new StoreError('DATA_DIR_LOCKED', `${file} is held by pid ${holder}.`);
      }
      fs.rmSync(file, { force: true }); // stale: the process that wrote it is gone
    }
  }
  throw new StoreError('DATA_DIR_LOCKED', `${file} could not be taken.`);
}

function readHolder(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrnoException(error) && error.code === 'EPERM';
  }
}

// Structural, not instanceof: errors from Node's core come from another realm under jest.
function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && 'code' in error;
}
