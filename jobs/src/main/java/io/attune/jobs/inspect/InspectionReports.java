package io.attune.jobs.inspect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.jobs.Uids;
import io.attune.jobs.state.IdentityState;
import io.attune.jobs.state.ItemIdHash;
import io.attune.jobs.state.LinkedAccount;
import io.attune.jobs.state.ProfileState;
import io.attune.jobs.state.RecentLikes;
import io.attune.jobs.stream.CatalogItem;
import io.attune.models.math.Vectors;
import io.attune.models.profile.Centroid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns what {@link SavepointInspector} read into readable JSON: the access report of one account (everything held
 * about it and its person, interests explained by the catalog items nearest them) and a summary of a whole savepoint
 * (counts only, no ids).
 */
public final class InspectionReports {

    /** Catalog items named per interest, to make a 384-number direction readable. */
    static final int CLOSEST_ITEMS = 3;

    static final String NOT_HELD = "no message text and no catalog text: an interest is a direction in the "
            + "embedding space (4 bits per dimension) and a weight; items are catalog ids or hashes of them";

    private static final ObjectMapper JSON = new ObjectMapper();

    private InspectionReports() {}

    /**
     * Everything the savepoint holds about one account: its identity, and the person it belongs to with all of that
     * person's accounts (an accounts center's accounts are one person's data).
     *
     * @param account the account key, {@code app:accountId}
     * @param identity the account's identity entry, or {@code null} when none is held
     * @param person the person's entries (profile, windows) read for the identity's person
     */
    public static ObjectNode accessReport(
            String account, KeyedStateEntry identity, List<KeyedStateEntry> person, Map<String, CatalogItem> catalog) {
        ObjectNode report = JSON.createObjectNode();
        report.put("account", account);
        report.put("held", identity != null);
        if (identity == null) {
            return report;
        }
        report.set("identity", identity(identity.key(), identity.identity()));
        ObjectNode held = report.putObject("person");
        held.put("id", identity.identity().personId());
        CatalogLookup lookup = new CatalogLookup(catalog);
        for (KeyedStateEntry entry : person) {
            if (entry.profile() != null) {
                profile(held, entry.profile(), lookup);
            }
            if (entry.recentEngagements() != null) {
                held.set("recentEngagements", window(entry.recentEngagements()));
            }
            if (entry.recentLikes() != null) {
                held.set("recentLikes", window(entry.recentLikes()));
            }
        }
        report.put("notHeld", NOT_HELD);
        return report;
    }

    /** Counts of what a savepoint holds, per stage; no ids. */
    public static ObjectNode summary(SavepointInspector.Contents contents) {
        ObjectNode summary = JSON.createObjectNode();
        List<KeyedStateEntry> identities = contents.of(Uids.RESOLVE_IDENTITY);
        ObjectNode accounts = summary.putObject("accounts");
        accounts.put("total", identities.size());
        accounts.put("inAnAccountsCenter",
                identities.stream().filter(e -> !e.identity().personId().equals(e.key())).count());
        accounts.put("withAnErasureMarker",
                identities.stream().filter(e -> e.identity().erasedThrough() > 0).count());

        List<KeyedStateEntry> profiles = contents.of(Uids.UPDATE_PROFILE);
        ObjectNode persons = summary.putObject("persons");
        persons.put("total", profiles.size());
        Map<Integer, Integer> byAccounts = new TreeMap<>();
        long interests = 0;
        long recentItems = 0;
        long recentLikes = 0;
        for (KeyedStateEntry entry : profiles) {
            LinkedAccount[] linked = accountsOf(entry.profile());
            byAccounts.merge(linked.length, 1, Integer::sum);
            for (LinkedAccount account : linked) {
                interests += account.interestsOrNone().length;
                recentItems += account.recentItemsOrNone().length;
                recentLikes += account.recentLikeHashesOrNone().length;
            }
        }
        ObjectNode accountsPerPerson = persons.putObject("byNumberOfAccounts");
        byAccounts.forEach((n, count) -> accountsPerPerson.put(Integer.toString(n), count));
        persons.put("interests", interests);
        persons.put("recentItems", recentItems);
        persons.put("recentLikes", recentLikes);
        persons.put("refreshesPending", profiles.stream().filter(e -> e.profile().pendingTrigger() != null).count());
        summary.put("coEngagementWindows", contents.of(Uids.CO_ENGAGEMENT_PAIRS).size());
        summary.put("itemsWithLearnedSignals", contents.of(Uids.ITEM_NEIGHBORHOOD).size());

        ObjectNode catalog = summary.putObject("catalog");
        catalog.put("items", contents.catalog().size());
        catalog.put("active", contents.catalog().values().stream().filter(CatalogItem::active).count());
        catalog.put("sensitive", contents.catalog().values().stream().filter(CatalogItem::sensitive).count());
        Map<String, Integer> bySurface = new TreeMap<>();
        contents.catalog().values().forEach(i -> bySurface.merge(i.app() + "/" + i.surface(), 1, Integer::sum));
        ObjectNode surfaces = catalog.putObject("bySurface");
        bySurface.forEach(surfaces::put);
        if (!contents.absentOperators().isEmpty()) {
            ArrayNode absent = summary.putArray("operatorsNotInSavepoint");
            contents.absentOperators().forEach(absent::add);
        }
        return summary;
    }

    private static ObjectNode identity(String account, IdentityState identity) {
        ObjectNode node = JSON.createObjectNode();
        node.put("person", identity.personId());
        node.put("inAnAccountsCenter", !identity.personId().equals(account));
        putTime(node, "linkedAt", identity.linkTime());
        putTime(node, "lastActive", identity.lastActive());
        putTime(node, "erasedThrough", identity.erasedThrough());
        return node;
    }

    private static void profile(ObjectNode held, ProfileState profile, CatalogLookup lookup) {
        held.put("profileVersion", profile.version());
        putTime(held, "lastActive", profile.lastActive());
        putTime(held, "interestsAsOf", profile.interestTime());
        held.put("refreshPending", profile.pendingTrigger() != null);
        if (profile.interest() != null) {
            held.put("interestBefore0_2", "one vector of " + profile.interest().length + " numbers");
        }
        ArrayNode accounts = held.putArray("accounts");
        for (LinkedAccount account : accountsOf(profile)) {
            ObjectNode node = accounts.addObject();
            node.put("app", account.app());
            node.put("accountId", account.accountId());
            ArrayNode interests = node.putArray("interests");
            List<Centroid> byWeight = new ArrayList<>(List.of(account.interestsOrNone()));
            byWeight.sort(Comparator.comparingDouble(Centroid::norm).reversed());
            for (Centroid centroid : byWeight) {
                ObjectNode interest = interests.addObject();
                interest.put("weight", centroid.norm());
                interest.set("closestCatalogItems", lookup.closest(centroid));
            }
            ArrayNode items = node.putArray("recentlyEngagedItems");
            for (int hash : account.recentItemsOrNone()) {
                lookup.addItem(items, lookup.byStringHash.get(hash), hash);
            }
            ArrayNode likes = node.putArray("recentlyLikedItems");
            for (long hash : account.recentLikeHashesOrNone()) {
                lookup.addItem(likes, lookup.byIdHash.get(hash), hash);
            }
        }
    }

    private static LinkedAccount[] accountsOf(ProfileState profile) {
        return profile.accounts() == null ? new LinkedAccount[0] : profile.accounts();
    }

    private static ObjectNode window(RecentLikes window) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode items = node.putArray("items");
        ArrayNode weights = node.putArray("weights");
        for (int i = 0; i < window.items().length; i++) {
            items.add(window.items()[i]);
            weights.add(window.weights()[i]);
        }
        return node;
    }

    private static void putTime(ObjectNode node, String field, long epochMillis) {
        if (epochMillis > 0) {
            node.put(field, Instant.ofEpochMilli(epochMillis).toString());
        } else {
            node.putNull(field);
        }
    }

    /** The catalog, by the two hashes profile state keeps items as, and by embedding for the closest items. */
    private static final class CatalogLookup {
        final Map<String, CatalogItem> catalog;
        final Map<Integer, String> byStringHash = new HashMap<>();
        final Map<Long, String> byIdHash = new HashMap<>();

        CatalogLookup(Map<String, CatalogItem> catalog) {
            this.catalog = catalog;
            for (String id : catalog.keySet()) {
                byStringHash.put(id.hashCode(), id);
                byIdHash.put(ItemIdHash.of(id), id);
            }
        }

        void addItem(ArrayNode into, String id, long hash) {
            if (id != null) {
                into.add(id);
            } else {
                into.addObject().put("notInCatalog", Long.toString(hash));
            }
        }

        ArrayNode closest(Centroid centroid) {
            ArrayNode out = JSON.createArrayNode();
            List<Map.Entry<CatalogItem, Float>> scored = new ArrayList<>();
            float[] direction = null;
            for (CatalogItem item : catalog.values()) {
                // Sensitive items are never ranked from interests, so they do not explain one either.
                if (item.active() && !item.sensitive() && item.embedding() != null && item.embedding().length > 0) {
                    if (direction == null || direction.length != item.embedding().length) {
                        direction = centroid.direction(item.embedding().length);
                    }
                    scored.add(Map.entry(item, Vectors.dot(direction, item.embedding())));
                }
            }
            scored.sort(Map.Entry.<CatalogItem, Float>comparingByValue().reversed());
            for (Map.Entry<CatalogItem, Float> entry : scored.subList(0, Math.min(CLOSEST_ITEMS, scored.size()))) {
                ObjectNode item = out.addObject();
                item.put("itemId", entry.getKey().itemId());
                item.put("app", entry.getKey().app());
                ArrayNode tags = item.putArray("tags");
                for (String tag : entry.getKey().tags() == null ? new String[0] : entry.getKey().tags()) {
                    tags.add(tag);
                }
                item.put("similarity", entry.getValue());
            }
            return out;
        }
    }
}
