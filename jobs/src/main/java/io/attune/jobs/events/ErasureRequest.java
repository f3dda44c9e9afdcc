package io.attune.jobs.events;

/**
 * An account holder's request that Attune forget everything it derived from the account, from the
 * {@code erasure-requests} topic (GDPR Article 17). It covers what happened up to {@code timestamp}: activity of
 * the account at or before that time that arrives later is dropped, and the account's link to an accounts center
 * is forgotten with the rest (a later link event links it again).
 *
 * @param requestId the id the erasure receipt repeats, unique per request
 * @param timestamp event time of the request, epoch milliseconds
 */
public record ErasureRequest(String requestId, String app, String accountId, long timestamp) {}
