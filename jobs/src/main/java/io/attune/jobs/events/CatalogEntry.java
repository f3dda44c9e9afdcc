package io.attune.jobs.events;

/**
 * An item that can be recommended on one app's surface, from the {@code content-catalog} topic. A later
 * entry with the same itemId replaces it; {@code active = false} withdraws it.
 */
public record CatalogEntry(
        String itemId, String app, String surface, String text, String[] tags, long timestamp, boolean active) {

    /** What the item is embedded and judged by: its text, then its tags ({@link #withTags}). */
    public String textWithTags() {
        return withTags(text, tags);
    }

    /**
     * The text, then the tags in brackets ("Trail running shoes (running, outdoors)"): tags often name the
     * topic the text only implies.
     */
    public static String withTags(String text, String[] tags) {
        return tags == null || tags.length == 0 ? text : text + " (" + String.join(", ", tags) + ")";
    }
}
