package io.attune.jobs.state;

/** How much one app's signals weigh in a person's interests (decayed like the interests themselves). */
public record AppWeight(String app, float weight, long time) {}
