// The data folder lock: one connector per PGlite folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockDataDir } from '../dataDirLock';

const parents: string[] = [];

function tempDataDir(): string {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'store-lock-'));
  parents.push(parent);
  return path.join(parent, 'data');
}

afterAll(() => {
  for (const parent of parents) fs.rmSync(parent, { recursive: true, force: true });
});

/** A pid that surely belongs to no running process: one that just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('data folder lock', () => {
  it('refuses a second open of the same folder while the first holds it, and allows it after release', () => {
    const dataDir = tempDataDir();
    const release = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(expect.objectContaining({ code: 'DATA_DIR_LOCKED' }));
    release();
    const again = lockDataDir(dataDir);
    again();
  });

  it('refuses a folder held by another live process', () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(`${dataDir}.lock`, `${process.ppid}\n`);
    expect(() => lockDataDir(dataDir)).toThrow(/held by pid/);
  });

  it('takes over a lock left by a process that is gone', () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(`${dataDir}.lock`, `${deadPid()}\n`);
    const release = lockDataDir(dataDir);
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
