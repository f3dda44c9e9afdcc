package io.attune.jobs.state;

import io.attune.jobs.stream.CatalogItem;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Writes the profile operator's catalog slices as {@link CatalogItem}'s POJO serializer does, without copying the
 * items on the task thread at every checkpoint: a kept item is never modified (an update replaces it).
 */
public final class CatalogItemSliceSerializer extends ImmutableElementSerializer<CatalogItem, CatalogItem> {

    private static final long serialVersionUID = 1L;

    public CatalogItemSliceSerializer() {
        this(pojo(CatalogItem.class));
    }

    private CatalogItemSliceSerializer(TypeSerializer<CatalogItem> items) {
        super(items);
    }

    @Override
    protected CatalogItem written(CatalogItem item) {
        return item;
    }

    @Override
    protected CatalogItemSliceSerializer writingWith(TypeSerializer<CatalogItem> items) {
        return new CatalogItemSliceSerializer(items);
    }

    @Override
    public Snapshot snapshotConfiguration() {
        return new Snapshot(this);
    }

    /** The item serializer's snapshot, nested. */
    public static final class Snapshot
            extends ImmutableElementSerializer.Snapshot<CatalogItem, CatalogItem, CatalogItemSliceSerializer> {

        /** For reading a snapshot. */
        public Snapshot() {}

        Snapshot(CatalogItemSliceSerializer serializer) {
            super(serializer);
        }

        @Override
        @SuppressWarnings("unchecked")
        protected CatalogItemSliceSerializer createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nested) {
            return new CatalogItemSliceSerializer((TypeSerializer<CatalogItem>) nested[0]);
        }
    }
}
