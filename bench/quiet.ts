// Is the machine quiet enough to compare figures? During each target the bench reads /proc/stat
// (all CPU time) and /proc/<pid>/stat of its own processes: itself (and the load generator in it),
// everything it started, and the PostgreSQL backends connected to its database. What the rest
// used, in cores, during the target, and the one-minute load average before the run's first target
// decide whether the target's figures are comparable with the others of the run. (The load average
// before each target would only count the bench's own previous target: it needs about a minute to
// decay.) Linux only; elsewhere nothing is marked.
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { round } from "./load";

/** More than this share of one core used by other processes makes a target's figures not comparable. */
export const OTHER_CORE_LIMIT = 0.1;
/** A one-minute load average above this before the run's first target makes its figures not comparable. */
export const LOAD_LIMIT = 0.5;
const HZ = 100; // USER_HZ on Linux

export type Quiet = { otherCores: number; loadBefore: number; comparable: boolean; reason?: string };

function read(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** Busy jiffies of the whole machine (all but idle and iowait). */
function machineBusy(): number | undefined {
  const line = read("/proc/stat")?.split("\n")[0];
  if (!line?.startsWith("cpu ")) return undefined;
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return user! + nice! + system! + irq! + softirq! + (steal ?? 0);
}

type Proc = { pid: number; ppid: number; jiffies: number; childJiffies: number };

function processes(): Proc[] {
  const list: Proc[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    // The command sits in parentheses and may hold spaces: the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    list.push({
      pid: Number(name),
      ppid: Number(fields[1]),
      jiffies: Number(fields[11]) + Number(fields[12]),
      childJiffies: Number(fields[13]) + Number(fields[14]),
    });
  }
  return list;
}

/** CPU jiffies per own process: descendants of the bench and the backends of its database. */
function ownJiffies(dbName: string): Map<number, number> {
  const all = processes();
  const own = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (!own.has(p.pid) && own.has(p.ppid)) {
        own.add(p.pid);
        grew = true;
      }
  }
  const result = new Map<number, number>();
  for (const p of all) {
    const ours = own.has(p.pid) || (read(`/proc/${p.pid}/cmdline`)?.includes(dbName) ?? false);
    // A process's waited-for children (a build, a finished worker) count in its own figure.
    if (ours) result.set(p.pid, p.jiffies + p.childJiffies);
  }
  return result;
}

/** Waits (at most `maxSeconds`) until the one-minute load average is at most LOAD_LIMIT; returns it. */
export async function settle(maxSeconds = 240): Promise<number> {
  const until = Date.now() + maxSeconds * 1000;
  while (os.loadavg()[0]! > LOAD_LIMIT && Date.now() < until) await new Promise((r) => setTimeout(r, 2000));
  return os.loadavg()[0]!;
}

/** Starts watching; the returned function tells what the rest of the machine did meanwhile. */
export function watchQuiet(dbName: string, runLoadBefore: number): () => Quiet {
  const loadBefore = round(runLoadBefore, 2);
  const busy0 = machineBusy();
  if (busy0 === undefined) return () => ({ otherCores: NaN, loadBefore, comparable: true, reason: "no /proc/stat: not checked" });
  const own0 = ownJiffies(dbName);
  const t0 = performance.now();
  return () => {
    const busy = machineBusy()! - busy0;
    const own1 = ownJiffies(dbName);
    let own = 0;
    for (const [pid, jiffies] of own1) own += jiffies - (own0.get(pid) ?? 0);
    const seconds = (performance.now() - t0) / 1000;
    const otherCores = round(Math.max(0, busy - own) / HZ / seconds, 2);
    const reasons = [];
    if (loadBefore > LOAD_LIMIT) reasons.push(`load average ${loadBefore} before the run`);
    if (otherCores > OTHER_CORE_LIMIT) reasons.push(`other processes used ${otherCores} of a core`);
    return { otherCores, loadBefore, comparable: reasons.length === 0, reason: reasons.join("; ") || undefined };
  };
}
