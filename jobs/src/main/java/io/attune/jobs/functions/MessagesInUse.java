package io.attune.jobs.functions;

import io.attune.jobs.events.AssistantMessage;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;

/**
 * Lets through the assistant messages sent from the date their use begins ({@code assistant.messages-used-from}):
 * a platform that announces "from this date on, what you tell the assistant shapes your feeds" must not use what
 * people said before it, even when a backfill or a replay of old topics brings it in. Dropped before embedding, so
 * the model never reads them, and counted ({@code messagesBeforeUse}).
 */
public class MessagesInUse extends RichFilterFunction<AssistantMessage> {

    private static final long serialVersionUID = 1L;

    private final long usedFrom;
    private transient Counter before;

    /** @param usedFrom event time, epoch milliseconds, of the first message that may be used */
    public MessagesInUse(long usedFrom) {
        this.usedFrom = usedFrom;
    }

    @Override
    public void open(OpenContext openContext) {
        before = getRuntimeContext().getMetricGroup().counter("messagesBeforeUse");
    }

    @Override
    public boolean filter(AssistantMessage message) {
        if (message.timestamp() >= usedFrom) {
            return true;
        }
        before.inc();
        return false;
    }
}
