package io.attune.jobs.state;

import io.attune.jobs.stream.ItemSignals;
import io.attune.models.ranking.FrozenItemTables;
import io.attune.models.ranking.ItemTables;
import io.attune.models.ranking.NeighborTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Up to {@link #ITEMS_PER_PACK} items' signals as a checkpoint writes them: every id once, and each table entry as a
 * reference to it and a weight. Written as {@link ItemSignals}, an entry carried its neighbour's id in full (about 16
 * bytes with the weight); here a reference of one to three bytes and the 4-byte weight, so a checkpoint's item signals
 * are under half the size. They are written in full at every checkpoint (operator state is never incremental), one
 * copy in all (see {@code ReplicatedState}). Weights are kept exactly, so a restore ranks as before.
 *
 * @param ids the pack's items first ({@code popularity.length} of them), then every other item their tables name
 * @param popularity each of the pack's items' popularity, in the order of {@code ids}
 * @param references for each of the pack's items, in order: its neighbours' count and their indexes in {@code ids},
 *     then its affinities' count and theirs, each an unsigned variable-length integer (7 bits a byte, low first)
 * @param weights every table entry's weight, in the order of {@code references}
 */
public record ItemSignalPack(String[] ids, float[] popularity, byte[] references, float[] weights)
        implements ItemSignalSlice {

    /**
     * Items per pack: bounds a pack's arrays (at 64 neighbours and 256 affinities, 2.6 million weights) while its ids
     * stay a small share of it, since a pack names every item its tables name once.
     */
    public static final int ITEMS_PER_PACK = 8_192;

    /** The items numbered {@code items} in {@code tables}, as their signals, in packs of {@link #ITEMS_PER_PACK}. */
    public static List<ItemSignalPack> pack(ItemTables tables, int[] items) {
        return pack(tables, items, ITEMS_PER_PACK);
    }

    /** As {@link #pack(ItemTables, int[])}, in packs of at most {@code itemsPerPack}. */
    public static List<ItemSignalPack> pack(ItemTables tables, int[] items, int itemsPerPack) {
        List<ItemSignalPack> packs = new ArrayList<>();
        for (int from = 0; from < items.length; from += itemsPerPack) {
            packs.add(of(tables.freeze(Arrays.copyOfRange(items, from, Math.min(items.length, from + itemsPerPack)))));
        }
        return packs;
    }

    /**
     * The frozen items' signals as one pack (at most {@link #ITEMS_PER_PACK} items, by convention). Read straight from
     * the numbered tables: nothing is looked up by id and no table is rebuilt. 20,000 engaged items in 50–100 ms on a
     * 2-core VM after the JIT's warm-up, which the task thread spent at every checkpoint until session 43; a checkpoint
     * now packs in its asynchronous part ({@link DeferredItemSignalPack}).
     */
    public static ItemSignalPack of(FrozenItemTables tables) {
        int count = tables.count();
        int[] indexOfNumber = new int[tables.numbered()];
        Arrays.fill(indexOfNumber, -1);
        // The pack's ids in the order first named: its items first, then what their tables name.
        int[] numberOfIndex = new int[count * 4 + 16];
        int named = 0;
        float[] popularity = new float[count];
        int entries = 0;
        for (int i = 0; i < count; i++) {
            indexOfNumber[tables.item(i)] = named;
            numberOfIndex[named++] = tables.item(i);
            popularity[i] = tables.popularity(i);
            entries += tables.neighborNumbers(i).length + tables.affinityNumbers(i).length;
        }
        Varints references = new Varints(entries * 2 + count * 2);
        float[] weights = new float[entries];
        int written = 0;
        for (int i = 0; i < count; i++) {
            for (int kind = 0; kind < 2; kind++) {
                int[] numbers = kind == 0 ? tables.neighborNumbers(i) : tables.affinityNumbers(i);
                references.write(numbers.length);
                if (kind == 0) {
                    tables.neighborWeights(i, weights, written);
                } else {
                    tables.affinityWeights(i, weights, written);
                }
                written += numbers.length;
                for (int j = 0; j < numbers.length; j++) {
                    int index = indexOfNumber[numbers[j]];
                    if (index < 0) {
                        if (named == numberOfIndex.length) {
                            numberOfIndex = Arrays.copyOf(numberOfIndex, named * 2);
                        }
                        index = named;
                        indexOfNumber[numbers[j]] = index;
                        numberOfIndex[named++] = numbers[j];
                    }
                    references.write(index);
                }
            }
        }
        String[] ids = new String[named];
        for (int index = 0; index < named; index++) {
            ids[index] = tables.id(numberOfIndex[index]);
        }
        return new ItemSignalPack(ids, popularity, references.bytes(), weights);
    }

    /** Itself: a restored pack is made already. */
    @Override
    public ItemSignalPack pack() {
        return this;
    }

    /** Hands each of the pack's items' signals to {@code into}, tables with their guaranteed weights and no errors. */
    public void unpack(Consumer<ItemSignals> into) {
        int[] position = {0};
        int weight = 0;
        for (int i = 0; i < popularity.length; i++) {
            NeighborTable[] tables = new NeighborTable[2];
            for (int t = 0; t < 2; t++) {
                int size = Varints.read(references, position);
                String[] neighbors = new String[size];
                for (int j = 0; j < size; j++) {
                    neighbors[j] = ids[Varints.read(references, position)];
                }
                tables[t] = new NeighborTable(neighbors, Arrays.copyOfRange(weights, weight, weight + size),
                        new float[0]);
                weight += size;
            }
            into.accept(new ItemSignals(ids[i], popularity[i], tables[0], tables[1]));
        }
    }

    /** Unsigned variable-length integers, 7 bits a byte, low bits first, a set high bit for "more follows". */
    private static final class Varints {

        private byte[] bytes;
        private int size;

        Varints(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        void write(int value) {
            if (size + 5 > bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            int rest = value;
            while ((rest & ~0x7F) != 0) {
                bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            bytes[size++] = (byte) rest;
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }

        static int read(byte[] bytes, int[] position) {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                byte next = bytes[position[0]++];
                value |= (next & 0x7F) << shift;
                if (next >= 0) {
                    return value;
                }
            }
        }
    }
}
