package io.attune.jobs.functions;

import io.attune.jobs.stream.ActivityKind;

/** How strongly each kind of activity moves a person's interests; a hide pushes away. */
final class SignalWeights {

    private SignalWeights() {}

    static float of(ActivityKind kind) {
        return switch (kind) {
            case MESSAGE -> 1.0f;
            case FOLLOW -> 1.5f;
            case LIKE -> 1.0f;
            case VIEW -> 0.25f;
            case HIDE -> -1.0f;
            // The identity stage turns erasure requests into erasures; they never reach a profile as activity.
            case ERASE -> 0.0f;
        };
    }
}
