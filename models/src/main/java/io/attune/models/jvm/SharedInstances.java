package io.attune.models.jvm;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One instance per key for the whole JVM, made by the first caller and shared by every later one (for Flink: every
 * task slot) until the last gives it back: the embedding model, the gloss dictionaries. Reference-counted;
 * thread-safe.
 *
 * @param <K> what tells instances apart (a configuration, a directory)
 * @param <V> the shared instance
 */
public final class SharedInstances<K, V> {

    private final Map<K, Entry<V>> entries = new HashMap<>();
    private final Consumer<V> onLastRelease;

    /** @param onLastRelease what to do with an instance nobody holds any more (close it, or nothing) */
    public SharedInstances(Consumer<V> onLastRelease) {
        this.onLastRelease = onLastRelease;
    }

    /** The key's instance, made with {@code make} if no caller holds one; each call must be {@link #release}d. */
    public synchronized V acquire(K key, Function<K, V> make) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            entry = new Entry<>(make.apply(key));
            entries.put(key, entry);
        }
        entry.references++;
        return entry.instance;
    }

    /** Gives back one {@link #acquire}; the last one hands the instance to {@code onLastRelease}. */
    public synchronized void release(K key) {
        Entry<V> entry = entries.get(key);
        if (entry != null && --entry.references == 0) {
            entries.remove(key);
            onLastRelease.accept(entry.instance);
        }
    }

    /** How many callers hold the key's instance. */
    public synchronized int references(K key) {
        Entry<V> entry = entries.get(key);
        return entry == null ? 0 : entry.references;
    }

    private static final class Entry<V> {
        final V instance;
        int references;

        Entry(V instance) {
            this.instance = instance;
        }
    }
}
