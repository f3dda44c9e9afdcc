package io.attune.jobs.state;

import io.attune.jobs.stream.ItemSignals;
import io.attune.models.ranking.NeighborTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
public record ItemSignalPack(String[] ids, float[] popularity, byte[] references, float[] weights) {

    /**
     * Items per pack: bounds a pack's arrays (at 64 neighbours and 256 affinities, 2.6 million weights) while its ids
     * stay a small share of it, since a pack names every item its tables name once.
     */
    public static final int ITEMS_PER_PACK = 8_192;

    /** The signals in packs of {@link #ITEMS_PER_PACK}. */
    public static List<ItemSignalPack> pack(List<ItemSignals> signals) {
        return pack(signals, ITEMS_PER_PACK);
    }

    /** The signals in packs of at most {@code itemsPerPack}, in their order. */
    public static List<ItemSignalPack> pack(List<ItemSignals> signals, int itemsPerPack) {
        List<ItemSignalPack> packs = new ArrayList<>();
        for (int from = 0; from < signals.size(); from += itemsPerPack) {
            packs.add(packOf(signals.subList(from, Math.min(signals.size(), from + itemsPerPack))));
        }
        return packs;
    }

    private static ItemSignalPack packOf(List<ItemSignals> signals) {
        Map<String, Integer> indexes = new HashMap<>();
        List<String> ids = new ArrayList<>();
        float[] popularity = new float[signals.size()];
        int entries = 0;
        for (int i = 0; i < signals.size(); i++) {
            ItemSignals item = signals.get(i);
            indexOf(item.itemId(), indexes, ids);
            popularity[i] = item.popularity();
            entries += neighborsOf(item).neighbors().length + item.affinityOrEmpty().neighbors().length;
        }
        Varints references = new Varints(entries * 2 + signals.size() * 2);
        float[] weights = new float[entries];
        int written = 0;
        for (ItemSignals item : signals) {
            for (NeighborTable table : new NeighborTable[] {neighborsOf(item), item.affinityOrEmpty()}) {
                references.write(table.neighbors().length);
                for (int j = 0; j < table.neighbors().length; j++) {
                    references.write(indexOf(table.neighbors()[j], indexes, ids));
                    weights[written++] = table.guaranteed(j);
                }
            }
        }
        return new ItemSignalPack(ids.toArray(new String[0]), popularity, references.bytes(), weights);
    }

    private static NeighborTable neighborsOf(ItemSignals item) {
        return item.neighbors() == null ? NeighborTable.empty() : item.neighbors();
    }

    private static int indexOf(String id, Map<String, Integer> indexes, List<String> ids) {
        Integer index = indexes.get(id);
        if (index == null) {
            index = ids.size();
            indexes.put(id, index);
            ids.add(id);
        }
        return index;
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
