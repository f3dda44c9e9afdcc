package io.attune.jobs.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.models.math.Vectors;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CatalogItemTest {

    @Test
    void keepsTheEmbeddingAsOneBytePerDimensionAndGivesItBackWithinAThousandth() {
        Random random = new Random(40);
        for (int n = 0; n < 100; n++) {
            float[] embedding = unit(random);
            float[] query = unit(random);
            CatalogItem item = CatalogItem.of("i", "APP", "FEED", new String[0], 0L, true, embedding, false);

            assertThat(item.embedding()).isNull();
            assertThat(item.codes()).hasSize(384);
            assertThat(item.hasVector()).isTrue();
            assertThat(Vectors.dot(item.vector(), query))
                    .isCloseTo(Vectors.dot(embedding, query), Offset.offset(1e-3f));
        }
    }

    @Test
    void anItemRestoredWithFloatsKeepsThemAndAWithdrawnOneHasNone() {
        float[] embedding = unit(new Random(1));
        CatalogItem restored = new CatalogItem("i", "APP", "FEED", new String[0], 0L, true, embedding, false, null, 0f);
        assertThat(restored.vector()).isSameAs(embedding);

        CatalogItem withdrawn = CatalogItem.of("i", "APP", "FEED", new String[0], 0L, false, null, false);
        assertThat(withdrawn.hasVector()).isFalse();
        assertThat(withdrawn.vector()).isNull();
    }

    @Test
    void itemsDeserializedApartShareTheirAppSurfaceAndTagStrings() throws Exception {
        TypeSerializer<CatalogItem> serializer =
                TypeInformation.of(CatalogItem.class).createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(2_048);
        serializer.serialize(CatalogItem.of("i", "APP", "FEED", new String[] {"jazz", "live"}, 0L, true,
                unit(new Random(2)), false), out);

        CatalogItem first = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        CatalogItem second = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(second.app()).isSameAs(first.app());
        assertThat(second.surface()).isSameAs(first.surface());
        assertThat(second.tags()[1]).isSameAs(first.tags()[1]);
        assertThat(second.itemId()).as("ids are shared by SharedProfileStorage, not interned").isNotSameAs(first.itemId());
    }

    private static float[] unit(Random random) {
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalized(v);
    }
}
