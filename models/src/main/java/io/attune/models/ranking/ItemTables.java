package io.attune.models.ranking;

import java.util.Arrays;
import java.util.BitSet;

/**
 * What engagement taught about each item, by the item's {@link ItemNumbers number}, laid out for
 * {@link EvidenceSums}: its popularity in an array, and its published tables (co-engaged neighbours, affinities)
 * with each entry's item as a number and its guaranteed weight. Gathering a refresh's evidence then reads plain
 * arrays and never an id string. Every id a table names is numbered, whether or not its own signals have arrived
 * (popularity 0 until they do).
 *
 * <p>Memory: a table's weights are kept as 16-bit codes times a power of two per table ({@link WeightCodes}): exact
 * for whole counts and the pair weights' binary fractions, and within 2⁻¹⁶ of the table's largest weight otherwise,
 * for 2 bytes an entry instead of 4 (about 640 bytes per item at 64 neighbours and 256 affinities). The
 * {@link NeighborTable}s they came from need not be kept: {@link #neighborTable} and {@link #affinityTable} give them
 * back, ids and all, for a checkpoint; put back, such a table codes to the same weights. Numbers are never reused: an item
 * that stops being named keeps its number, its id and its popularity (about 30 bytes) while this object lives.
 * Not thread-safe: one per operator instance.
 */
public final class ItemTables {

    private static final int[] NO_NUMBERS = new int[0];
    private static final float[] NO_WEIGHTS = new float[0];
    private static final char[] NO_CODES = new char[0];

    private final ItemNumbers numbers = new ItemNumbers();
    /** The numbers of the items whose own signals arrived (the others are only named in tables). */
    private final BitSet withSignals = new BitSet();
    private float[] popularity = new float[16];
    private int[][] neighborItems = new int[16][];
    private char[][] neighborCodes = new char[16][];
    private float[] neighborUnit = new float[16];
    private int[][] affinityItems = new int[16][];
    private char[][] affinityCodes = new char[16][];
    private float[] affinityUnit = new float[16];

    /**
     * Sets an item's popularity and tables, replacing what it had; returns its number.
     *
     * @param neighbors its co-engaged neighbours, {@code null} for none
     * @param affinity what the same people liked, {@code null} for none
     */
    public int put(String itemId, float itemPopularity, NeighborTable neighbors, NeighborTable affinity) {
        int item = numbers.number(itemId);
        int[] neighborNumbers = numbered(neighbors);
        int[] affinityNumbers = numbered(affinity);
        ensureCapacity();
        popularity[item] = itemPopularity;
        neighborItems[item] = neighborNumbers;
        float[] weights = guaranteedWeights(neighbors);
        neighborUnit[item] = WeightCodes.unitOf(weights);
        neighborCodes[item] = WeightCodes.encode(weights, neighborUnit[item]);
        affinityItems[item] = affinityNumbers;
        weights = guaranteedWeights(affinity);
        affinityUnit[item] = WeightCodes.unitOf(weights);
        affinityCodes[item] = WeightCodes.encode(weights, affinityUnit[item]);
        withSignals.set(item);
        return item;
    }

    /** Whether the item's own signals have arrived; an item only named in other items' tables has none. */
    public boolean hasSignals(int item) {
        return withSignals.get(item);
    }

    /** The item's co-engaged neighbours as they were put, by id with their guaranteed weights. */
    public NeighborTable neighborTable(int item) {
        return table(neighborItems(item), WeightCodes.decode(neighborCodes(item), neighborUnit[item]));
    }

    /** What the same people liked, as it was put, by id with the guaranteed weights. */
    public NeighborTable affinityTable(int item) {
        return table(affinityItems(item), WeightCodes.decode(affinityCodes(item), affinityUnit[item]));
    }

    private NeighborTable table(int[] items, float[] weights) {
        String[] ids = new String[items.length];
        for (int i = 0; i < items.length; i++) {
            ids[i] = numbers.id(items[i]);
        }
        return new NeighborTable(ids, weights, NO_WEIGHTS);
    }

    /** The id's number, or -1 when no table names it and it has no signals. */
    public int find(String itemId) {
        return numbers.find(itemId);
    }

    public ItemNumbers numbers() {
        return numbers;
    }

    /** An item's popularity; 0 for one whose signals have not arrived. */
    public float popularity(int item) {
        return popularity[item];
    }

    /** Every item's popularity, by number ({@link #size()} valid entries): read in bulk while gathering. */
    float[] popularities() {
        return popularity;
    }

    int[] neighborItems(int item) {
        int[] items = neighborItems[item];
        return items == null ? NO_NUMBERS : items;
    }

    /** The item's neighbours' weights as codes: each weight is its code times {@link #neighborUnit}. */
    char[] neighborCodes(int item) {
        char[] codes = neighborCodes[item];
        return codes == null ? NO_CODES : codes;
    }

    float neighborUnit(int item) {
        return neighborUnit[item];
    }

    int[] affinityItems(int item) {
        int[] items = affinityItems[item];
        return items == null ? NO_NUMBERS : items;
    }

    /** The item's affinities' weights as codes: each weight is its code times {@link #affinityUnit}. */
    char[] affinityCodes(int item) {
        char[] codes = affinityCodes[item];
        return codes == null ? NO_CODES : codes;
    }

    float affinityUnit(int item) {
        return affinityUnit[item];
    }

    /** How many items are numbered. */
    public int size() {
        return numbers.size();
    }

    private int[] numbered(NeighborTable table) {
        if (table == null || table.neighbors().length == 0) {
            return NO_NUMBERS;
        }
        String[] ids = table.neighbors();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = numbers.number(ids[i]);
        }
        return out;
    }

    /** The table's guaranteed weights: its own array when it has no errors (a published table), not changed. */
    private static float[] guaranteedWeights(NeighborTable table) {
        if (table == null || table.neighbors().length == 0) {
            return NO_WEIGHTS;
        }
        if (table.errors().length == 0) {
            return table.weights();
        }
        float[] out = new float[table.neighbors().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = table.guaranteed(i);
        }
        return out;
    }

    private void ensureCapacity() {
        int needed = numbers.size();
        if (needed <= popularity.length) {
            return;
        }
        int capacity = Math.max(needed, popularity.length * 2);
        popularity = Arrays.copyOf(popularity, capacity);
        neighborItems = Arrays.copyOf(neighborItems, capacity);
        neighborCodes = Arrays.copyOf(neighborCodes, capacity);
        neighborUnit = Arrays.copyOf(neighborUnit, capacity);
        affinityItems = Arrays.copyOf(affinityItems, capacity);
        affinityCodes = Arrays.copyOf(affinityCodes, capacity);
        affinityUnit = Arrays.copyOf(affinityUnit, capacity);
    }
}
