// Where the machine's CPU went during a window, in cores: each of the benchmark's processes, everything else (the
// machine is shared: a round measured while someone else's test run took a core says nothing about the code), and
// interrupt time (loopback networking is mostly that). Linux /proc only.
import { readFileSync } from 'node:fs';

interface MachineTicks {
  /** user + nice + system */
  tasks: number;
  /** irq + softirq */
  interrupts: number;
  steal: number;
}

function machineTicks(): MachineTicks {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const at = (i: number) => f[i] ?? 0;
  return { tasks: at(0) + at(1) + at(2), interrupts: at(5) + at(6), steal: at(7) };
}

/** utime + stime of one process, every thread included. */
function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // gone
  }
}

/** USER_HZ: what /proc counts in on Linux. */
const TICKS_PER_SECOND = 100;

export interface CpuWindow {
  /** Cores each named process used. */
  processes: Record<string, number>;
  /** Cores other processes used: a round above ~0.1 was disturbed. */
  foreign: number;
  interrupts: number;
  steal: number;
}

interface Reading {
  at: number;
  machine: MachineTicks;
  processes: Record<string, number>;
}

export class CpuShares {
  private last: Reading;

  constructor(private readonly pids: () => Record<string, number>) {
    this.last = this.read();
  }

  private read(): Reading {
    const processes = Object.fromEntries(Object.entries(this.pids()).map(([name, pid]) => [name, processTicks(pid)]));
    return { at: Date.now(), machine: machineTicks(), processes };
  }

  /** Cores used since the last call; a new window begins. */
  window(): CpuWindow {
    const now = this.read();
    const perTick = 1 / TICKS_PER_SECOND / Math.max(0.001, (now.at - this.last.at) / 1000);
    const processes: Record<string, number> = {};
    let ours = 0;
    for (const [name, ticks] of Object.entries(now.processes)) {
      const used = ticks - (this.last.processes[name] ?? ticks);
      ours += used;
      processes[name] = used * perTick;
    }
    const result: CpuWindow = {
      processes,
      // Softirq work done on a process's behalf can be charged to it as well: never below zero.
      foreign: Math.max(0, (now.machine.tasks - this.last.machine.tasks - ours) * perTick),
      interrupts: (now.machine.interrupts - this.last.machine.interrupts) * perTick,
      steal: (now.machine.steal - this.last.machine.steal) * perTick
    };
    this.last = now;
    return result;
  }
}
