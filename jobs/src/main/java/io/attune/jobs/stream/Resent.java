package io.attune.jobs.stream;

/**
 * Sent by each subtask of a keyed stage that feeds the profile operator's broadcast side once it has sent again
 * everything it holds after a (re)start. The profile operator checkpoints neither the catalog nor the items' published
 * tables itself, so it has all of both once it has this from every subtask of each stage.
 *
 * @param from the stage that is done
 * @param subtask its subtask that is done
 * @param subtasks how many subtasks that stage has
 */
public record Resent(From from, int subtask, int subtasks) {

    /** The stages that send again what they hold. */
    public enum From {
        /** The catalog store: every active catalog item. */
        CATALOG_STORE,
        /** The item neighbourhoods: every item's last published tables. */
        ITEM_NEIGHBORHOOD
    }
}
