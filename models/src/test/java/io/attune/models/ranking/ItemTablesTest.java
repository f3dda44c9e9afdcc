package io.attune.models.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemTablesTest {

    @Test
    void givesBackWhatWasPutByIdWithGuaranteedWeights() {
        ItemTables tables = new ItemTables();
        NeighborTable published = new NeighborTable(new String[] {"b", "c"}, new float[] {5f, 2f}, new float[0]);
        // A table restored from before session 20 still carries its errors: the guaranteed weight is weight - error.
        NeighborTable withErrors = new NeighborTable(new String[] {"a"}, new float[] {4f}, new float[] {1f});
        int a = tables.put("a", 7f, published, withErrors);
        int b = tables.put("b", 3f, null, null);

        assertThat(tables.hasSignals(a)).isTrue();
        assertThat(tables.hasSignals(b)).isTrue();
        assertThat(tables.hasSignals(tables.find("c"))).as("only named in a's table").isFalse();
        assertThat(tables.popularity(a)).isEqualTo(7f);
        assertThat(tables.neighborTable(a).neighbors()).containsExactly("b", "c");
        assertThat(tables.neighborTable(a).weights()).containsExactly(5f, 2f);
        assertThat(tables.neighborTable(a).errors()).isEmpty();
        assertThat(tables.affinityTable(a).neighbors()).containsExactly("a");
        assertThat(tables.affinityTable(a).weights()).containsExactly(3f);
        assertThat(tables.neighborTable(b).neighbors()).isEmpty();
        assertThat(tables.affinityTable(b).neighbors()).isEmpty();
    }

    @Test
    void anItemPutAgainReplacesItsTables() {
        ItemTables tables = new ItemTables();
        tables.put("a", 1f, new NeighborTable(new String[] {"b"}, new float[] {1f}, new float[0]), null);
        int a = tables.put("a", 2f, new NeighborTable(new String[] {"c"}, new float[] {4f}, new float[0]), null);

        assertThat(tables.popularity(a)).isEqualTo(2f);
        assertThat(tables.neighborTable(a).neighbors()).containsExactly("c");
    }
}
