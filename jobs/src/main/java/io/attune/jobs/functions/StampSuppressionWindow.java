package io.attune.jobs.functions;

import io.attune.jobs.events.SuppressionCount;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Sets the window bounds on a suppression count. */
public class StampSuppressionWindow
        extends ProcessWindowFunction<SuppressionCount, SuppressionCount, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    @Override
    public void process(String key, Context context, Iterable<SuppressionCount> counts,
            Collector<SuppressionCount> out) {
        for (SuppressionCount count : counts) {
            out.collect(new SuppressionCount(count.app(), count.category(), context.window().getStart(),
                    context.window().getEnd(), count.count()));
        }
    }
}
