package io.attune.jobs.stream;

import io.attune.models.ranking.NeighborTable;

/**
 * What the engagement stream has learned about one item: how many positive engagements it had, which items
 * were engaged with soon after or before it ({@code neighbors}), and which items the same people liked
 * within a longer stretch of their history ({@code affinity}; {@code null}, read as none, in state written
 * before 0.5).
 */
public record ItemSignals(String itemId, float popularity, NeighborTable neighbors, NeighborTable affinity) {

    /** Signals without affinity (none learned yet). */
    public ItemSignals(String itemId, float popularity, NeighborTable neighbors) {
        this(itemId, popularity, neighbors, NeighborTable.empty());
    }

    public NeighborTable affinityOrEmpty() {
        return affinity == null ? NeighborTable.empty() : affinity;
    }
}
