package io.attune.jobs.events;

/**
 * An item that can be recommended on one app's surface, from the {@code content-catalog} topic. A later
 * entry with the same itemId replaces it; {@code active = false} withdraws it.
 *
 * @param locale the BCP 47 language tag of its text and tags; {@code null} when not stated. With
 *     {@code embedding.gloss-dictionaries} an item whose language a dictionary covers is matched through its English
 *     gloss too, as messages are.
 */
public record CatalogEntry(String itemId, String app, String surface, String text, String[] tags, long timestamp,
        boolean active, String locale) {

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
