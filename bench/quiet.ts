// Is the machine quiet enough to compare figures? During each target the bench reads
// /proc/<pid>/stat of every process and sums the CPU time of those that are not its own. Its own
// are itself (and the load generator in it), everything it started, and the PostgreSQL backends
// connected to its database. Kernel threads (ksoftirqd, kworkers) are left out: on a loopback
// bench they mostly carry the bench's own packets and writes. What the others used, in cores,
// during the target, and the one-minute load average before the run's first target decide whether
// the target's figures are comparable with the others of the run. (The load average before each
// target would only count the bench's own previous target: it needs about a minute to decay.)
// The rest is counted process by process, not as the machine's total less the bench's: the
// machine's total is sampled by ticks and a process's figure is scaled to its exact run time, and
// with two busy cores the two differ by more than the limit. Linux only; elsewhere nothing is marked.
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { round } from "./load";

/** More than this share of one core used by other processes makes a target's figures not comparable. */
export const OTHER_CORE_LIMIT = 0.1;
/** A one-minute load average above this before the run's first target makes its figures not comparable. */
export const LOAD_LIMIT = 0.5;
const HZ = 100; // USER_HZ on Linux

export type Quiet = {
  otherCores: number;
  /** The other processes that used the most, by command name, in cores. */
  busiest?: Record<string, number>;
  /** Time the hypervisor gave to other machines, in cores (reported, not judged: no process of ours can see it). */
  stealCores?: number;
  loadBefore: number;
  comparable: boolean;
  reason?: string;
};

function read(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

type Proc = { pid: number; ppid: number; name: string; jiffies: number; childJiffies: number; kernel: boolean };

function processes(): Proc[] {
  const list: Proc[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    // The command sits in parentheses and may hold spaces: the fields after it are fixed.
    const close = stat.lastIndexOf(")");
    const fields = stat.slice(close + 2).split(" ");
    const pid = Number(entry);
    const ppid = Number(fields[1]);
    list.push({
      pid,
      ppid,
      name: stat.slice(stat.indexOf("(") + 1, close),
      jiffies: Number(fields[11]) + Number(fields[12]),
      childJiffies: Number(fields[13]) + Number(fields[14]),
      kernel: pid === 2 || ppid === 2,
    });
  }
  return list;
}

type Snapshot = { own: Map<number, number>; others: Map<number, { name: string; jiffies: number }> };

/** CPU jiffies of every process, split into the bench's own and the others (kernel threads left out). */
function snapshot(dbName: string): Snapshot {
  const all = processes();
  const ownPids = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all)
      if (!ownPids.has(p.pid) && ownPids.has(p.ppid)) {
        ownPids.add(p.pid);
        grew = true;
      }
  }
  const own = new Map<number, number>();
  const others = new Map<number, { name: string; jiffies: number }>();
  for (const p of all) {
    if (p.kernel) continue;
    const ours = ownPids.has(p.pid) || (read(`/proc/${p.pid}/cmdline`)?.includes(dbName) ?? false);
    // A process's waited-for children (a build, a finished worker) count in its own figure.
    if (ours) own.set(p.pid, p.jiffies + p.childJiffies);
    else others.set(p.pid, { name: p.name, jiffies: p.jiffies + p.childJiffies });
  }
  return { own, others };
}

function steal(): number | undefined {
  const line = read("/proc/stat")?.split("\n")[0];
  if (!line?.startsWith("cpu ")) return undefined;
  return Number(line.trim().split(/\s+/)[8] ?? 0);
}

/** What the other processes used between two snapshots, in jiffies, by command name. */
function othersUsed(before: Snapshot, after: Snapshot): Map<string, number> {
  const byName = new Map<string, number>();
  for (const [pid, p] of after.others) {
    // A process that was the bench's at the start (a backend that has since closed and whose pid was
    // taken again) starts from zero, as does one that started during the target.
    const start = before.others.get(pid);
    const used = p.jiffies - (start && start.name === p.name ? start.jiffies : 0);
    if (used > 0) byName.set(p.name, (byName.get(p.name) ?? 0) + used);
  }
  return byName;
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
  const steal0 = steal();
  if (steal0 === undefined) return () => ({ otherCores: NaN, loadBefore, comparable: true, reason: "no /proc: not checked" });
  const before = snapshot(dbName);
  const t0 = performance.now();
  return () => {
    const after = snapshot(dbName);
    const seconds = (performance.now() - t0) / 1000;
    const cores = (jiffies: number) => round(jiffies / HZ / seconds, 2);
    const used = [...othersUsed(before, after)].sort((a, b) => b[1] - a[1]);
    const otherCores = cores(used.reduce((sum, [, j]) => sum + j, 0));
    const busiest = Object.fromEntries(used.slice(0, 3).filter(([, j]) => cores(j) > 0).map(([name, j]) => [name, cores(j)]));
    const stealCores = cores(steal()! - steal0);
    const reasons = [];
    if (loadBefore > LOAD_LIMIT) reasons.push(`load average ${loadBefore} before the run`);
    if (otherCores > OTHER_CORE_LIMIT)
      reasons.push(`other processes used ${otherCores} of a core (${Object.entries(busiest).map(([n, c]) => `${n} ${c}`).join(", ")})`);
    return { otherCores, busiest, stealCores, loadBefore, comparable: reasons.length === 0, reason: reasons.join("; ") || undefined };
  };
}
