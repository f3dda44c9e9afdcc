package io.attune.jobs.inspect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.jobs.state.IdentityState;
import io.attune.jobs.state.LinkedAccount;
import io.attune.jobs.state.MessageObjections;
import io.attune.jobs.state.ProfileState;
import io.attune.jobs.state.RecentLikes;
import io.attune.jobs.stream.CatalogItem;
import io.attune.models.profile.Centroid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
     * @param objections the account's objections as the stage before the embedding model keeps them, or {@code null}
     * @param person the person's entries (profile, windows) read for the identity's person
     * @param catalog streams the savepoint's catalog through a consumer, to explain the person's interests and name
     *     the items behind its hashes
     */
    public static ObjectNode accessReport(String account, KeyedStateEntry identity, KeyedStateEntry objections,
            List<KeyedStateEntry> person, CatalogSource catalog) throws Exception {
        ObjectNode report = JSON.createObjectNode();
        report.put("account", account);
        report.put("held", identity != null || objections != null);
        if (objections != null) {
            // What the stage before the model keeps to drop the account's messages unread: the same settings as the
            // identity's, held a second time.
            MessageObjections kept = objections.messageObjections();
            ObjectNode node = report.putObject("beforeEmbedding");
            node.put("objectsToAssistantMessages", kept.objectsToMessages());
            putTime(node, "assistantMessageSettingAt", kept.messagesTime());
            node.put("objectsToProfiling", kept.objectsToProfiling());
            putTime(node, "profilingSettingAt", kept.profilingTime());
        }
        if (identity == null) {
            return report;
        }
        ObjectNode identityNode = identity(identity.key(), identity.identity());
        identityNode.put("recentEventIds", identity.recentEventIds());
        report.set("identity", identityNode);
        ObjectNode held = report.putObject("person");
        held.put("id", identity.identity().personId());
        for (KeyedStateEntry entry : person) {
            if (entry.profile() != null) {
                CatalogMatches matches = new CatalogMatches(entry.profile(), CLOSEST_ITEMS);
                catalog.forEachCatalogItem(matches);
                profile(held, entry.profile(), matches);
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

    /** Streams a savepoint's catalog ({@link SavepointInspector#forEachCatalogItem}). */
    @FunctionalInterface
    public interface CatalogSource {
        void forEachCatalogItem(java.util.function.Consumer<CatalogItem> action) throws Exception;
    }

    /** Counts of what a savepoint holds, per stage; no ids. */
    public static ObjectNode summary(StateTally tally, List<CatalogTally> catalog, List<String> absentOperators,
            List<StateSizes.OperatorBytes> sizes) {
        ObjectNode summary = JSON.createObjectNode();
        ObjectNode accounts = summary.putObject("accounts");
        accounts.put("total", tally.accounts());
        accounts.put("inAnAccountsCenter", tally.accountsInACenter());
        accounts.put("withAnErasureMarker", tally.erasureMarkers());
        accounts.put("objectingToAssistantMessages", tally.objectingToMessages());
        accounts.put("objectingToProfiling", tally.objectingToProfiling());
        accounts.put("ofMinors", tally.minors());
        accounts.put("objectionsHeldBeforeEmbedding", tally.objectionsBeforeEmbedding());

        ObjectNode persons = summary.putObject("persons");
        persons.put("total", tally.persons());
        ObjectNode byAccounts = persons.putObject("byNumberOfAccounts");
        long[] buckets = tally.personsByAccounts();
        for (int n = 0; n < buckets.length; n++) {
            if (buckets[n] > 0) {
                byAccounts.put(n == buckets.length - 1 ? n + " or more" : Integer.toString(n), buckets[n]);
            }
        }
        persons.put("interests", tally.interests());
        persons.put("recentItems", tally.recentItems());
        persons.put("recentLikes", tally.recentLikes());
        persons.put("refreshesPending", tally.refreshesPending());
        summary.put("coEngagementWindows", tally.coEngagementWindows());
        summary.put("itemsWithLearnedSignals", tally.itemsWithSignals());

        ObjectNode items = summary.putObject("catalog");
        items.put("items", catalog.stream().mapToLong(CatalogTally::items).sum());
        items.put("active", catalog.stream().mapToLong(CatalogTally::active).sum());
        items.put("sensitive", catalog.stream().mapToLong(CatalogTally::sensitive).sum());
        // Restored from before 0.12 and never sent through the store since: written in full at every checkpoint until
        // the catalog topic sends them again.
        items.put("writtenByProfileStage", catalog.stream().mapToLong(CatalogTally::carried).sum());
        ObjectNode surfaces = items.putObject("bySurface");
        catalog.stream().sorted(java.util.Comparator.comparing(CatalogTally::surface))
                .forEach(t -> surfaces.put(t.surface(), t.items()));
        if (!absentOperators.isEmpty()) {
            ArrayNode absent = summary.putArray("operatorsNotInSavepoint");
            absentOperators.forEach(absent::add);
        }
        ArrayNode bytes = summary.putArray("stateBytes");
        for (StateSizes.OperatorBytes operator : sizes) {
            ObjectNode node = bytes.addObject()
                    .put("operator", operator.operator())
                    .put("parallelism", operator.parallelism())
                    .put("keyed", operator.keyedBytes())
                    .put("operatorState", operator.operatorBytes());
            if (!operator.states().isEmpty()) {
                ArrayNode states = node.putArray("operatorStates");
                for (StateSizes.NamedState state : operator.states()) {
                    states.addObject()
                            .put("name", state.name())
                            .put("mode", state.mode())
                            .put("bytes", state.bytes())
                            .put("subtasks", state.subtasks())
                            .put("largestSubtask", state.largestSubtask());
                }
            }
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
        if (identity.objectsToMessages()) {
            node.put("assistantMessages", "not used: the holder objects");
        } else if (identity.messagesFrom() > 0) {
            node.put("assistantMessages", "used from " + Instant.ofEpochMilli(identity.messagesFrom()));
        } else {
            node.put("assistantMessages", "used");
        }
        putTime(node, "assistantMessageSettingAt", identity.settingTime());
        node.put("assistantMessagesShapeOtherApps", !identity.messagesOwnAppOnly());
        if (identity.objectsToProfiling()) {
            node.put("profiling", "none: the holder objects");
        } else if (identity.profilingFrom() > 0) {
            node.put("profiling", "from " + Instant.ofEpochMilli(identity.profilingFrom()));
        } else {
            node.put("profiling", "allowed");
        }
        putTime(node, "profilingSettingAt", identity.profilingTime());
        node.put("minor", identity.minor());
        return node;
    }

    private static void profile(ObjectNode held, ProfileState profile, CatalogMatches matches) {
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
            node.put("messagesShapeOtherApps", !account.messagesForOwnAppOnly());
            ArrayNode interests = node.putArray("interests");
            List<Centroid> byWeight = new ArrayList<>(List.of(account.allInterests()));
            byWeight.sort(Comparator.comparingDouble(Centroid::norm).reversed());
            List<Centroid> fromMessages = List.of(account.messageInterestsOrNone());
            for (Centroid centroid : byWeight) {
                ObjectNode interest = interests.addObject();
                interest.put("weight", centroid.norm());
                interest.put("learnedFrom", account.messageInterests() == null ? "messages and engagement (before 0.9)"
                        : fromMessages.contains(centroid) ? "assistant messages" : "engagement");
                ArrayNode closest = interest.putArray("closestCatalogItems");
                for (CatalogMatches.Match match : matches.closestTo(centroid)) {
                    ObjectNode item = closest.addObject();
                    item.put("itemId", match.item().itemId());
                    item.put("app", match.item().app());
                    ArrayNode tags = item.putArray("tags");
                    for (String tag : match.item().tags() == null ? new String[0] : match.item().tags()) {
                        tags.add(tag);
                    }
                    item.put("similarity", match.similarity());
                }
            }
            ArrayNode items = node.putArray("recentlyEngagedItems");
            for (int hash : account.recentItemsOrNone()) {
                addItem(items, matches.recentItem(hash), hash);
            }
            ArrayNode likes = node.putArray("recentlyLikedItems");
            for (int hash : account.likeHashesOrNone()) {
                addItem(likes, matches.recentLike(hash), hash);
            }
        }
    }

    private static void addItem(ArrayNode into, String id, long hash) {
        if (id != null) {
            into.add(id);
        } else {
            into.addObject().put("notInCatalog", Long.toString(hash));
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
}
