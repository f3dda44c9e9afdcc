package io.attune.jobs.testing;

import java.lang.management.ManagementFactory;

/** Heap in use, for the measurements run by hand ({@code -Dattune.measure=true}): approximate by nature. */
public final class Heap {

    private Heap() {}

    /** Heap in use after full collections, repeated until it stops shrinking (an explicit GC is a full one). */
    public static long used() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                break;
            }
            used = now;
        }
        return used;
    }
}
