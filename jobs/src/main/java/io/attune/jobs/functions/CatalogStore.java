package io.attune.jobs.functions;

import io.attune.jobs.stream.CatalogItem;
import io.attune.jobs.stream.CatalogUpdate;
import io.attune.jobs.stream.Resent;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Keyed by item id: the catalog's one checkpointed copy, in keyed state, which RocksDB checkpoints incrementally. Every
 * item passes through on its way to the profile operator's broadcast side; a withdrawn item is forgotten here and sent
 * on, so the profile operator forgets it too.
 *
 * <p>The profile operator holds the whole catalog on its heap but no longer writes it into checkpoints, where operator
 * state is written in full every time (about 47 MB per checkpoint at 100,000 items; BENCHMARKS.md). So after every
 * start of a streaming job each subtask here sends again every item it holds and then a {@link CatalogUpdate#resent}
 * marker with its index; a restored profile operator holds person events back until it has the marker from every
 * subtask. A batch run is never restored and sends neither.
 */
public class CatalogStore extends AbstractStreamOperator<CatalogUpdate>
        implements OneInputStreamOperator<CatalogItem, CatalogUpdate> {

    private static final long serialVersionUID = 1L;

    /** Each active item as the guard judged it, by item id: as this operator keeps it and inspect reads it. */
    public static ValueStateDescriptor<CatalogItem> itemDescriptor() {
        return new ValueStateDescriptor<>("catalog-item", CatalogItem.class);
    }

    private final boolean resendOnStart;
    private transient ValueState<CatalogItem> item;
    private transient ResendHeld<CatalogItem> resend;

    /** @param resendOnStart whether to send every item held and the marker once started (streaming runs) */
    public CatalogStore(boolean resendOnStart) {
        this.resendOnStart = resendOnStart;
    }

    @Override
    public void open() throws Exception {
        super.open();
        item = getKeyedStateStore().getState(itemDescriptor());
        resend = new ResendHeld<>(Resent.From.CATALOG_STORE, itemDescriptor(), CatalogUpdate::of,
                getKeyedStateBackend(), output, getMetricGroup().counter("catalogItemsResent"),
                getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks());
        if (resendOnStart) {
            resend.sendWhenRunning(getProcessingTimeService());
        }
    }

    @Override
    public void processElement(StreamRecord<CatalogItem> element) throws Exception {
        CatalogItem value = element.getValue();
        if (value.active() && value.hasVector()) {
            item.update(value);
        } else {
            item.clear();
        }
        output.collect(element.replace(CatalogUpdate.of(value)));
    }

    @Override
    public void finish() throws Exception {
        if (resendOnStart) {
            resend.sendOnce();
        }
        super.finish();
    }
}
