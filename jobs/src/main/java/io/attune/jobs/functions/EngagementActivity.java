package io.attune.jobs.functions;

import io.attune.jobs.events.EngagementSignal;
import io.attune.jobs.stream.ActivityKind;
import io.attune.jobs.stream.ActivitySignal;
import org.apache.flink.api.common.functions.MapFunction;

/** Turns an engagement into the activity form the identity stage routes. */
public class EngagementActivity implements MapFunction<EngagementSignal, ActivitySignal> {

    private static final long serialVersionUID = 1L;

    @Override
    public ActivitySignal map(EngagementSignal signal) {
        return new ActivitySignal(signal.eventId(), signal.app(), signal.accountId(), signal.timestamp(),
                ActivityKind.valueOf(signal.kind().name()), signal.itemId(), null);
    }
}
