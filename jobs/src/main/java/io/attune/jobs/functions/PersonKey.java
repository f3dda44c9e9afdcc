package io.attune.jobs.functions;

import io.attune.jobs.stream.PersonEvent;
import org.apache.flink.api.java.functions.KeySelector;

/** Keys person events by person id. */
public class PersonKey implements KeySelector<PersonEvent, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(PersonEvent event) {
        return event.personId();
    }
}
