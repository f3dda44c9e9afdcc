package io.attune.models.ranking;

/**
 * One interest to rank for: a unit-length direction, its weight, and where the signals behind it came
 * from (an app name, shown in reasons).
 */
public record Interest(float[] direction, float weight, String origin) {}
