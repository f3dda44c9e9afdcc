package io.attune.jobs.stream;

/** That one message from {@code app} was suppressed for {@code category}: no id, no account, no text. */
public record SuppressionNotice(String app, String category) {}
