package io.attune.jobs.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.attune.jobs.stream.CatalogItem;
import org.junit.jupiter.api.Test;

/**
 * The profile subtasks of one job in a JVM share one {@link SharedProfileStorage}; other jobs have their own. Its
 * catalog keeps one copy of each item however many subtasks were given it.
 */
class SharedProfileStorageTest {

    private static final float[] RUNNING = {0.6f, 0.8f, 0f};

    @Test
    void oneJobsSubtasksShareTheStorageUntilTheLastLetsGo() {
        SharedProfileStorage first = SharedProfileStorage.acquire("job-a");
        SharedProfileStorage second = SharedProfileStorage.acquire("job-a");
        SharedProfileStorage otherJob = SharedProfileStorage.acquire("job-b");

        assertThat(second).isSameAs(first);
        assertThat(second.itemTables()).isSameAs(first.itemTables());
        assertThat(otherJob).isNotSameAs(first);
        assertThat(SharedProfileStorage.holders("job-a")).isEqualTo(2);

        SharedProfileStorage.release("job-a");
        SharedProfileStorage.release("job-a");
        SharedProfileStorage.release("job-b");
        assertThat(SharedProfileStorage.holders("job-a")).isZero();
        assertThat(SharedProfileStorage.acquire("job-a")).as("made again after the last release").isNotSameAs(first);
        SharedProfileStorage.release("job-a");
    }

    @Test
    void subtasksGivenTheSameCatalogItemKeepOneCopyAndEachItsOwnView() {
        SharedProfileStorage storage = SharedProfileStorage.acquire("job-catalog");
        ReplicatedState.ById<CatalogItem> one = new ReplicatedState.ById<>(CatalogItem::itemId, storage.catalogItems());
        ReplicatedState.ById<CatalogItem> other =
                new ReplicatedState.ById<>(CatalogItem::itemId, storage.catalogItems());

        // Each subtask deserializes its own copy of a broadcast item.
        one.put(item("ig-run", 1L));
        other.put(item("ig-run", 1L));
        assertThat(other.get("ig-run")).isSameAs(one.get("ig-run"));
        assertThat(storage.catalogVersions("ig-run")).isEqualTo(1);

        // One subtask is ahead: it holds the update, the other still its own view.
        one.put(item("ig-run", 2L));
        assertThat(one.get("ig-run").timestamp()).isEqualTo(2L);
        assertThat(other.get("ig-run").timestamp()).isEqualTo(1L);
        assertThat(storage.catalogVersions("ig-run")).isEqualTo(2);
        other.put(item("ig-run", 2L));
        assertThat(other.get("ig-run")).isSameAs(one.get("ig-run"));
        assertThat(storage.catalogVersions("ig-run")).as("the old version went with its last holder").isEqualTo(1);

        one.remove("ig-run");
        assertThat(storage.catalogVersions("ig-run")).isEqualTo(1);
        other.release();
        assertThat(storage.catalogVersions("ig-run")).isZero();
        assertThat(other.get("ig-run")).isNull();
        SharedProfileStorage.release("job-catalog");
    }

    @Test
    void itemsThatDifferInAnyFieldAreNotTheSame() {
        CatalogItem item = item("ig-run", 1L);

        assertThat(item.sameContent(item("ig-run", 1L))).isTrue();
        assertThat(item.sameContent(item("ig-jazz", 1L))).isFalse();
        assertThat(item.sameContent(CatalogItem.of("ig-run", "INSTAGRAM", "FEED", new String[] {"running", "new"}, 1L,
                true, RUNNING, false))).as("tags").isFalse();
        assertThat(item.sameContent(CatalogItem.of("ig-run", "INSTAGRAM", "FEED", new String[] {"running"}, 1L, true,
                new float[] {0.8f, 0.6f, 0f}, false))).as("embedding").isFalse();
        assertThat(item.sameContent(CatalogItem.of("ig-run", "INSTAGRAM", "FEED", new String[] {"running"}, 1L, true,
                RUNNING, true))).as("sensitive").isFalse();
        assertThat(item.sameContent(CatalogItem.of("ig-run", "INSTAGRAM", "REELS", new String[] {"running"}, 1L, true,
                RUNNING, false))).as("surface").isFalse();
    }

    private static CatalogItem item(String id, long timestamp) {
        return CatalogItem.of(id, "INSTAGRAM", "FEED", new String[] {"running"}, timestamp, true, RUNNING, false);
    }
}
