package io.attune.jobs.state;

import io.attune.models.ranking.FrozenItemTables;

/**
 * Items' signals frozen as a checkpoint found them ({@link FrozenItemTables}: popularity, and tables by reference),
 * packed only when the checkpoint writes them: Flink copies a checkpoint's operator state on the task thread (this
 * element is immutable, so the copy is the reference) and serializes it in the asynchronous part, where
 * {@link ItemSignalSliceSerializer} packs it.
 */
public final class DeferredItemSignalPack implements ItemSignalSlice {

    private final FrozenItemTables tables;

    public DeferredItemSignalPack(FrozenItemTables tables) {
        this.tables = tables;
    }

    @Override
    public ItemSignalPack pack() {
        return ItemSignalPack.of(tables);
    }

    /** How many items it holds. */
    public int items() {
        return tables.count();
    }
}
