package io.attune.models.ranking;

/**
 * Some items' signals exactly as an {@link ItemTables} held them at one moment, for a checkpoint to write later on
 * another thread: each item's popularity, and a reference to each of its tables, which are immutable. Made by
 * {@link ItemTables#freeze} in time proportional to the items, no table copied, so the task thread does not pack a
 * checkpoint's item signals itself: Flink's asynchronous part of the checkpoint does. Safe to read from any thread.
 */
public final class FrozenItemTables {

    private final ItemNumbers numbers;
    private final int numbered;
    private final int[] items;
    private final float[] popularity;
    private final PublishedTable[] neighbors;
    private final PublishedTable[] affinities;

    FrozenItemTables(ItemNumbers numbers, int numbered, int[] items, float[] popularity, PublishedTable[] neighbors,
            PublishedTable[] affinities) {
        this.numbers = numbers;
        this.numbered = numbered;
        this.items = items;
        this.popularity = popularity;
        this.neighbors = neighbors;
        this.affinities = affinities;
    }

    /** How many items are frozen; they are read by their index {@code 0 <= i < count()}. */
    public int count() {
        return items.length;
    }

    /** The number of the {@code i}-th item. */
    public int item(int i) {
        return items[i];
    }

    public float popularity(int i) {
        return popularity[i];
    }

    /** The item numbers of the {@code i}-th item's co-engaged neighbours: shared, not to be modified. */
    public int[] neighborNumbers(int i) {
        return neighbors[i].items;
    }

    /** Writes the guaranteed weights of the {@code i}-th item's co-engaged neighbours into {@code into}. */
    public void neighborWeights(int i, float[] into, int offset) {
        neighbors[i].decodeInto(into, offset);
    }

    /** The item numbers of what the same people liked as the {@code i}-th item: shared, not to be modified. */
    public int[] affinityNumbers(int i) {
        return affinities[i].items;
    }

    public void affinityWeights(int i, float[] into, int offset) {
        affinities[i].decodeInto(into, offset);
    }

    /** The id numbered {@code number}, which an item or a table here names. */
    public String id(int number) {
        return numbers.id(number);
    }

    /** Every number an item or a table here names is below this. */
    public int numbered() {
        return numbered;
    }
}
