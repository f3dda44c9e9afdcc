package io.attune.jobs.functions;

import io.attune.jobs.events.DeadLetter;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.stream.RawRecord;
import io.attune.jobs.events.InvalidEventException;
import org.apache.flink.metrics.Counter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Decodes and validates one topic's JSON payloads. Anything unusable goes to {@link DeadLetters#TAG} with
 * the reason; the job never fails on input.
 */
public class ParseEvents<T> extends ProcessFunction<RawRecord, T> {

    private static final long serialVersionUID = 1L;

    private final String sourceTopic;
    private final EventJson json;
    private final EventDecoder<T> decoder;
    private final boolean withholdText;
    private transient Counter rejected;

    public ParseEvents(String sourceTopic, EventJson json, EventDecoder<T> decoder) {
        this(sourceTopic, json, decoder, false);
    }

    /**
     * @param withholdText whether a dead letter keeps the payload without its text ({@link EventJson#withoutText}):
     *     for assistant messages, whose text must not be stored anywhere
     */
    public ParseEvents(String sourceTopic, EventJson json, EventDecoder<T> decoder, boolean withholdText) {
        this.sourceTopic = sourceTopic;
        this.json = json;
        this.decoder = decoder;
        this.withholdText = withholdText;
    }

    @Override
    public void open(OpenContext openContext) {
        rejected = getRuntimeContext().getMetricGroup().counter("deadLetters");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<T> out) {
        String payload = record.payload();
        T event;
        try {
            event = decoder.decode(json, payload);
        } catch (InvalidEventException | RuntimeException e) {
            if (rejected != null) {
                rejected.inc();
            }
            String reason;
            if (e instanceof InvalidEventException invalid) {
                reason = withholdText ? invalid.reasonWithoutQuotes() : invalid.getMessage();
            } else {
                reason = "cannot decode: " + (withholdText ? e.getClass().getName() : e.toString());
            }
            ctx.output(DeadLetters.TAG, DeadLetter.of(sourceTopic, withholdText ? EventJson.withoutText(payload) : payload,
                    reason, ctx.timerService().currentProcessingTime(), record.origin()));
            return;
        }
        out.collect(event);
    }
}
