package io.attune.models.guard;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The guard's verdict on one message.
 *
 * @param scores score in [0, 1] per category id
 * @param categories the category ids at or above their threshold
 * @param sensitive true when the message must not touch any state
 * @param failedClosed true when classification failed and the message was suppressed for safety
 */
public record GuardDecision(
        Map<String, Float> scores, List<String> categories, boolean sensitive, boolean failedClosed) {

    public GuardDecision {
        scores = Collections.unmodifiableMap(scores);
        categories = List.copyOf(categories);
    }

    /** The decision when classification could not be done: suppress. */
    public static GuardDecision failClosed() {
        return new GuardDecision(Map.of(), List.of("UNCLASSIFIED"), true, true);
    }
}
