package io.attune.jobs.functions;

import io.attune.jobs.state.ItemIdHash;
import io.attune.jobs.state.DeferredItemSignalPack;
import io.attune.jobs.state.ItemSignalPack;
import io.attune.jobs.state.ItemSignalSlice;
import io.attune.jobs.stream.ItemSignals;
import io.attune.models.ranking.ItemTables;
import io.attune.models.ranking.SharedItemTables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The item signals a profile subtask holds, kept only as the {@link ItemTables} a refresh gathers from: an arriving
 * {@link ItemSignals} is numbered into them and dropped, and a checkpoint gets its signals back from them. Keeping the
 * signals as they arrived beside their tables took 4,253 bytes of heap per engaged item; the tables alone took 2,818,
 * and take 2,184 with 16-bit weights ({@code ItemSignalsFootprintCheck}: 64 neighbours and 256 affinities each), once
 * per TaskManager where several profile subtasks share them ({@link SharedItemTables}). Not thread-safe: one per
 * operator instance.
 */
final class ItemSignalTables implements ReplicatedState.Store<ItemSignals, ItemSignalSlice> {

    private final ItemTables tables;
    /** The number in {@link #tables} of each item with signals, by {@link ItemIdHash#of32} (profiles keep hashes). */
    private final Map<Integer, Integer> numberByHash = new HashMap<>();

    /** Tables numbered and stored with the other subtasks holding {@code shared} ({@link SharedProfileStorage}). */
    ItemSignalTables(SharedItemTables shared) {
        this.tables = new ItemTables(shared);
    }

    /** Gives the tables' storage back: they are empty after. */
    void release() {
        tables.release();
        numberByHash.clear();
    }

    @Override
    public void put(ItemSignals signals) {
        int number = tables.put(signals.itemId(), signals.popularity(), signals.neighbors(), signals.affinityOrEmpty());
        numberByHash.put(ItemIdHash.of32(signals.itemId()), number);
    }

    @Override
    public void restore(ItemSignalSlice slice) {
        slice.pack().unpack(this::put);
    }

    /**
     * The signals of every item whose id {@code ids} accepts, frozen as they are now in packs of up to
     * {@link ItemSignalPack#ITEMS_PER_PACK} items, each packed when the checkpoint writes it
     * ({@link DeferredItemSignalPack}): the task thread only finds the items and copies a reference per table.
     */
    @Override
    public List<ItemSignalSlice> slice(Predicate<String> ids) {
        int[] items = new int[tables.size()];
        int count = 0;
        for (int number = 0; number < items.length; number++) {
            if (tables.hasSignals(number) && ids.test(tables.numbers().id(number))) {
                items[count++] = number;
            }
        }
        List<ItemSignalSlice> packs = new ArrayList<>();
        for (int from = 0; from < count; from += ItemSignalPack.ITEMS_PER_PACK) {
            packs.add(new DeferredItemSignalPack(
                    tables.freeze(Arrays.copyOfRange(items, from, Math.min(count, from + ItemSignalPack.ITEMS_PER_PACK)))));
        }
        return packs;
    }

    ItemTables tables() {
        return tables;
    }

    /** The number of the item with signals whose id has this {@link ItemIdHash#of32 hash}, or {@code null}. */
    Integer numberOfHash(int hash) {
        return numberByHash.get(hash);
    }

    /** The item's popularity, or {@code null} when its signals have not arrived. */
    Float popularityOf(String itemId) {
        int number = tables.find(itemId);
        return number >= 0 && tables.hasSignals(number) ? tables.popularity(number) : null;
    }

    /** The item's signals as a checkpoint keeps them, or {@code null} when none have arrived. */
    ItemSignals get(String itemId) {
        int number = tables.find(itemId);
        return number >= 0 && tables.hasSignals(number) ? signals(number) : null;
    }

    private ItemSignals signals(int number) {
        return new ItemSignals(tables.numbers().id(number), tables.popularity(number), tables.neighborTable(number),
                tables.affinityTable(number));
    }
}
