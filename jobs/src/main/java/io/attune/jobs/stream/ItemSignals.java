package io.attune.jobs.stream;

import io.attune.models.ranking.NeighborTable;

/**
 * What the engagement stream has learned about one item: how many positive engagements it had and which
 * items were engaged with together with it.
 */
public record ItemSignals(String itemId, float popularity, NeighborTable neighbors) {}
