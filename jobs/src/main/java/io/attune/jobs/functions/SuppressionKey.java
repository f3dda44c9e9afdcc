package io.attune.jobs.functions;

import io.attune.jobs.stream.SuppressionNotice;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys suppression notices by (app, category). */
public class SuppressionKey implements KeySelector<SuppressionNotice, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(SuppressionNotice notice) {
        return notice.app() + "/" + notice.category();
    }
}
