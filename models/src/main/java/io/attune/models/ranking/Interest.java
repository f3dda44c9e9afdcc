package io.attune.models.ranking;

/**
 * One interest to rank for: a unit-length direction, its weight, and where the signals behind it came
 * from (an app name, shown in reasons).
 *
 * @param identity optional: a compact form that determines {@code direction} exactly (the same identity always comes
 *     with the same direction), such as a quantized centroid's codes; {@link InterestDots} keeps it instead of the
 *     direction to find the interest again. {@code null} when there is none.
 */
public record Interest(float[] direction, float weight, String origin, byte[] identity) {

    /** An interest known by its direction only. */
    public Interest(float[] direction, float weight, String origin) {
        this(direction, weight, origin, null);
    }
}
