package io.attune.jobs.functions;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.async.AsyncFunction;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.api.operators.async.AsyncWaitOperatorFactory;

/** Creates {@link DrainingAsyncOperator}s: ordered, no retries. */
public class DrainingAsyncOperatorFactory<IN, OUT> extends AsyncWaitOperatorFactory<IN, OUT> {

    private static final long serialVersionUID = 1L;

    private final AsyncFunction<IN, OUT> function;
    private final long timeoutMillis;
    private final int capacity;

    public DrainingAsyncOperatorFactory(AsyncFunction<IN, OUT> function, Duration timeout, int capacity) {
        super(function, timeout.toMillis(), capacity, AsyncDataStream.OutputMode.ORDERED);
        this.function = function;
        this.timeoutMillis = timeout.toMillis();
        this.capacity = capacity;
    }

    /** Like {@link AsyncDataStream#orderedWait}, with nothing in flight at a checkpoint. */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(DataStream<IN> in, AsyncFunction<IN, OUT> function,
            Duration timeout, int capacity, Class<OUT> type, String name) {
        return in.transform(name, TypeInformation.of(type), new DrainingAsyncOperatorFactory<>(function, timeout, capacity));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends StreamOperator<OUT>> T createStreamOperator(StreamOperatorParameters<OUT> parameters) {
        return (T) new DrainingAsyncOperator<>(parameters, function, timeoutMillis, capacity, processingTimeService,
                getMailboxExecutor());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends StreamOperator> getStreamOperatorClass(ClassLoader classLoader) {
        return DrainingAsyncOperator.class;
    }
}
