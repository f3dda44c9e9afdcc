package io.attune.jobs.state;

/**
 * A catalog item id as 64 bits (FNV-1a over its UTF-16 code units), or folded to 32, for state that must stay small
 * whatever the ids look like: a profile keeps its accounts' recent likes as {@link #of32 32-bit hashes}, four bytes
 * each where a UUID would take 37. Stable across JVMs and versions (it is stored in savepoints). With 32 bits a
 * catalog of 10⁶ items has about n²/2³³ ≈ 120 pairs of ids sharing a hash: a like of one of those items may read
 * the other's co-engagement tables, a few likes in a million, which ranking does not notice; 64 bits (state written
 * from 0.6 until 32-bit hashes) folded to 32 give the same hash as the id would.
 */
public final class ItemIdHash {

    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private ItemIdHash() {}

    /** The 32-bit hash profiles keep likes as: the 64-bit hash, folded. */
    public static int of32(String itemId) {
        return fold(of(itemId));
    }

    /** A 64-bit hash folded to 32 bits, as {@link #of32} does: converts likes kept as 64-bit hashes. */
    public static int fold(long hash) {
        return (int) (hash ^ (hash >>> 32));
    }

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
