package io.attune.jobs.events;

/**
 * Confirms an {@link ErasureRequest}, to the {@code erasure-receipts} topic. With exactly-once delivery a receipt
 * becomes readable only with the checkpoint that holds the erased state of every stage, so a consumer that sees
 * it can tell the account holder the erasure is done. No text and nothing about the person beyond the request's
 * own fields.
 *
 * @param requestedAt the request's event time, epoch milliseconds
 * @param erasedAt wall-clock time the identity stage applied it, epoch milliseconds
 * @param wasLinked whether the account belonged to an accounts center, whose profile kept its other accounts
 */
public record ErasureReceipt(
        String requestId, String app, String accountId, long requestedAt, long erasedAt, boolean wasLinked) {}
