package io.attune.jobs.state;

/**
 * Everything Attune keeps about one person: derived numbers only, never text.
 *
 * @param interest decayed sum of signal embeddings; {@code null} until the first signal
 * @param interestTime event time the interest vector is expressed at, epoch milliseconds
 * @param accounts the person's linked accounts
 * @param appWeights per-app decayed signal weight, to explain recommendations
 * @param version the last profileVersion emitted
 * @param lastActive wall-clock time of the last update, for retention
 */
public record ProfileState(
        float[] interest, long interestTime, LinkedAccount[] accounts, AppWeight[] appWeights, long version,
        long lastActive) {}
