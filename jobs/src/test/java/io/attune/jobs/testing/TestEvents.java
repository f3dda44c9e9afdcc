package io.attune.jobs.testing;

import io.attune.jobs.events.AssistantMessage;
import io.attune.jobs.events.CatalogEntry;
import io.attune.jobs.events.EventJson;
import io.attune.jobs.events.Modality;

/** JSON payloads of input events, as producers would send them. */
public final class TestEvents {

    private TestEvents() {}

    public static String message(String eventId, String app, String account, long time, String text) {
        return EventJson.toJson(new AssistantMessage(eventId, app, account, time, Modality.TEXT, text, "en"));
    }

    public static String catalog(String id, String app, String surface, String text, String... tags) {
        return EventJson.toJson(new CatalogEntry(id, app, surface, text, tags, 1_764_000_000_000L, true, null));
    }
}
