package io.attune.jobs.inspect;

import io.attune.jobs.Uids;
import io.attune.jobs.functions.UpdateProfile;
import io.attune.jobs.state.CatalogItemSliceSerializer;
import io.attune.jobs.stream.CatalogItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.OperatorStateHandle;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.state.api.runtime.SavepointLoader;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Reads the personalization job's state out of a savepoint (or a retained checkpoint) with Flink's State Processor
 * API, without the job running: for answering a person's access request, and for seeing what a deployment holds.
 * Reads each stateful operator by its uid ({@link Uids}) and its state by the descriptor the operator itself uses,
 * so the two cannot drift apart. Reads with the job's state backend, RocksDB, so that savepoints in its native format
 * and retained checkpoints read as well as canonical savepoints. Counting runs inside the reading job and the catalog is streamed, so neither a
 * summary nor a report holds a large savepoint's state in this process.
 */
public final class SavepointInspector {

    /** The operators with keyed state, in the order of the pipeline. */
    public static final List<String> KEYED_OPERATORS =
            List.of(Uids.DROP_OBJECTED_MESSAGES, Uids.RESOLVE_IDENTITY, Uids.CO_ENGAGEMENT_PAIRS,
                    Uids.ITEM_NEIGHBORHOOD, Uids.UPDATE_PROFILE);

    private final String savepoint;
    private final Configuration flinkConf;
    private Set<OperatorID> held;

    public SavepointInspector(String savepoint, Configuration flinkConf) {
        this.savepoint = savepoint;
        this.flinkConf = flinkConf;
    }

    /** The keyed operators the savepoint has no state for: a savepoint of a release before they existed. */
    public List<String> absentOperators() throws IOException {
        List<String> absent = new ArrayList<>();
        for (String uid : KEYED_OPERATORS) {
            if (!holds(uid)) {
                absent.add(uid);
            }
        }
        return absent;
    }

    /** What each operator's state takes in the savepoint, from its metadata. */
    public List<StateSizes.OperatorBytes> stateSizes() throws IOException {
        return StateSizes.of(SavepointLoader.loadSavepointMetadata(savepoint));
    }

    /** The entries of the given keys; a {@code null} filter skips that stage. */
    public List<KeyedStateEntry> entries(KeyFilter accounts, KeyFilter persons, KeyFilter items) throws Exception {
        StreamExecutionEnvironment env = environment();
        DataStream<KeyedStateEntry> read = keyedState(env, accounts, persons, items);
        List<KeyedStateEntry> entries = new ArrayList<>();
        if (read != null) {
            try (CloseableIterator<KeyedStateEntry> it = read.executeAndCollect("attune-inspect-keyed-state")) {
                it.forEachRemaining(entries::add);
            }
        }
        return entries;
    }

    /** Counts of all keyed state, summed inside the reading job. */
    public StateTally tally() throws Exception {
        StreamExecutionEnvironment env = environment();
        DataStream<KeyedStateEntry> read = keyedState(env, KeyFilter.all(), KeyFilter.all(), KeyFilter.all());
        StateTally total = StateTally.empty();
        if (read != null) {
            DataStream<StateTally> tallies = read.map(new CountState()).name("count-state")
                    .keyBy(new AllTogether()).reduce(new SumTallies()).name("sum-tallies");
            try (CloseableIterator<StateTally> it = tallies.executeAndCollect("attune-inspect-tally")) {
                while (it.hasNext()) {
                    total = total.plus(it.next());
                }
            }
        }
        return total;
    }

    /** Catalog items per app surface, counted inside the reading job. */
    public List<CatalogTally> catalogTally() throws Exception {
        StreamExecutionEnvironment env = environment();
        List<CatalogTally> out = new ArrayList<>();
        if (!holds(Uids.UPDATE_PROFILE)) {
            return out;
        }
        SavepointReader reader = SavepointReader.read(env, savepoint, new EmbeddedRocksDBStateBackend());
        DataStream<CatalogTally> counted = profileStageCatalog(reader).map(new CountCatalogItem(true))
                .name("count-profile-stage-catalog");
        DataStream<CatalogItem> stored = catalogStore(reader);
        if (stored != null) {
            counted = counted.union(stored.map(new CountCatalogItem(false)).name("count-catalog-store"));
        }
        DataStream<CatalogTally> tallies = counted.keyBy(new BySurface()).reduce(new SumCatalogTallies())
                .name("sum-catalog");
        try (CloseableIterator<CatalogTally> it = tallies.executeAndCollect("attune-inspect-catalog-tally")) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    /** Streams every catalog item through {@code action}; none is kept here. */
    public void forEachCatalogItem(Consumer<CatalogItem> action) throws Exception {
        if (!holds(Uids.UPDATE_PROFILE)) {
            return;
        }
        try (CloseableIterator<CatalogItem> it = catalog(environment()).executeAndCollect("attune-inspect-catalog")) {
            it.forEachRemaining(action);
        }
    }

    private DataStream<KeyedStateEntry> keyedState(
            StreamExecutionEnvironment env, KeyFilter accounts, KeyFilter persons, KeyFilter items) throws Exception {
        SavepointReader reader = SavepointReader.read(env, savepoint, new EmbeddedRocksDBStateBackend());
        List<DataStream<KeyedStateEntry>> reads = new ArrayList<>();
        if (accounts != null) {
            keyed(reader, Uids.DROP_OBJECTED_MESSAGES, new ReadMessageObjections(accounts), reads);
            keyed(reader, Uids.RESOLVE_IDENTITY, new ReadIdentities(accounts), reads);
        }
        if (persons != null) {
            keyed(reader, Uids.UPDATE_PROFILE, new ReadProfiles(persons), reads);
            keyed(reader, Uids.CO_ENGAGEMENT_PAIRS, new ReadCoEngagementWindows(persons), reads);
        }
        if (items != null) {
            keyed(reader, Uids.ITEM_NEIGHBORHOOD, new ReadItemSignals(items), reads);
        }
        if (reads.isEmpty()) {
            return null;
        }
        DataStream<KeyedStateEntry> all = reads.get(0);
        for (DataStream<KeyedStateEntry> more : reads.subList(1, reads.size())) {
            all = all.union(more);
        }
        return all.filter(new HeldEntries()).name("held-entries");
    }

    private void keyed(SavepointReader reader, String uid, KeyedStateReaderFunction<String, KeyedStateEntry> function,
            List<DataStream<KeyedStateEntry>> reads) throws Exception {
        if (holds(uid)) {
            reads.add(reader.readKeyedState(OperatorIdentifier.forUid(uid), function,
                    TypeInformation.of(String.class), TypeInformation.of(KeyedStateEntry.class)));
        }
    }

    /**
     * The catalog: the catalog store's keyed state since 0.12, beside the items the profile stage still carries in its
     * slices.
     */
    private DataStream<CatalogItem> catalog(StreamExecutionEnvironment env) throws Exception {
        SavepointReader reader = SavepointReader.read(env, savepoint, new EmbeddedRocksDBStateBackend());
        DataStream<CatalogItem> profileStage = profileStageCatalog(reader);
        DataStream<CatalogItem> stored = catalogStore(reader);
        return stored == null ? profileStage : stored.union(profileStage);
    }

    /** The catalog store's items (0.12 and later); {@code null} for a savepoint without the store. */
    private DataStream<CatalogItem> catalogStore(SavepointReader reader) throws Exception {
        if (!holds(Uids.CATALOG_STORE)) {
            return null;
        }
        return reader.readKeyedState(OperatorIdentifier.forUid(Uids.CATALOG_STORE), new ReadCatalogStore(),
                TypeInformation.of(String.class), TypeInformation.of(CatalogItem.class));
    }

    /**
     * The items the profile stage writes itself: its slices (union list state, each item once) since 0.7, before 0.12
     * the whole catalog and since then only what it carries from then; before 0.7 the broadcast state of one subtask.
     */
    private DataStream<CatalogItem> profileStageCatalog(SavepointReader reader) throws Exception {
        OperatorIdentifier profiles = OperatorIdentifier.forUid(Uids.UPDATE_PROFILE);
        if (holdsOperatorState(profiles, UpdateProfile.CATALOG_SLICES)) {
            return reader.readUnionState(profiles, UpdateProfile.CATALOG_SLICES,
                    TypeInformation.of(CatalogItem.class), new CatalogItemSliceSerializer());
        }
        return reader.readBroadcastState(profiles, UpdateProfile.CATALOG.getName(),
                        TypeInformation.of(String.class), TypeInformation.of(CatalogItem.class))
                .map(new BroadcastValue<>())
                .returns(TypeInformation.of(CatalogItem.class))
                .name("broadcast-catalog");
    }

    private boolean holdsOperatorState(OperatorIdentifier operator, String name) throws IOException {
        for (OperatorState state : SavepointLoader.loadSavepointMetadata(savepoint).getOperatorStates()) {
            if (!state.getOperatorID().equals(operator.getOperatorId())) {
                continue;
            }
            for (OperatorSubtaskState subtask : state.getStates()) {
                for (OperatorStateHandle handle : subtask.getManagedOperatorState()) {
                    if (handle.getStateNameToPartitionOffsets().containsKey(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean holds(String uid) throws IOException {
        if (held == null) {
            held = new HashSet<>();
            for (OperatorState state : SavepointLoader.loadSavepointMetadata(savepoint).getOperatorStates()) {
                held.add(state.getOperatorID());
            }
        }
        return held.contains(OperatorIdentifier.forUid(uid).getOperatorId());
    }

    private StreamExecutionEnvironment environment() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConf);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        return env;
    }
}
