package io.attune.jobs.state;

import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Writes {@link ItemSignalSlice}s as the {@link ItemSignalPack}s they stand for and reads them back as packs: a
 * {@link DeferredItemSignalPack} is packed here, in the checkpoint's asynchronous part, not on the task thread.
 */
public final class ItemSignalSliceSerializer extends ImmutableElementSerializer<ItemSignalSlice, ItemSignalPack> {

    private static final long serialVersionUID = 1L;

    public ItemSignalSliceSerializer() {
        this(pojo(ItemSignalPack.class));
    }

    private ItemSignalSliceSerializer(TypeSerializer<ItemSignalPack> packs) {
        super(packs);
    }

    @Override
    protected ItemSignalPack written(ItemSignalSlice slice) {
        return slice.pack();
    }

    @Override
    protected ItemSignalSliceSerializer writingWith(TypeSerializer<ItemSignalPack> packs) {
        return new ItemSignalSliceSerializer(packs);
    }

    @Override
    public Snapshot snapshotConfiguration() {
        return new Snapshot(this);
    }

    /** The pack serializer's snapshot, nested. */
    public static final class Snapshot
            extends ImmutableElementSerializer.Snapshot<ItemSignalSlice, ItemSignalPack, ItemSignalSliceSerializer> {

        /** For reading a snapshot. */
        public Snapshot() {}

        Snapshot(ItemSignalSliceSerializer serializer) {
            super(serializer);
        }

        @Override
        @SuppressWarnings("unchecked")
        protected ItemSignalSliceSerializer createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nested) {
            return new ItemSignalSliceSerializer((TypeSerializer<ItemSignalPack>) nested[0]);
        }
    }
}
