package io.attune.jobs.functions;

import io.attune.jobs.stream.CatalogUpdate;
import io.attune.jobs.stream.ItemPair;
import io.attune.jobs.stream.ItemSignals;
import io.attune.jobs.stream.Resent;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;

/**
 * Runs {@link ItemNeighborhood} and, in a streaming job, sends every item's last publication again after each start,
 * then a {@link Resent} marker: the profile operator, which ranks with the published tables, checkpoints none of them
 * (operator state, written in full at every checkpoint), where this operator's keyed state is incremental.
 */
public class ItemNeighborhoodOperator extends KeyedProcessOperator<String, ItemPair, CatalogUpdate> {

    private static final long serialVersionUID = 1L;

    private final ItemNeighborhood neighborhood;
    private final boolean resendOnStart;
    private transient ResendHeld<ItemSignals> resend;

    /** @param resendOnStart whether to send every kept publication and the marker once started (streaming runs) */
    public ItemNeighborhoodOperator(ItemNeighborhood neighborhood, boolean resendOnStart) {
        super(neighborhood);
        this.neighborhood = neighborhood;
        this.resendOnStart = resendOnStart;
    }

    @Override
    public void open() throws Exception {
        super.open();
        resend = new ResendHeld<>(Resent.From.ITEM_NEIGHBORHOOD,
                ItemNeighborhood.publishedDescriptor(neighborhood.retention()), CatalogUpdate::of,
                getKeyedStateBackend(), output, getMetricGroup().counter("itemTablesResent"),
                getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks());
        if (resendOnStart) {
            resend.sendWhenRunning(getProcessingTimeService());
        }
    }

    @Override
    public void finish() throws Exception {
        if (resendOnStart) {
            resend.sendOnce();
        }
        super.finish();
    }
}
