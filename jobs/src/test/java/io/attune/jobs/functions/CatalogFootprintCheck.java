package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.testing.Heap;
import io.attune.jobs.stream.CatalogItem;
import io.attune.models.math.Vectors;
import io.attune.models.ranking.CatalogIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: measures the heap a profile subtask's catalog takes per item, as it keeps it: the items as they are
 * checkpointed (embeddings as one byte per dimension, {@link CatalogItem#of}) and the {@link CatalogIndex} ranking
 * reads (int8 codes, and coarse lists once a surface has 4,096 items), kept through {@link SharedProfileStorage} as the
 * job keeps them; then four profile subtasks of one TaskManager, each deserializing its own copy of every broadcast
 * item.
 * 20,000 items of 384 dimensions on two surfaces, two tags each, 11-character ids. Heap is read after repeated full
 * collections, so figures are approximate.
 * {@code mvn -pl jobs test -Dtest=CatalogFootprintCheck -Dattune.measure=true}
 */
@EnabledIfSystemProperty(named = "attune.measure", matches = "true")
class CatalogFootprintCheck {

    private static final int ITEMS = 20_000;
    private static final int DIMENSION = 384;
    private static final int SUBTASKS = 4;

    @Test
    void heapPerCatalogItem() throws Exception {
        TypeSerializer<CatalogItem> serializer =
                TypeInformation.of(CatalogItem.class).createSerializer(new SerializerConfigImpl());
        Random random = new Random(12);
        List<byte[]> broadcast = new ArrayList<>();
        DataOutputSerializer out = new DataOutputSerializer(4_096);
        for (int i = 0; i < ITEMS; i++) {
            out.clear();
            serializer.serialize(CatalogItem.of(String.format("item-%06d", i), "INSTAGRAM",
                    i % 2 == 0 ? "FEED" : "REELS", new String[] {"tag" + i % 50, "tag" + i % 7}, 0L, true,
                    unit(random), false), out);
            broadcast.add(out.getCopyOfBuffer());
        }

        long empty = Heap.used();
        SharedProfileStorage aloneStorage = SharedProfileStorage.acquire("catalog-footprint-alone");
        ReplicatedState.ById<CatalogItem> alone =
                new ReplicatedState.ById<>(CatalogItem::itemId, aloneStorage.catalogItems());
        CatalogIndex aloneIndex = new CatalogIndex();
        long kept = keep(serializer, broadcast, alone, null, empty);
        keep(serializer, broadcast, alone, aloneIndex, empty);
        long indexed = Heap.used() - empty;
        System.out.printf("%,d catalog items of %d dimensions: %,d bytes per item as kept for checkpoints, %,d with the "
                + "ranking index too%n", ITEMS, DIMENSION, kept / ITEMS, indexed / ITEMS);
        assertThat(aloneIndex.surfaces("INSTAGRAM")).hasSize(2);
        alone.release();
        SharedProfileStorage.release("catalog-footprint-alone");
        alone = null;
        aloneIndex = null;
        aloneStorage = null;

        empty = Heap.used();
        SharedProfileStorage storage = SharedProfileStorage.acquire("catalog-footprint");
        List<ReplicatedState.ById<CatalogItem>> subtasks = new ArrayList<>();
        List<CatalogIndex> indexes = new ArrayList<>();
        for (int s = 0; s < SUBTASKS; s++) {
            ReplicatedState.ById<CatalogItem> items =
                    new ReplicatedState.ById<>(CatalogItem::itemId, storage.catalogItems());
            CatalogIndex index = new CatalogIndex();
            keep(serializer, broadcast, items, index, empty);
            subtasks.add(items);
            indexes.add(index);
        }
        long shared = Heap.used() - empty;
        System.out.printf("%d subtasks sharing their catalog items: %,d bytes per item in all (%,d per subtask)%n",
                SUBTASKS, shared / ITEMS, shared / ITEMS / SUBTASKS);
        assertThat(subtasks.get(3).get("item-000001")).isSameAs(subtasks.get(0).get("item-000001"));
        assertThat(indexes).allSatisfy(index -> assertThat(index.surfaces("INSTAGRAM")).hasSize(2));
        subtasks.forEach(ReplicatedState.ById::release);
        SharedProfileStorage.release("catalog-footprint");
    }

    /** Puts every broadcast item as the profile operator does (and indexes the copy kept); the heap it took. */
    private static long keep(TypeSerializer<CatalogItem> serializer, List<byte[]> broadcast,
            ReplicatedState.ById<CatalogItem> items, CatalogIndex index, long empty) throws Exception {
        for (byte[] bytes : broadcast) {
            CatalogItem item = serializer.deserialize(new DataInputDeserializer(bytes));
            items.put(item);
            if (index != null) {
                CatalogItem held = items.get(item.itemId());
                index.put(held.app(), held.surface(), held.itemId(), held.tags(), held.codes(), held.scale());
            }
        }
        return Heap.used() - empty;
    }

    private static float[] unit(Random random) {
        float[] vector = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            vector[d] = (float) random.nextGaussian();
        }
        return Vectors.normalized(vector);
    }
}
