package io.attune.jobs.inspect;

import io.attune.jobs.Uids;
import io.attune.jobs.functions.CoEngagementPairs;
import io.attune.jobs.state.RecentLikes;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

/** Reads the co-engagement stage's state: each person's windows of latest engaged items. */
public class ReadCoEngagementWindows extends KeyedStateReaderFunction<String, KeyedStateEntry> {

    private static final long serialVersionUID = 1L;

    private final KeyFilter persons;
    private transient ValueState<RecentLikes> engagements;
    private transient ValueState<RecentLikes> likes;

    public ReadCoEngagementWindows(KeyFilter persons) {
        this.persons = persons;
    }

    @Override
    public void open(OpenContext openContext) {
        engagements = getRuntimeContext().getState(
                CoEngagementPairs.windowDescriptor(CoEngagementPairs.RECENT_ENGAGEMENTS, StoredState.TTL));
        likes = getRuntimeContext().getState(
                CoEngagementPairs.windowDescriptor(CoEngagementPairs.RECENT_LIKES, StoredState.TTL));
    }

    @Override
    public void readKey(String person, Context ctx, Collector<KeyedStateEntry> out) throws Exception {
        RecentLikes recent = engagements.value();
        RecentLikes strong = likes.value();
        out.collect((recent != null || strong != null) && persons.keeps(person)
                ? KeyedStateEntry.windows(Uids.CO_ENGAGEMENT_PAIRS, person, recent, strong)
                : KeyedStateEntry.skipped(Uids.CO_ENGAGEMENT_PAIRS, person));
    }
}
