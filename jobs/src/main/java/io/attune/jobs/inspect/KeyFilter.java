package io.attune.jobs.inspect;

import java.io.Serializable;
import java.util.Set;

/**
 * Which keys a savepoint read keeps: all of them, or the given ones (an access request reads one account and its
 * person out of state that may hold millions).
 */
public record KeyFilter(Set<String> keys) implements Serializable {

    public static KeyFilter all() {
        return new KeyFilter(null);
    }

    public static KeyFilter only(Set<String> keys) {
        return new KeyFilter(Set.copyOf(keys));
    }

    public boolean keeps(String key) {
        return keys == null || keys.contains(key);
    }
}
