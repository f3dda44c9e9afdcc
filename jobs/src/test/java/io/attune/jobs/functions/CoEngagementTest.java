package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attune.jobs.stream.ActivityKind;
import io.attune.jobs.stream.ActivitySignal;
import io.attune.jobs.stream.CatalogItem;
import io.attune.jobs.stream.CatalogUpdate;
import io.attune.jobs.stream.ItemPair;
import io.attune.jobs.stream.ItemSignals;
import io.attune.jobs.stream.PersonEvent;
import io.attune.jobs.stream.PersonEventType;
import io.attune.models.ranking.NeighborTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The two operators that learn co-engagement and popularity from the engagement stream, on RocksDB. */
class CoEngagementTest {

    private static final Duration RETENTION = Duration.ofDays(90);

    @Test
    void eachPositiveEngagementPairsWithTheLatestOnesAndCountsItself() throws Exception {
        try (var harness = pairsHarness()) {
            like(harness, "ana", "a", ActivityKind.LIKE, 1L);
            like(harness, "ana", "b", ActivityKind.VIEW, 2L);
            like(harness, "ben", "c", ActivityKind.LIKE, 3L);
            like(harness, "ana", "d", ActivityKind.HIDE, 4L);
            like(harness, "ana", "e", ActivityKind.LIKE, 5L);
            like(harness, "ana", "f", ActivityKind.LIKE, 6L);

            assertThat(harness.extractOutputValues()).extracting(p -> p.from() + ">" + p.to() + ":" + p.weight())
                    .containsExactly(
                            "a>a:1.0",
                            "b>b:0.25", "a>b:0.25", "b>a:0.25",
                            "c>c:1.0",
                            "e>e:1.0", "a>e:1.0", "e>a:1.0", "b>e:0.25", "e>b:0.25",
                            // Two recent likes kept: a fell out when e came in.
                            "f>f:1.0", "b>f:0.25", "f>b:0.25", "e>f:1.0", "f>e:1.0");
        }
    }

    @Test
    void pairsFartherApartCountLessUnderPairDecay() throws Exception {
        try (var harness = pairsHarness(new CoEngagementPairs(3, 0.5f, 1f, RETENTION))) {
            like(harness, "ana", "a", ActivityKind.LIKE, 1L);
            like(harness, "ana", "b", ActivityKind.LIKE, 2L);
            like(harness, "ana", "c", ActivityKind.LIKE, 3L);
            like(harness, "ana", "d", ActivityKind.VIEW, 4L);

            assertThat(harness.extractOutputValues()).filteredOn(p -> p.to().equals("d") && !p.from().equals("d"))
                    .extracting(p -> p.from() + ">d:" + p.weight())
                    .as("d is one after c, two after b, three after a")
                    .containsExactly("a>d:0.0625", "b>d:0.125", "c>d:0.25");
        }
    }

    @Test
    void aPairTeachesTheLaterItemOnlyItsBackwardShare() throws Exception {
        for (float backward : new float[] {0f, 0.5f}) {
            try (var harness = pairsHarness(new CoEngagementPairs(2, 1f, backward, RETENTION))) {
                like(harness, "ana", "a", ActivityKind.LIKE, 1L);
                like(harness, "ana", "b", ActivityKind.LIKE, 2L);

                var pairs = harness.extractOutputValues().stream()
                        .filter(p -> !p.from().equals(p.to()))
                        .map(p -> p.from() + ">" + p.to() + ":" + p.weight())
                        .toList();
                assertThat(pairs).as("backward weight %s", backward).isEqualTo(backward == 0f
                        ? List.of("a>b:1.0")
                        : List.of("a>b:1.0", "b>a:0.5"));
            }
        }
        assertThatThrownBy(() -> new CoEngagementPairs(2, 1f, 1.5f, RETENTION))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("items.pair-backward-weight");
    }

    @Test
    void likesArePairedForAffinityWithTheLongerRunOfLikesBothWaysAndViewsAreNot() throws Exception {
        try (var harness = pairsHarness(new CoEngagementPairs(1, 1f, 1f, 2, RETENTION))) {
            like(harness, "ana", "a", ActivityKind.LIKE, 1L);
            like(harness, "ana", "b", ActivityKind.VIEW, 2L);
            like(harness, "ana", "c", ActivityKind.FOLLOW, 3L);
            like(harness, "ana", "d", ActivityKind.LIKE, 4L);
            like(harness, "ana", "e", ActivityKind.LIKE, 5L);

            assertThat(harness.extractOutputValues()).filteredOn(ItemPair::affinity)
                    .extracting(p -> p.from() + ">" + p.to() + ":" + p.weight())
                    .as("the view b pairs with nothing; with two likes kept, a has fallen out when e comes")
                    .containsExactly("a>c:1.0", "c>a:1.0", "a>d:1.0", "d>a:1.0", "c>d:1.0", "d>c:1.0",
                            "c>e:1.0", "e>c:1.0", "d>e:1.0", "e>d:1.0");
            assertThat(harness.extractOutputValues()).filteredOn(p -> !p.affinity() && !p.from().equals(p.to()))
                    .extracting(p -> p.from() + ">" + p.to())
                    .as("the short-range pairs are as without affinity (window 1)")
                    .containsExactly("a>b", "b>a", "b>c", "c>b", "c>d", "d>c", "d>e", "e>d");
        }
    }

    @Test
    void affinityPairsFillTheAffinityTableNotTheNeighbours() throws Exception {
        try (var harness = neighborhoodHarness(new ItemNeighborhood(4, 4, 3, 2, RETENTION, Duration.ZERO))) {
            for (ItemPair pair : List.of(new ItemPair("a", "b", 1f, 1L), new ItemPair("a", "c", 1f, 2L, true),
                    new ItemPair("a", "d", 1f, 3L, true), new ItemPair("a", "d", 1f, 4L, true),
                    new ItemPair("a", "e", 1f, 5L, true), new ItemPair("a", "e", 1f, 6L, true))) {
                harness.processElement(pair, pair.timestamp());
            }
            List<CatalogUpdate> out = harness.extractOutputValues();
            ItemSignals a = out.get(out.size() - 1).signals();
            assertThat(a.neighbors().neighbors()).containsExactly("b");
            assertThat(a.affinity().neighbors()).as("the two strongest of three slots are published")
                    .containsExactlyInAnyOrder("d", "e");
            assertThat(a.popularity()).as("affinity pairs are not engagements").isZero();
        }
    }

    @Test
    void pastTwiceItsSizeTheAffinityTableKeepsOnlyItsStrongestEntries() throws Exception {
        try (var harness = neighborhoodHarness(new ItemNeighborhood(4, 4, 2, 2, RETENTION, Duration.ZERO))) {
            long time = 1L;
            for (String neighbor : List.of("b", "b", "b", "c", "c", "d", "e")) {
                harness.processElement(new ItemPair("a", neighbor, 1f, time, true), time++);
            }
            // Four entries, twice the size of 2: not pruned yet, so e and d still count.
            harness.processElement(new ItemPair("a", "e", 1f, time, true), time++);
            harness.processElement(new ItemPair("a", "e", 1f, time, true), time++);
            List<CatalogUpdate> out = harness.extractOutputValues();
            assertThat(out.get(out.size() - 1).signals().affinity().neighbors()).containsExactly("b", "e");
            assertThat(out.get(out.size() - 1).signals().affinity().weights()).containsExactly(3f, 3f);

            // A fifth entry prunes to the strongest two, b and e: c and d start over when seen again.
            harness.processElement(new ItemPair("a", "f", 1f, time, true), time++);
            harness.processElement(new ItemPair("a", "c", 1f, time, true), time++);
            out = harness.extractOutputValues();
            NeighborTable published = out.get(out.size() - 1).signals().affinity();
            assertThat(published.neighbors()).containsExactly("b", "e");
            harness.processElement(new ItemPair("a", "c", 5f, time, true), time++);
            out = harness.extractOutputValues();
            published = out.get(out.size() - 1).signals().affinity();
            assertThat(published.neighbors()).as("c counted 1 + 5 since the pruning, not 2 + 1 + 5")
                    .containsExactly("c", "b");
            assertThat(published.weights()).containsExactly(6f, 3f);
        }
    }

    @Test
    void engagementWithASensitiveItemLeavesNoTrace() throws Exception {
        try (var harness = pairsHarness()) {
            harness.processBroadcastElement(CatalogItem.of("clinic", "FACEBOOK", "FEED", new String[0], 0L, true,
                    new float[] {1, 0}, true), 0L);
            like(harness, "ana", "clinic", ActivityKind.LIKE, 1L);
            like(harness, "ana", "jazz", ActivityKind.LIKE, 2L);
            assertThat(harness.extractOutputValues()).extracting(ItemPair::from).containsOnly("jazz");
        }
    }

    @Test
    void sensitiveItemsSurviveARestoreAndThoseKeptAsBroadcastStateBefore07AreMovedOut() throws Exception {
        var before = pairsHarness();
        before.processBroadcastElement(CatalogItem.of("clinic", "FACEBOOK", "FEED", new String[0], 0L, true,
                new float[] {1, 0}, true), 0L);
        // As a savepoint of 0.6 or earlier holds them.
        before.getOperator().getOperatorStateBackend().getBroadcastState(CoEngagementPairs.SENSITIVE_ITEMS)
                .put("old-clinic", true);
        var snapshot = before.snapshot(1L, 1L);
        before.close();

        var harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(new CoEngagementPairs(2, 1f, 1f, RETENTION),
                        List.of(CoEngagementPairs.SENSITIVE_ITEMS)),
                new PersonKey(), Types.STRING, 128, 1, 0);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        harness.initializeState(snapshot);
        harness.open();
        try (harness) {
            like(harness, "ana", "clinic", ActivityKind.LIKE, 1L);
            like(harness, "ana", "old-clinic", ActivityKind.LIKE, 2L);
            like(harness, "ana", "jazz", ActivityKind.LIKE, 3L);
            assertThat(harness.extractOutputValues()).extracting(ItemPair::from).containsOnly("jazz");
            assertThat(harness.getOperator().getOperatorStateBackend()
                    .getBroadcastState(CoEngagementPairs.SENSITIVE_ITEMS).immutableEntries()).isEmpty();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = PersonEventType.class,
            names = {"ERASE", "LEAVE", "STOP_PROFILING"})
    void anAccountErasedUnlinkedOrNoLongerProfiledTakesTheRecentLikesBothWindowsHold(PersonEventType departure) throws Exception {
        try (var harness = pairsHarness(new CoEngagementPairs(4, 1f, 1f, 4, RETENTION))) {
            like(harness, "ana", "a", ActivityKind.LIKE, 1L);
            like(harness, "ana", "b", ActivityKind.LIKE, 2L);
            harness.processElement(new PersonEvent("ana", departure, "FACEBOOK", "fb-ana", 3L, "departure",
                    null), 3L);
            int before = harness.extractOutputValues().size();
            like(harness, "ana", "c", ActivityKind.LIKE, 4L);
            assertThat(harness.extractOutputValues().subList(before, harness.extractOutputValues().size()))
                    .extracting(p -> p.from() + ">" + p.to())
                    .as("c pairs with neither a nor b, for co-engagement or affinity")
                    .containsExactly("c>c");
        }
    }

    @Test
    void recentLikesAreForgottenAfterRetention() throws Exception {
        try (var harness = pairsHarness()) {
            harness.setStateTtlProcessingTime(0L);
            like(harness, "ana", "a", ActivityKind.LIKE, 1L);
            harness.setStateTtlProcessingTime(RETENTION.toMillis() + 1);
            like(harness, "ana", "b", ActivityKind.LIKE, 2L);
            assertThat(harness.extractOutputValues()).extracting(p -> p.from() + ">" + p.to())
                    .containsExactly("a>a", "b>b");
        }
    }

    @Test
    void anItemAccumulatesPopularityAndItsStrongestNeighbours() throws Exception {
        try (var harness = neighborhoodHarness(new ItemNeighborhood(2, 2, RETENTION, Duration.ZERO))) {
            for (ItemPair pair : List.of(new ItemPair("a", "a", 1f, 1L), new ItemPair("a", "b", 1f, 1L),
                    new ItemPair("a", "a", 1f, 2L), new ItemPair("a", "b", 1f, 2L), new ItemPair("a", "c", 0.5f, 3L),
                    new ItemPair("a", "d", 0.25f, 4L), new ItemPair("x", "a", 1f, 5L))) {
                harness.processElement(pair, pair.timestamp());
            }
            List<ItemSignals> out = harness.extractOutputValues().stream().map(CatalogUpdate::signals).toList();
            ItemSignals a = out.stream().filter(s -> s.itemId().equals("a")).reduce((first, second) -> second)
                    .orElseThrow();
            assertThat(a.popularity()).isEqualTo(2f);
            assertThat(a.neighbors().neighbors()).containsExactlyInAnyOrder("b", "d");
            assertThat(a.neighbors().weights()[Arrays.asList(a.neighbors().neighbors()).indexOf("b")]).isEqualTo(2f);
            int d = Arrays.asList(a.neighbors().neighbors()).indexOf("d");
            // Space-Saving: d took c's slot and inherited its 0.5 as possible error; only d's own 0.25 was observed,
            // and only that is published.
            assertThat(a.neighbors().weights()[d]).isEqualTo(0.25f);
            assertThat(a.neighbors().guaranteed(d)).isEqualTo(0.25f);
            assertThat(a.neighbors().errors()).isEmpty();
            assertThat(out.get(out.size() - 1).itemId()).isEqualTo("x");
        }
    }

    @Test
    void onlyTheStrongestNeighboursAreBroadcastWhileTheSketchKeepsCountingTheRest() throws Exception {
        try (var harness = neighborhoodHarness(new ItemNeighborhood(4, 2, RETENTION, Duration.ZERO))) {
            for (ItemPair pair : List.of(new ItemPair("a", "b", 3f, 1L), new ItemPair("a", "c", 1f, 2L),
                    new ItemPair("a", "d", 2f, 3L), new ItemPair("a", "e", 0.5f, 4L))) {
                harness.processElement(pair, pair.timestamp());
            }
            List<CatalogUpdate> out = harness.extractOutputValues();
            assertThat(out.get(out.size() - 1).signals().neighbors().neighbors()).containsExactly("b", "d");

            // c climbs past d only because the unpublished part of the table kept counting it.
            harness.processElement(new ItemPair("a", "c", 1.5f, 5L), 5L);
            out = harness.extractOutputValues();
            assertThat(out.get(out.size() - 1).signals().neighbors().neighbors()).containsExactly("b", "c");
        }
    }

    @Test
    void changesWithinAPublishIntervalGoOutAsOneUpdateWithTheLatestTable() throws Exception {
        try (var harness = neighborhoodHarness(new ItemNeighborhood(4, 4, RETENTION, Duration.ofSeconds(1)))) {
            harness.setProcessingTime(10_200L);
            harness.processElement(new ItemPair("a", "a", 1f, 1L), 1L);
            harness.processElement(new ItemPair("a", "b", 1f, 1L), 1L);
            harness.processElement(new ItemPair("x", "x", 1f, 1L), 1L);
            harness.setProcessingTime(10_900L);
            harness.processElement(new ItemPair("a", "a", 1f, 2L), 2L);
            harness.processElement(new ItemPair("a", "c", 0.5f, 2L), 2L);
            assertThat(harness.extractOutputValues()).as("nothing before the interval ends").isEmpty();

            harness.setProcessingTime(11_000L);
            List<ItemSignals> first = harness.extractOutputValues().stream().map(CatalogUpdate::signals).toList();
            assertThat(first).extracting(ItemSignals::itemId).containsExactlyInAnyOrder("a", "x");
            ItemSignals a = first.stream().filter(s -> s.itemId().equals("a")).findFirst().orElseThrow();
            assertThat(a.popularity()).isEqualTo(2f);
            assertThat(a.neighbors().neighbors()).containsExactlyInAnyOrder("b", "c");

            harness.setProcessingTime(15_000L);
            assertThat(harness.extractOutputValues()).as("no change, no publication").hasSize(2);
            harness.processElement(new ItemPair("a", "a", 1f, 3L), 3L);
            harness.setProcessingTime(16_000L);
            assertThat(harness.extractOutputValues()).hasSize(3);
            assertThat(harness.extractOutputValues().get(2).signals().popularity()).isEqualTo(3f);
        }
    }

    @Test
    void anItemThatChangedByLessThanTheMinimumShareWaitsForMoreChangeOrTheStalenessBound() throws Exception {
        // 10% of the weight at the last publication, or 10 s.
        try (var harness = neighborhoodHarness(new ItemNeighborhood(4, 4, 4, 4, RETENTION, Duration.ofSeconds(1),
                0.1f, Duration.ofSeconds(10), false))) {
            harness.setProcessingTime(500L);
            for (int i = 0; i < 20; i++) {
                harness.processElement(new ItemPair("a", "a", 1f, i), i);
            }
            harness.setProcessingTime(1_000L);
            assertThat(harness.extractOutputValues()).as("a first publication goes out at once").hasSize(1);

            harness.setProcessingTime(1_500L);
            harness.processElement(new ItemPair("a", "a", 1f, 30L), 30L);
            harness.setProcessingTime(2_000L);
            assertThat(harness.extractOutputValues()).as("1 of 20: less than 10%, waits").hasSize(1);
            harness.setProcessingTime(2_500L);
            harness.processElement(new ItemPair("a", "b", 1f, 31L), 31L);
            harness.setProcessingTime(3_000L);
            List<CatalogUpdate> out = harness.extractOutputValues();
            assertThat(out).as("2 of 20: 10%, publishes with both changes").hasSize(2);
            assertThat(out.get(1).signals().popularity()).isEqualTo(21f);
            assertThat(out.get(1).signals().neighbors().neighbors()).containsExactly("b");

            harness.setProcessingTime(3_500L);
            harness.processElement(new ItemPair("a", "a", 1f, 40L), 40L);
            harness.setProcessingTime(12_999L);
            assertThat(harness.extractOutputValues()).as("1 of 22 waits until the bound").hasSize(2);
            harness.setProcessingTime(13_000L);
            out = harness.extractOutputValues();
            assertThat(out).as("10 s after the last publication, sent whatever the change").hasSize(3);
            assertThat(out.get(2).signals().popularity()).isEqualTo(22f);

            harness.setProcessingTime(60_000L);
            assertThat(harness.extractOutputValues()).as("no change since, nothing more").hasSize(3);
        }
    }

    @Test
    void aMinimumChangeOfZeroPublishesEveryIntervalWithAChange() throws Exception {
        try (var harness = neighborhoodHarness(new ItemNeighborhood(4, 4, 4, 4, RETENTION, Duration.ofSeconds(1),
                0f, Duration.ofSeconds(10), false))) {
            for (int second = 0; second < 3; second++) {
                harness.setProcessingTime(second * 1_000L + 500L);
                harness.processElement(new ItemPair("a", "a", 1f, second), second);
            }
            harness.setProcessingTime(3_000L);
            assertThat(harness.extractOutputValues()).extracting(update -> update.signals().popularity())
                    .containsExactly(1f, 2f, 3f);
        }
    }

    @Test
    void pairsOfOneInstantBuildTheSameTablesInWhateverOrderTheyArrive() throws Exception {
        // A full table (2 slots) evicts by the order of additions: an earlier version published {c, d} for this
        // order and {b, c} for its reverse. A replay's sort gives equal timestamps no fixed order.
        List<ItemPair> oneInstant = List.of(new ItemPair("a", "b", 1f, 7L), new ItemPair("a", "c", 1f, 7L),
                new ItemPair("a", "d", 1f, 7L), new ItemPair("a", "e", 2f, 8L, true),
                new ItemPair("a", "f", 1f, 8L, true), new ItemPair("a", "g", 1f, 8L, true));
        List<ItemPair> reversed = new ArrayList<>(oneInstant.subList(0, 3));
        java.util.Collections.reverse(reversed);
        List<ItemPair> later = new ArrayList<>(oneInstant.subList(3, 6));
        java.util.Collections.reverse(later);
        reversed.addAll(later);
        assertThat(publishedAfter(oneInstant)).usingRecursiveComparison().isEqualTo(publishedAfter(reversed));
        assertThat(publishedAfter(oneInstant).neighbors().neighbors()).hasSize(2);
    }

    private static ItemSignals publishedAfter(List<ItemPair> pairs) throws Exception {
        try (var harness = neighborhoodHarness(new ItemNeighborhood(2, 2, 2, 2, RETENTION, Duration.ofSeconds(1), true))) {
            harness.setProcessingTime(500L);
            for (ItemPair pair : pairs) {
                harness.processElement(pair, pair.timestamp());
            }
            harness.setProcessingTime(1_000L);
            List<CatalogUpdate> out = harness.extractOutputValues();
            assertThat(out).hasSize(1);
            return out.get(0).signals();
        }
    }

    @Test
    void aFullTableOf512NeighboursIsAbout10KiBOnTheWire() throws Exception {
        NeighborTable table = NeighborTable.empty();
        for (int i = 0; i < 600; i++) {
            table = table.add(String.format("item-%06d", i), 1f + i % 7, 512);
        }
        DataOutputSerializer bytes = new DataOutputSerializer(16_384);
        TypeInformation.of(ItemSignals.class).createSerializer(new SerializerConfigImpl())
                .serialize(new ItemSignals("item-000000", 42f, table), bytes);
        System.out.printf("item signals with 512 neighbours (11-character ids): %d bytes%n", bytes.length());
        assertThat(table.neighbors()).hasSize(512);
        // Every profile subtask holds one of these per engaged item, hence the note on items.neighbors.
        assertThat(bytes.length()).isBetween(512 * 20, 512 * 22);
    }

    @Test
    void anItemPublishedWithTheDefault64NeighboursAnd256AffinitiesIsAbout5KiBOnTheWire() throws Exception {
        NeighborTable neighbors = NeighborTable.empty();
        NeighborTable affinity = NeighborTable.empty();
        for (int i = 0; i < 300; i++) {
            neighbors = neighbors.add(String.format("item-%06d", i), 1f + i % 7, 64);
            affinity = affinity.add(String.format("item-%06d", i), 1f + i % 5, 256);
        }
        DataOutputSerializer bytes = new DataOutputSerializer(16_384);
        TypeInformation.of(ItemSignals.class).createSerializer(new SerializerConfigImpl())
                .serialize(new ItemSignals("item-000000", 42f, neighbors.strongest(64), affinity.strongest(256)),
                        bytes);
        System.out.printf("item signals with 64 neighbours and 256 affinities (11-character ids): %d bytes%n",
                bytes.length());
        // What every profile subtask holds per engaged item with the default items.published-* options: an id and a
        // guaranteed weight per entry (published tables carry no errors; 20-22 bytes per entry with them).
        assertThat(bytes.length()).isBetween(320 * 16, 320 * 17);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, ItemPair, CatalogUpdate> neighborhoodHarness(
            ItemNeighborhood neighborhood) throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(neighborhood),
                new ItemPairKey(), Types.STRING);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        harness.open();
        return harness;
    }

    private static KeyedBroadcastOperatorTestHarness<String, PersonEvent, CatalogItem, ItemPair> pairsHarness()
            throws Exception {
        return pairsHarness(new CoEngagementPairs(2, 1f, 1f, RETENTION));
    }

    private static KeyedBroadcastOperatorTestHarness<String, PersonEvent, CatalogItem, ItemPair> pairsHarness(
            CoEngagementPairs pairs) throws Exception {
        var harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(pairs,
                        List.of(CoEngagementPairs.SENSITIVE_ITEMS)),
                new PersonKey(), Types.STRING, 128, 1, 0);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        harness.open();
        return harness;
    }

    private static void like(KeyedBroadcastOperatorTestHarness<String, PersonEvent, CatalogItem, ItemPair> harness,
            String person, String item, ActivityKind kind, long time) throws Exception {
        ActivitySignal signal = new ActivitySignal("e" + time, "FACEBOOK", person, time, kind, item, null);
        harness.processElement(new PersonEvent(person, PersonEventType.ACTIVITY, "FACEBOOK", person, time,
                "e" + time, signal), time);
    }
}
