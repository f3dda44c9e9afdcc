package io.attune.jobs.inspect;

import io.attune.jobs.Uids;
import io.attune.jobs.functions.ResolveIdentity;
import io.attune.jobs.state.IdentityState;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

/** Reads the identity stage's state: which person each account belongs to. */
public class ReadIdentities extends KeyedStateReaderFunction<String, KeyedStateEntry> {

    private static final long serialVersionUID = 1L;

    private final KeyFilter accounts;
    private transient ValueState<IdentityState> identity;
    private transient MapState<Long, Long> recentEvents;

    public ReadIdentities(KeyFilter accounts) {
        this.accounts = accounts;
    }

    @Override
    public void open(OpenContext openContext) {
        identity = getRuntimeContext().getState(ResolveIdentity.identityDescriptor());
        recentEvents = getRuntimeContext().getMapState(
                ResolveIdentity.recentEventsDescriptor(StoredState.TTL));
    }

    private static long count(Iterable<Long> keys) {
        long n = 0;
        for (Long ignored : keys) {
            n++;
        }
        return n;
    }

    @Override
    public void readKey(String account, Context ctx, Collector<KeyedStateEntry> out) throws Exception {
        IdentityState value = identity.value();
        out.collect(value != null && accounts.keeps(account)
                ? KeyedStateEntry.identity(Uids.RESOLVE_IDENTITY, account, value, count(recentEvents.keys()))
                : KeyedStateEntry.skipped(Uids.RESOLVE_IDENTITY, account));
    }
}
