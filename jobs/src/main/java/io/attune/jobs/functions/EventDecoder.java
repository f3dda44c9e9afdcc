package io.attune.jobs.functions;

import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.InvalidEventException;
import java.io.Serializable;

/** Decodes one topic's JSON payload into its event record; method references to {@link EventJson} fit. */
@FunctionalInterface
public interface EventDecoder<T> extends Serializable {

    T decode(EventJson json, String payload) throws InvalidEventException;
}
