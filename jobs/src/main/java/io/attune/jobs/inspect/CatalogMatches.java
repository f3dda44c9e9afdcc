package io.attune.jobs.inspect;

import io.attune.jobs.state.ItemIdHash;
import io.attune.jobs.state.LinkedAccount;
import io.attune.jobs.state.ProfileState;
import io.attune.jobs.stream.CatalogItem;
import io.attune.models.math.Vectors;
import io.attune.models.profile.Centroid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What an access report needs from the catalog, gathered while the catalog streams past: for each of the person's
 * interests the few items closest to it, and the ids behind the hashes the profile keeps its recent items as. Holds
 * only those, whatever the catalog's size.
 */
final class CatalogMatches implements Consumer<CatalogItem> {

    /** An item and its similarity to one interest. */
    record Match(CatalogItem item, float similarity) {}

    private final int perInterest;
    private final List<Centroid> centroids = new ArrayList<>();
    private final List<PriorityQueue<Match>> closest = new ArrayList<>();
    private final Set<Integer> wantedItems = new HashSet<>();
    private final Set<Integer> wantedLikes = new HashSet<>();
    private final Map<Integer, String> itemIds = new HashMap<>();
    private final Map<Integer, String> likeIds = new HashMap<>();
    private final Map<Centroid, Integer> indexOf = new IdentityHashMap<>();
    private float[][] directions = new float[0][];

    CatalogMatches(ProfileState profile, int perInterest) {
        this.perInterest = perInterest;
        if (profile != null && profile.accounts() != null) {
            for (LinkedAccount account : profile.accounts()) {
                for (Centroid centroid : account.allInterests()) {
                    indexOf.put(centroid, centroids.size());
                    centroids.add(centroid);
                    closest.add(new PriorityQueue<>(Comparator.comparingDouble(Match::similarity)));
                }
                for (int hash : account.recentItemsOrNone()) {
                    wantedItems.add(hash);
                }
                for (int hash : account.likeHashesOrNone()) {
                    wantedLikes.add(hash);
                }
            }
        }
    }

    @Override
    public void accept(CatalogItem item) {
        if (wantedItems.contains(item.itemId().hashCode())) {
            itemIds.put(item.itemId().hashCode(), item.itemId());
        }
        int likeHash = ItemIdHash.of32(item.itemId());
        if (wantedLikes.contains(likeHash)) {
            likeIds.put(likeHash, item.itemId());
        }
        // Sensitive items are never ranked from interests, so they do not explain one either.
        if (!item.active() || item.sensitive() || !item.hasVector()) {
            return;
        }
        float[] vector = item.vector();
        if (vector.length == 0) {
            return;
        }
        for (int i = 0; i < centroids.size(); i++) {
            float similarity = Vectors.dot(direction(i, vector.length), vector);
            PriorityQueue<Match> best = closest.get(i);
            if (best.size() < perInterest) {
                best.add(new Match(item, similarity));
            } else if (similarity > best.peek().similarity()) {
                best.poll();
                best.add(new Match(item, similarity));
            }
        }
    }

    /** The items closest to this interest, closest first. */
    List<Match> closestTo(Centroid centroid) {
        Integer i = indexOf.get(centroid);
        List<Match> out = new ArrayList<>(i == null ? List.of() : closest.get(i));
        out.sort(Comparator.comparingDouble(Match::similarity).reversed());
        return out;
    }

    /** The id of a recently engaged item, or {@code null} when no catalog item has its hash. */
    String recentItem(int hash) {
        return itemIds.get(hash);
    }

    /** The id of a recently liked item, or {@code null} when no catalog item has its hash. */
    String recentLike(int hash) {
        return likeIds.get(hash);
    }

    private float[] direction(int interest, int dimension) {
        if (directions.length != centroids.size()) {
            directions = new float[centroids.size()][];
        }
        if (directions[interest] == null || directions[interest].length != dimension) {
            directions[interest] = centroids.get(interest).direction(dimension);
        }
        return directions[interest];
    }
}
