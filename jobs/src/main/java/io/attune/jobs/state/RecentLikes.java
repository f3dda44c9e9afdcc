package io.attune.jobs.state;

/** A person's latest positive engagements (item ids and signal weights, oldest first), for co-engagement. */
public record RecentLikes(String[] items, float[] weights) {}
