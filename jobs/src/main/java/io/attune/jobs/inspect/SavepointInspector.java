package io.attune.jobs.inspect;

import io.attune.jobs.Uids;
import io.attune.jobs.functions.UpdateProfile;
import io.attune.jobs.stream.CatalogItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Reads the personalization job's state out of a savepoint (or a retained checkpoint) with Flink's State Processor
 * API, without the job running: for answering a person's access request, and for seeing what a deployment holds.
 * Reads each stateful operator by its uid ({@link Uids}) and its state by the descriptor the operator itself uses,
 * so the two cannot drift apart.
 */
public final class SavepointInspector {

    private final String savepoint;
    private final Configuration flinkConf;

    public SavepointInspector(String savepoint, Configuration flinkConf) {
        this.savepoint = savepoint;
        this.flinkConf = flinkConf;
    }

    /**
     * What the savepoint holds for the given keys: {@code null} filters skip an operator. An operator the savepoint
     * has no state for (a savepoint of an older release) contributes nothing.
     */
    public Contents read(KeyFilter accounts, KeyFilter persons, KeyFilter items, boolean catalog) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConf);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        SavepointReader reader = SavepointReader.read(env, savepoint);
        List<DataStream<KeyedStateEntry>> reads = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        if (accounts != null) {
            keyed(reader, Uids.RESOLVE_IDENTITY, new ReadIdentities(accounts), reads, absent);
        }
        if (persons != null) {
            keyed(reader, Uids.UPDATE_PROFILE, new ReadProfiles(persons), reads, absent);
            keyed(reader, Uids.CO_ENGAGEMENT_PAIRS, new ReadCoEngagementWindows(persons), reads, absent);
        }
        if (items != null) {
            keyed(reader, Uids.ITEM_NEIGHBORHOOD, new ReadItemSignals(items), reads, absent);
        }
        List<KeyedStateEntry> entries = new ArrayList<>();
        if (!reads.isEmpty()) {
            DataStream<KeyedStateEntry> all = reads.get(0);
            for (DataStream<KeyedStateEntry> more : reads.subList(1, reads.size())) {
                all = all.union(more);
            }
            try (CloseableIterator<KeyedStateEntry> it =
                    all.filter(new HeldEntries()).name("held-entries").executeAndCollect("attune-inspect-keyed-state")) {
                it.forEachRemaining(entries::add);
            }
        }
        Map<String, CatalogItem> catalogItems = new LinkedHashMap<>();
        if (catalog) {
            StreamExecutionEnvironment catalogEnv = StreamExecutionEnvironment.getExecutionEnvironment(flinkConf);
            catalogEnv.setRuntimeMode(RuntimeExecutionMode.BATCH);
            DataStream<Tuple2<String, CatalogItem>> catalogState = SavepointReader.read(catalogEnv, savepoint)
                    .readBroadcastState(OperatorIdentifier.forUid(Uids.UPDATE_PROFILE),
                            UpdateProfile.CATALOG.getName(), TypeInformation.of(String.class),
                            TypeInformation.of(CatalogItem.class));
            try (CloseableIterator<Tuple2<String, CatalogItem>> it =
                    catalogState.executeAndCollect("attune-inspect-catalog")) {
                it.forEachRemaining(entry -> catalogItems.put(entry.f0, entry.f1));
            }
        }
        return new Contents(entries, catalogItems, absent);
    }

    private static void keyed(
            SavepointReader reader, String uid, KeyedStateReaderFunction<String, KeyedStateEntry> function,
            List<DataStream<KeyedStateEntry>> reads, List<String> absent) {
        try {
            reads.add(reader.readKeyedState(OperatorIdentifier.forUid(uid), function,
                    TypeInformation.of(String.class), TypeInformation.of(KeyedStateEntry.class)));
        } catch (IOException e) {
            // The State Processor API's only complaint here: no state for this uid (a savepoint of a release
            // before the operator existed).
            absent.add(uid);
        }
    }

    /**
     * The keyed state entries and the catalog read from a savepoint, and the uids of the stateful operators asked
     * for that it holds no state for.
     */
    public record Contents(
            List<KeyedStateEntry> entries, Map<String, CatalogItem> catalog, List<String> absentOperators) {

        public List<KeyedStateEntry> of(String operator) {
            return entries.stream().filter(e -> e.operator().equals(operator)).toList();
        }
    }
}
