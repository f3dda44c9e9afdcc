package io.attune.models.profile;

import io.attune.models.math.Vectors;
import java.time.Duration;

/**
 * An interest vector that fades with event time: a signal's weight halves every half-life, so last
 * year's trip stops steering today's feed. The vector is kept unnormalised (its norm is the total decayed
 * weight behind it); ranking uses its direction.
 */
public final class InterestDecay {

    private final double halfLifeMillis;

    public InterestDecay(Duration halfLife) {
        if (halfLife.isZero() || halfLife.isNegative()) {
            throw new IllegalArgumentException("half-life must be positive, was " + halfLife);
        }
        this.halfLifeMillis = halfLife.toMillis();
    }

    /** Factor by which a weight recorded at {@code fromMillis} has faded by {@code toMillis}. */
    public float factor(long fromMillis, long toMillis) {
        long elapsed = Math.max(0, toMillis - fromMillis);
        return (float) Math.pow(0.5, elapsed / halfLifeMillis);
    }

    /**
     * Adds a signal to an interest vector, in place.
     *
     * <p>Event time drives the decay: a signal newer than the vector first fades the vector to the signal's
     * time; a late signal (older than the vector) is itself faded to the vector's time, so order of arrival
     * does not change the result beyond float rounding.
     *
     * @param interest the vector, changed in place
     * @param interestTime event time the vector is expressed at
     * @param signal unit-length embedding of the signal
     * @param weight signed weight: positive pulls toward the signal, negative pushes away
     * @param signalTime event time of the signal
     * @return the event time the vector is now expressed at
     */
    public long accumulate(float[] interest, long interestTime, float[] signal, float weight, long signalTime) {
        if (signalTime >= interestTime) {
            Vectors.scale(interest, factor(interestTime, signalTime));
            Vectors.addScaled(interest, signal, weight);
            return signalTime;
        }
        Vectors.addScaled(interest, signal, weight * factor(signalTime, interestTime));
        return interestTime;
    }
}
