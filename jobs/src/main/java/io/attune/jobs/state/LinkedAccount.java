package io.attune.jobs.state;

/** One account of a person, in profile state. */
public record LinkedAccount(String app, String accountId) {}
