package io.attune.jobs.inspect;

import io.attune.jobs.Uids;
import io.attune.jobs.functions.UpdateProfile;
import io.attune.jobs.state.ProfileState;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

/** Reads the profile stage's state: each person's accounts, interests and recent items. */
public class ReadProfiles extends KeyedStateReaderFunction<String, KeyedStateEntry> {

    private static final long serialVersionUID = 1L;

    private final KeyFilter persons;
    private transient ValueState<ProfileState> profile;

    public ReadProfiles(KeyFilter persons) {
        this.persons = persons;
    }

    @Override
    public void open(OpenContext openContext) {
        profile = getRuntimeContext().getState(UpdateProfile.profileDescriptor());
    }

    @Override
    public void readKey(String person, Context ctx, Collector<KeyedStateEntry> out) throws Exception {
        ProfileState value = profile.value();
        out.collect(value != null && persons.keeps(person)
                ? KeyedStateEntry.profile(Uids.UPDATE_PROFILE, person, value)
                : KeyedStateEntry.skipped(Uids.UPDATE_PROFILE, person));
    }
}
