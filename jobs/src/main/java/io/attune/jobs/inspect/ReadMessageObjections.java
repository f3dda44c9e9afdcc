package io.attune.jobs.inspect;

import io.attune.jobs.Uids;
import io.attune.jobs.functions.DropObjectedMessages;
import io.attune.jobs.state.MessageObjections;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

/** Reads what the stage before the embedding model keeps of each account's objections. */
public class ReadMessageObjections extends KeyedStateReaderFunction<String, KeyedStateEntry> {

    private static final long serialVersionUID = 1L;

    private final KeyFilter accounts;
    private transient ValueState<MessageObjections> objections;

    public ReadMessageObjections(KeyFilter accounts) {
        this.accounts = accounts;
    }

    @Override
    public void open(OpenContext openContext) {
        objections = getRuntimeContext().getState(DropObjectedMessages.objectionsDescriptor());
    }

    @Override
    public void readKey(String account, Context ctx, Collector<KeyedStateEntry> out) throws Exception {
        MessageObjections value = objections.value();
        out.collect(value != null && accounts.keeps(account)
                ? KeyedStateEntry.objections(Uids.DROP_OBJECTED_MESSAGES, account, value)
                : KeyedStateEntry.skipped(Uids.DROP_OBJECTED_MESSAGES, account));
    }
}
