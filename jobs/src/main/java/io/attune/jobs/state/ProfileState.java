package io.attune.jobs.state;

/**
 * Everything Attune keeps about one person: derived numbers only, never text. The interests live with the
 * account whose activity produced them (see {@link LinkedAccount}).
 *
 * @param interest before 0.2, the single interest vector; read once to migrate it, then {@code null}
 * @param interestTime event time all interest weights are expressed at, epoch milliseconds
 * @param accounts the person's linked accounts and what each contributed
 * @param appWeights before 0.2, per-app signal weights; read once to migrate, then {@code null}
 * @param version the last profileVersion emitted
 * @param lastActive wall-clock time of the last update, for retention
 */
public record ProfileState(
        float[] interest, long interestTime, LinkedAccount[] accounts, AppWeight[] appWeights, long version,
        long lastActive) {}
