package io.attune.jobs.functions;

import io.attune.jobs.events.ErasureRequest;
import io.attune.jobs.stream.ActivityKind;
import io.attune.jobs.stream.ActivitySignal;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Puts an erasure request on the account's activity stream, which the identity stage is keyed by: the request id
 * rides as the event id.
 */
public class ErasureActivity implements MapFunction<ErasureRequest, ActivitySignal> {

    private static final long serialVersionUID = 1L;

    @Override
    public ActivitySignal map(ErasureRequest request) {
        return new ActivitySignal(request.requestId(), request.app(), request.accountId(), request.timestamp(),
                ActivityKind.ERASE, null, null);
    }
}
