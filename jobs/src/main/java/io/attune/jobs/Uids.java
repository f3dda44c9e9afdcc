package io.attune.jobs;

/**
 * Stable operator ids. State in savepoints is matched by these: never rename one that has shipped.
 */
public final class Uids {

    public static final String SOURCE_ASSISTANT_MESSAGES = "source-assistant-messages";
    public static final String SOURCE_ENGAGEMENT_SIGNALS = "source-engagement-signals";
    public static final String SOURCE_ACCOUNT_LINKS = "source-account-links";
    public static final String SOURCE_CONTENT_CATALOG = "source-content-catalog";
    public static final String SOURCE_ERASURE_REQUESTS = "source-erasure-requests";

    public static final String PARSE_ASSISTANT_MESSAGES = "parse-assistant-messages";
    public static final String PARSE_ENGAGEMENT_SIGNALS = "parse-engagement-signals";
    public static final String PARSE_ACCOUNT_LINKS = "parse-account-links";
    public static final String PARSE_CONTENT_CATALOG = "parse-content-catalog";
    public static final String PARSE_ERASURE_REQUESTS = "parse-erasure-requests";

    public static final String MESSAGES_IN_USE = "messages-in-use";
    public static final String DROP_OBJECTED_MESSAGES = "drop-objected-messages";
    public static final String EMBED_MESSAGES = "embed-messages";
    public static final String GUARD_MESSAGES = "guard-messages";
    public static final String ENGAGEMENT_ACTIVITY = "engagement-activity";
    public static final String ERASURE_ACTIVITY = "erasure-activity";
    public static final String EMBED_CATALOG = "embed-catalog";
    public static final String GUARD_CATALOG = "guard-catalog";
    public static final String RESOLVE_IDENTITY = "resolve-identity";
    public static final String UPDATE_PROFILE = "update-profile";
    public static final String CO_ENGAGEMENT_PAIRS = "co-engagement-pairs";
    public static final String ITEM_NEIGHBORHOOD = "item-neighborhood";
    public static final String CATALOG_STORE = "catalog-store";

    public static final String AUDIT_COUNTS = "audit-suppression-counts";

    public static final String SINK_REFRESHES = "sink-recommendation-refreshes";
    public static final String SINK_DEAD_LETTERS = "sink-dead-letters";
    public static final String SINK_AUDIT = "sink-suppression-audit";
    public static final String SINK_ERASURE_RECEIPTS = "sink-erasure-receipts";

    private Uids() {}
}
