package io.attune.jobs.functions;

import io.attune.jobs.stream.CatalogUpdate;
import io.attune.jobs.stream.ItemPair;
import io.attune.jobs.stream.Resent;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link ItemNeighborhood} and, in a streaming job, sends every item's last publication again after each start,
 * then a {@link Resent} marker: the profile operator, which ranks with the published tables, checkpoints none of them
 * (operator state, written in full at every checkpoint), where this operator's keyed state is incremental.
 */
public class ItemNeighborhoodOperator extends KeyedProcessOperator<String, ItemPair, CatalogUpdate> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ItemNeighborhoodOperator.class);

    private final ItemNeighborhood neighborhood;
    private final boolean resendOnStart;
    private transient boolean resent;
    private transient Counter tablesResent;

    /** @param resendOnStart whether to send every kept publication and the marker once started (streaming runs) */
    public ItemNeighborhoodOperator(ItemNeighborhood neighborhood, boolean resendOnStart) {
        super(neighborhood);
        this.neighborhood = neighborhood;
        this.resendOnStart = resendOnStart;
    }

    @Override
    public void open() throws Exception {
        super.open();
        tablesResent = getMetricGroup().counter("itemTablesResent");
        if (resendOnStart) {
            // From the mailbox, once the task runs: records are not to be emitted while operators are still opening.
            getProcessingTimeService().registerTimer(getProcessingTimeService().getCurrentProcessingTime(),
                    time -> resendAll());
        }
    }

    @Override
    public void finish() throws Exception {
        // A bounded input may end before the start's resend ran: the profile operator still waits for the marker.
        if (resendOnStart) {
            resendAll();
        }
        super.finish();
    }

    private void resendAll() throws Exception {
        if (resent) {
            return;
        }
        resent = true;
        long started = System.nanoTime();
        int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        tablesResent.inc(ResendHeld.resend(getKeyedStateBackend(),
                ItemNeighborhood.publishedDescriptor(neighborhood.retention()), CatalogUpdate::of,
                Resent.From.ITEM_NEIGHBORHOOD, subtask, subtasks, output));
        LOG.info("Item neighbourhood subtask {} of {} sent again the {} publications it holds in {} ms", subtask,
                subtasks, tablesResent.getCount(), (System.nanoTime() - started) / 1_000_000);
    }
}
