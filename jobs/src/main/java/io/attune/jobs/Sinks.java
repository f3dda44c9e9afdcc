package io.attune.jobs;

import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.events.ErasureReceipt;
import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.events.SuppressionCount;
import org.apache.flink.api.connector.sink2.Sink;

/** The job's outputs: Kafka in production, collecting sinks in tests. */
public record Sinks(
        Sink<RecommendationRefresh> refreshes, Sink<DeadLetter> deadLetters, Sink<SuppressionCount> audit,
        Sink<ErasureReceipt> erasureReceipts) {}
