#!/usr/bin/env python3
"""Samples a JVM's threads from /proc every few seconds and prints the cores each group of threads used.

    bench/thread-cpu.py PID [INTERVAL_S]

Threads are grouped by name with digits folded to N (Flink names a task's thread after its operator chain, cut to
15 characters by the kernel), so "Item neighbourh" is the item operator's subtasks together. One line per
interval: the total and the eight busiest groups, in cores. Ends when the process does.
"""
import os
import re
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


def sample(pid):
    groups = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        ticks = int(fields[11]) + int(fields[12])  # utime + stime
        group = re.sub(r"\d+", "N", name)
        groups[(group, tid)] = ticks
    return groups


def main():
    pid = int(sys.argv[1])
    interval = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
    before = sample(pid)
    while os.path.exists(f"/proc/{pid}"):
        time.sleep(interval)
        try:
            after = sample(pid)
        except OSError:
            break
        used = {}
        for key, ticks in after.items():
            used[key[0]] = used.get(key[0], 0) + ticks - before.get(key, 0)
        before = after
        cores = {group: ticks / TICKS / interval for group, ticks in used.items()}
        top = sorted(cores.items(), key=lambda item: -item[1])[:8]
        print(time.strftime("%H:%M:%S"), f"total {sum(cores.values()):.2f}",
              " ".join(f"{group}={value:.2f}" for group, value in top), flush=True)


if __name__ == "__main__":
    main()
