package io.attune.jobs.state;

/**
 * A catalog item id as 64 bits (FNV-1a over its UTF-16 code units), for state that must stay small whatever the
 * ids look like: a profile keeps its accounts' recent likes this way, eight bytes each where a UUID would take
 * 37. Stable across JVMs and versions (it is stored in savepoints); with 64 bits, two ids of one catalog share a
 * hash with negligible probability (about n²/2⁶⁵: 10⁻⁸ for 10⁶ items).
 */
public final class ItemIdHash {

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private ItemIdHash() {}

    public static long of(String itemId) {
        long hash = OFFSET_BASIS;
        for (int i = 0; i < itemId.length(); i++) {
            char c = itemId.charAt(i);
            hash = (hash ^ (c & 0xff)) * PRIME;
            hash = (hash ^ (c >>> 8)) * PRIME;
        }
        return hash;
    }
}
