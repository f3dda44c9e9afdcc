package io.attune.jobs.state;

import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes {@link ItemSignalSlice}s as the {@link ItemSignalPack}s they stand for, with the pack's own POJO serializer
 * (the bytes 0.7 wrote), and reads them back as packs. A slice is immutable, so Flink's copy of a checkpoint's list on
 * the task thread copies references, and a {@link DeferredItemSignalPack} is packed here, in the checkpoint's
 * asynchronous part.
 *
 * <p>State written by 0.7 names the POJO serializer itself; {@link Snapshot} reads it as a migration (operator state is
 * read whole into memory on a restore, so nothing is rewritten but the next checkpoint).
 */
public final class ItemSignalSliceSerializer extends TypeSerializer<ItemSignalSlice> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<ItemSignalPack> packs;

    public ItemSignalSliceSerializer() {
        this(packSerializer());
    }

    ItemSignalSliceSerializer(TypeSerializer<ItemSignalPack> packs) {
        this.packs = packs;
    }

    /** The POJO serializer of {@link ItemSignalPack}, as Flink makes it for the type (no Kryo). */
    static TypeSerializer<ItemSignalPack> packSerializer() {
        return TypeInformation.of(ItemSignalPack.class).createSerializer(new SerializerConfigImpl());
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<ItemSignalSlice> duplicate() {
        TypeSerializer<ItemSignalPack> duplicate = packs.duplicate();
        return duplicate == packs ? this : new ItemSignalSliceSerializer(duplicate);
    }

    @Override
    public ItemSignalSlice createInstance() {
        return packs.createInstance();
    }

    @Override
    public ItemSignalSlice copy(ItemSignalSlice from) {
        return from;
    }

    @Override
    public ItemSignalSlice copy(ItemSignalSlice from, ItemSignalSlice reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(ItemSignalSlice slice, DataOutputView target) throws IOException {
        packs.serialize(slice.pack(), target);
    }

    @Override
    public ItemSignalSlice deserialize(DataInputView source) throws IOException {
        return packs.deserialize(source);
    }

    @Override
    public ItemSignalSlice deserialize(ItemSignalSlice reuse, DataInputView source) throws IOException {
        return packs.deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        packs.copy(source, target);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ItemSignalSliceSerializer serializer && packs.equals(serializer.packs);
    }

    @Override
    public int hashCode() {
        return packs.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<ItemSignalSlice> snapshotConfiguration() {
        return new Snapshot(this);
    }

    /** The pack serializer's snapshot nested in this one's; and 0.7's, the pack serializer's alone, read as a migration. */
    public static final class Snapshot extends CompositeTypeSerializerSnapshot<ItemSignalSlice, ItemSignalSliceSerializer> {

        /** For reading a snapshot. */
        public Snapshot() {}

        Snapshot(ItemSignalSliceSerializer serializer) {
            super(serializer);
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return 1;
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(ItemSignalSliceSerializer outer) {
            return new TypeSerializer<?>[] {outer.packs};
        }

        @Override
        @SuppressWarnings("unchecked")
        protected ItemSignalSliceSerializer createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nested) {
            return new ItemSignalSliceSerializer((TypeSerializer<ItemSignalPack>) nested[0]);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public TypeSerializerSchemaCompatibility<ItemSignalSlice> resolveSchemaCompatibility(
                TypeSerializerSnapshot<ItemSignalSlice> old) {
            if (old instanceof PojoSerializerSnapshot) {
                TypeSerializerSchemaCompatibility<ItemSignalPack> packs = packSerializer().snapshotConfiguration()
                        .resolveSchemaCompatibility((TypeSerializerSnapshot) old);
                return packs.isIncompatible() ? TypeSerializerSchemaCompatibility.incompatible()
                        : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
            }
            return super.resolveSchemaCompatibility(old);
        }
    }
}
