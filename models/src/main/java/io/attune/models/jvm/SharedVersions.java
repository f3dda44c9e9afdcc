package io.attune.models.jvm;

import java.util.Arrays;
import java.util.function.BiPredicate;

/**
 * Immutable values that several holders in a JVM keep under the same key, stored once. The profile subtasks of a
 * TaskManager are all given the same broadcast entries (an item's published tables, a catalog item), each
 * deserialized into a copy of its own; a holder that {@link #hold}s its copy gets back the one an earlier holder
 * left with the same content, so the JVM keeps one. Sharing the storage does not share the view: each holder still
 * decides alone which value it holds for a key (the one it was last given), whatever the others have reached.
 *
 * <p>Only the latest few versions of a key are findable ({@code versions}): holders rarely lag more than a change or
 * two behind one another, and one that lags further makes a copy of its own. A version is dropped when its last
 * holder {@link #release}s it. Keys are dense numbers (an {@code ItemNumbers} numbering). Thread-safe.
 *
 * @param <V> the values; never modified once held
 */
public final class SharedVersions<V> {

    private final BiPredicate<V, V> sameContent;
    private final int versions;
    /** The findable versions of each key, oldest first; {@code null} slots at the end. */
    private Held<V>[][] byKey;

    /**
     * @param sameContent whether two values have the same content (a held one can stand for the other)
     * @param versions how many versions of a key stay findable
     */
    @SuppressWarnings("unchecked")
    public SharedVersions(BiPredicate<V, V> sameContent, int versions) {
        if (versions < 1) {
            throw new IllegalArgumentException("versions must be at least 1, not " + versions);
        }
        this.sameContent = sameContent;
        this.versions = versions;
        this.byKey = new Held[16][];
    }

    /**
     * The held value of {@code key} with {@code value}'s content, or {@code value} itself, now held, if none is
     * findable. Each call must be {@link #release}d with what it returned.
     */
    @SuppressWarnings("unchecked")
    public synchronized V hold(int key, V value) {
        if (key >= byKey.length) {
            byKey = Arrays.copyOf(byKey, Math.max(key + 1, byKey.length * 2));
        }
        Held<V>[] held = byKey[key];
        if (held == null) {
            held = new Held[versions];
            byKey[key] = held;
        }
        int kept = 0;
        for (Held<V> version : held) {
            if (version == null) {
                break;
            }
            if (version.value == value || sameContent.test(version.value, value)) {
                version.holders++;
                return version.value;
            }
            kept++;
        }
        // The newest version is the one the other holders are about to be given, so it stays findable, and the
        // oldest makes room (its holders keep their value, unfindable, until they move on).
        if (kept == held.length) {
            System.arraycopy(held, 1, held, 0, kept - 1);
            kept--;
        }
        held[kept] = new Held<>(value);
        return value;
    }

    /** Gives back one {@link #hold} of {@code value} (as it returned it) under {@code key}. */
    public synchronized void release(int key, V value) {
        if (key < 0 || key >= byKey.length || byKey[key] == null) {
            return;
        }
        Held<V>[] held = byKey[key];
        for (int v = 0; v < held.length && held[v] != null; v++) {
            if (held[v].value == value) {
                if (--held[v].holders == 0) {
                    System.arraycopy(held, v + 1, held, v, held.length - v - 1);
                    held[held.length - 1] = null;
                    if (held[0] == null) {
                        byKey[key] = null;
                    }
                }
                return;
            }
        }
    }

    /** How many versions of {@code key} are held and findable. */
    public synchronized int count(int key) {
        if (key < 0 || key >= byKey.length || byKey[key] == null) {
            return 0;
        }
        int count = 0;
        for (Held<V> version : byKey[key]) {
            count += version == null ? 0 : 1;
        }
        return count;
    }

    private static final class Held<V> {
        final V value;
        int holders = 1;

        Held(V value) {
            this.value = value;
        }
    }
}
