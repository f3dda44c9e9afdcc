package io.attune.jobs.state;

/**
 * An element of the profile operator's checkpointed item signals: a pack made already (as a checkpoint is read back), or
 * one the checkpoint makes when it writes it ({@link DeferredItemSignalPack}), in its asynchronous part instead of on
 * the task thread. Written and read as {@link ItemSignalPack}s by {@link ItemSignalSliceSerializer}.
 */
public sealed interface ItemSignalSlice permits ItemSignalPack, DeferredItemSignalPack {

    /** The pack, made now if it is deferred. */
    ItemSignalPack pack();
}
