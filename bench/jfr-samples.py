#!/usr/bin/env python3
"""Where a JFR recording's CPU samples went: samples per thread (digits folded, so subtasks add up), then, for the
threads whose name contains THREAD (all threads if none is given), the top frames and the methods on the stack.

    bench/jfr-samples.py RECORDING.jfr ["Update profile"]

Needs the JDK's `jfr` on the PATH. Record with e.g.
ATTUNE_JAVA_OPTS="-XX:StartFlightRecording=filename=R.jfr,settings=profile" bin/attune latency ...
"""
import collections
import json
import re
import subprocess
import sys


def frame_name(frame):
    return frame['method']['type']['name'] + '.' + frame['method']['name']


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    recording = sys.argv[1]
    wanted = sys.argv[2] if len(sys.argv) > 2 else None
    printed = subprocess.run(['jfr', 'print', '--json', '--events', 'jdk.ExecutionSample', recording],
                             capture_output=True, text=True, check=True).stdout
    samples = json.loads(printed)['recording']['events']
    threads, top, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
    chosen = 0
    for sample in samples:
        values = sample['values']
        # A sample of a thread that ended before the recording was dumped names no thread.
        thread = values['sampledThread'] or {}
        name = re.sub(r'\d+', 'N', thread.get('javaName') or thread.get('osName') or '?')
        threads[name[:60]] += 1
        if wanted and wanted not in name:
            continue
        chosen += 1
        frames = (values['stackTrace'] or {}).get('frames') or []
        if frames:
            top[frame_name(frames[0])] += 1
        for method in {frame_name(frame) for frame in frames}:
            inclusive[method] += 1
    print(f'{len(samples)} execution samples; by thread:')
    for name, count in threads.most_common(12):
        print(count, name)
    print(f'\n{chosen} samples in threads named like {wanted!r}; top frames:')
    for name, count in top.most_common(20):
        print(count, name)
    print('\non the stack (inclusive):')
    for name, count in inclusive.most_common(60):
        if not name.startswith('java/lang/Thread') and not name.startswith('org/apache/flink/runtime/taskmanager'):
            print(count, name)


if __name__ == '__main__':
    main()
