package io.attune.jobs.functions;

import io.attune.jobs.events.RecommendationRefresh;
import io.attune.jobs.events.RecommendedItem;
import io.attune.jobs.state.AppWeight;
import io.attune.jobs.state.LinkedAccount;
import io.attune.jobs.state.ProfileState;
import io.attune.jobs.stream.CatalogItem;
import io.attune.jobs.stream.PersonEvent;
import io.attune.models.ranking.RankedItem;
import io.attune.models.ranking.TopK;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Ranks the catalog once per (app, surface) of a person's linked apps, in one pass over the catalog, and
 * turns the rankings into one refresh per linked account and surface.
 */
final class RefreshRanker {

    private final int topK;
    private final ProfileState profile;
    private final Set<String> apps;
    private final Map<String, Map<String, TopK>> bySurfaceByApp = new TreeMap<>();

    RefreshRanker(int topK, ProfileState profile) {
        this.topK = topK;
        this.profile = profile;
        this.apps = Arrays.stream(profile.accounts()).map(LinkedAccount::app).collect(Collectors.toSet());
    }

    void offer(CatalogItem item) {
        if (item.sensitive() || !apps.contains(item.app())) {
            return;
        }
        bySurfaceByApp.computeIfAbsent(item.app(), a -> new TreeMap<>())
                .computeIfAbsent(item.surface(), s -> new TopK(profile.interest(), topK))
                .offer(item.itemId(), item.embedding());
    }

    List<RecommendationRefresh> refreshes(String personId, PersonEvent trigger, long now) {
        String reason = reason(profile);
        List<RecommendationRefresh> refreshes = new ArrayList<>();
        for (LinkedAccount account : profile.accounts()) {
            for (Map.Entry<String, TopK> surface : bySurfaceByApp.getOrDefault(account.app(), Map.of()).entrySet()) {
                RecommendedItem[] items = surface.getValue().result().stream()
                        .map((RankedItem r) -> new RecommendedItem(r.itemId(), r.score(), reason))
                        .toArray(RecommendedItem[]::new);
                refreshes.add(new RecommendationRefresh(personId, account.app(), account.accountId(), surface.getKey(),
                        items, profile.version(), trigger.triggeredBy(), trigger.timestamp(), now));
            }
        }
        return refreshes;
    }

    /** Names the app whose activity weighs most in the interests, so a person sees where a pick comes from. */
    private static String reason(ProfileState profile) {
        Map<String, Float> weights = new LinkedHashMap<>();
        for (AppWeight w : profile.appWeights()) {
            weights.put(w.app(), w.weight());
        }
        return weights.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(e -> "matches interests from your " + e.getKey() + " activity")
                .orElse("matches your interests");
    }
}
