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
 * that stops being named keeps its number and its id while the numbering lives, and its popularity while this object
 * does (about 30 bytes).
 *
 * <p>The profile subtasks of one job in a JVM can share the numbering and the tables' storage
 * ({@link SharedItemTables}): each then holds a reference per item to the one copy of a table that every subtask which
 * was given the same publication holds. {@link #release} gives them back when the subtask is done. Not thread-safe
 * itself: one per operator instance.
 */
public final class ItemTables {

    private static final float[] NO_WEIGHTS = new float[0];

    private final SharedItemTables shared;
    private final ItemNumbers numbers;
    /** The numbers of the items whose own signals arrived (the others are only named in tables). */
    private final BitSet withSignals = new BitSet();
    private float[] popularity = new float[16];
    private PublishedTable[] neighbors = new PublishedTable[16];
    private PublishedTable[] affinities = new PublishedTable[16];

    /** Tables of their own, shared with nobody. */
    public ItemTables() {
        this(new SharedItemTables());
    }

    /** Tables whose numbering and storage are shared with the other subtasks holding {@code shared}. */
    public ItemTables(SharedItemTables shared) {
        this.shared = shared;
        this.numbers = shared.numbers();
    }

    /**
     * Sets an item's popularity and tables, replacing what it had; returns its number.
     *
     * @param neighbors its co-engaged neighbours, {@code null} for none
     * @param affinity what the same people liked, {@code null} for none
     */
    public int put(String itemId, float itemPopularity, NeighborTable neighbors, NeighborTable affinity) {
        int item = numbers.number(itemId);
        float[] weights = guaranteedWeights(neighbors);
        float unit = WeightCodes.unitOf(weights);
        PublishedTable neighborTable = shared.holdNeighbors(item, numbered(neighbors),
                WeightCodes.encode(weights, unit), unit);
        weights = guaranteedWeights(affinity);
        unit = WeightCodes.unitOf(weights);
        PublishedTable affinityTable = shared.holdAffinity(item, numbered(affinity),
                WeightCodes.encode(weights, unit), unit);
        // After the tables are held: every number they name is below the size read here.
        ensureCapacity();
        popularity[item] = itemPopularity;
        PublishedTable previous = this.neighbors[item];
        this.neighbors[item] = neighborTable;
        if (previous != null) {
            shared.releaseNeighbors(item, previous);
        }
        previous = affinities[item];
        affinities[item] = affinityTable;
        if (previous != null) {
            shared.releaseAffinity(item, previous);
        }
        withSignals.set(item);
        return item;
    }

    /** Gives back every table this object holds to the storage it shares; it holds none after. */
    public void release() {
        for (int item = 0; item < neighbors.length; item++) {
            if (neighbors[item] != null) {
                shared.releaseNeighbors(item, neighbors[item]);
                neighbors[item] = null;
            }
            if (affinities[item] != null) {
                shared.releaseAffinity(item, affinities[item]);
                affinities[item] = null;
            }
        }
        withSignals.clear();
    }

    /** Whether the item's own signals have arrived; an item only named in other items' tables has none. */
    public boolean hasSignals(int item) {
        return withSignals.get(item);
    }

    /** The item's co-engaged neighbours as they were put, by id with their guaranteed weights. */
    public NeighborTable neighborTable(int item) {
        return table(neighbors(item));
    }

    /** What the same people liked, as it was put, by id with the guaranteed weights. */
    public NeighborTable affinityTable(int item) {
        return table(affinities(item));
    }

    private NeighborTable table(PublishedTable table) {
        String[] ids = new String[table.items.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = numbers.id(table.items[i]);
        }
        return new NeighborTable(ids, WeightCodes.decode(table.codes, table.unit), NO_WEIGHTS);
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
        return item < popularity.length ? popularity[item] : 0f;
    }

    /**
     * Every item's popularity, by number, read in bulk while gathering: it covers every number this object's tables
     * name (numbers other subtasks gave out since may lie beyond it).
     */
    float[] popularities() {
        return popularity;
    }

    /** The item's co-engaged neighbours: each entry's item number, and its weight as a code times the unit. */
    PublishedTable neighbors(int item) {
        PublishedTable table = item < neighbors.length ? neighbors[item] : null;
        return table == null ? PublishedTable.EMPTY : table;
    }

    /** The item's affinities, as {@link #neighbors}. */
    PublishedTable affinities(int item) {
        PublishedTable table = item < affinities.length ? affinities[item] : null;
        return table == null ? PublishedTable.EMPTY : table;
    }

    /** The item numbers of the item's co-engaged neighbours, strongest first: shared, not to be modified. */
    public int[] neighborNumbers(int item) {
        return neighbors(item).items;
    }

    /** Writes the guaranteed weights of the item's co-engaged neighbours into {@code into} from {@code offset}. */
    public void neighborWeights(int item, float[] into, int offset) {
        neighbors(item).decodeInto(into, offset);
    }

    /** The item numbers of what the same people liked: shared, not to be modified. */
    public int[] affinityNumbers(int item) {
        return affinities(item).items;
    }

    /** Writes the guaranteed weights of what the same people liked into {@code into} from {@code offset}. */
    public void affinityWeights(int item, float[] into, int offset) {
        affinities(item).decodeInto(into, offset);
    }


    /**
     * The items numbered {@code items} as they are now, to be read later from any thread: their popularity, and their
     * tables by reference (immutable). Takes time in proportion to the items, not their tables.
     */
    public FrozenItemTables freeze(int[] items) {
        float[] frozenPopularity = new float[items.length];
        PublishedTable[] frozenNeighbors = new PublishedTable[items.length];
        PublishedTable[] frozenAffinities = new PublishedTable[items.length];
        for (int i = 0; i < items.length; i++) {
            frozenPopularity[i] = popularity(items[i]);
            frozenNeighbors[i] = neighbors(items[i]);
            frozenAffinities[i] = affinities(items[i]);
        }
        // Read after the tables: every number they name was given out before it.
        return new FrozenItemTables(numbers, numbers.size(), items.clone(), frozenPopularity, frozenNeighbors,
                frozenAffinities);
    }

    /** How many items are numbered: every number is below it. */
    public int size() {
        return numbers.size();
    }

    private int[] numbered(NeighborTable table) {
        if (table == null || table.neighbors().length == 0) {
            return new int[0];
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
        neighbors = Arrays.copyOf(neighbors, capacity);
        affinities = Arrays.copyOf(affinities, capacity);
    }
}
