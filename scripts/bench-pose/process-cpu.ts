// CPU time of a process and all its descendants (Linux /proc), so a benchmark can say how many
// cores the browser it drives actually got: on a loaded machine other work takes the rest.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

interface Stat {
  ppid: number;
  cpuMs: number;
}

function statOf(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses: the fields start after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return { ppid: Number(fields[1]), cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/**
 * User plus system CPU, in ms, of `rootPid`'s descendants (children's reaped time included),
 * or null where /proc cannot be read.
 */
export function treeCpuMs(rootPid: number): number | null {
  let pids: number[];
  try {
    pids = readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return null;
  }
  const stats = new Map<number, Stat>();
  for (const pid of pids) {
    const stat = statOf(pid);
    if (stat) stats.set(pid, stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  let total = 0;
  const queue = [...(children.get(rootPid) ?? [])];
  while (queue.length) {
    const pid = queue.pop()!;
    total += stats.get(pid)?.cpuMs ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}
