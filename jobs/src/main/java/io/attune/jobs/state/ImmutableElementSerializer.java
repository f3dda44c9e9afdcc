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
 * Writes the elements of a checkpoint's list state as a POJO type {@code W} (with that type's own POJO serializer, so
 * the bytes are what the POJO serializer alone wrote) and reads them back as {@code W}s, for elements that are never
 * modified once in the list. Flink copies a checkpoint's operator state on the task thread, element by element, before
 * writing it in the asynchronous part; for immutable elements the copy is the reference, so the task thread does not
 * copy (a profile subtask's slice of a 100,000-item catalog took 14–37 ms) and an element may even be made only when
 * written ({@link #written}: item-signal packs).
 *
 * <p>State written by the POJO serializer itself (0.7) reads as a migration: operator state is read whole into memory
 * on a restore, so it is only written again by the next checkpoint.
 *
 * @param <E> the elements
 * @param <W> what an element is written as
 */
public abstract class ImmutableElementSerializer<E, W extends E> extends TypeSerializer<E> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<W> written;

    protected ImmutableElementSerializer(TypeSerializer<W> written) {
        this.written = written;
    }

    /** The POJO serializer Flink makes for {@code type} (no Kryo). */
    protected static <W> TypeSerializer<W> pojo(Class<W> type) {
        return TypeInformation.of(type).createSerializer(new SerializerConfigImpl());
    }

    /** What {@code element} is written as (made now, if it is made only when written). */
    protected abstract W written(E element);

    /** This serializer writing with {@code serializer} (a duplicate, or one restored from a snapshot). */
    protected abstract ImmutableElementSerializer<E, W> writingWith(TypeSerializer<W> serializer);

    TypeSerializer<W> writtenSerializer() {
        return written;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<E> duplicate() {
        TypeSerializer<W> duplicate = written.duplicate();
        return duplicate == written ? this : writingWith(duplicate);
    }

    @Override
    public E createInstance() {
        return written.createInstance();
    }

    @Override
    public E copy(E from) {
        return from;
    }

    @Override
    public E copy(E from, E reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(E element, DataOutputView target) throws IOException {
        written.serialize(written(element), target);
    }

    @Override
    public E deserialize(DataInputView source) throws IOException {
        return written.deserialize(source);
    }

    @Override
    public E deserialize(E reuse, DataInputView source) throws IOException {
        return written.deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        written.copy(source, target);
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && written.equals(((ImmutableElementSerializer<?, ?>) other).written);
    }

    @Override
    public int hashCode() {
        return getClass().hashCode() * 31 + written.hashCode();
    }

    /**
     * The POJO serializer's snapshot nested in this one's; and the POJO serializer's alone, as 0.7 wrote it, read as a
     * migration.
     */
    public abstract static class Snapshot<E, W extends E, S extends ImmutableElementSerializer<E, W>>
            extends CompositeTypeSerializerSnapshot<E, S> {

        protected Snapshot() {}

        protected Snapshot(S serializer) {
            super(serializer);
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return 1;
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(S outer) {
            return new TypeSerializer<?>[] {outer.writtenSerializer()};
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public TypeSerializerSchemaCompatibility<E> resolveSchemaCompatibility(TypeSerializerSnapshot<E> old) {
            if (old instanceof PojoSerializerSnapshot) {
                TypeSerializerSchemaCompatibility<?> pojo = getNestedSerializerSnapshots()[0]
                        .resolveSchemaCompatibility((TypeSerializerSnapshot) old);
                return pojo.isIncompatible() ? TypeSerializerSchemaCompatibility.incompatible()
                        : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
            }
            return super.resolveSchemaCompatibility(old);
        }
    }
}
