package io.attune.jobs.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON form of every event (see docs/events.md). Decoding validates and names the first problem it
 * finds, so a dead letter says exactly what was wrong. Timestamps are read as ISO-8601 strings or epoch
 * milliseconds and written as ISO-8601.
 */
public final class EventJson implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Set<String> apps;

    /** The earliest event time an input event may carry: 1990-01-01T00:00:00Z. */
    public static final long EARLIEST_EVENT_TIME = 631_152_000_000L;
    /** The event time an input event must be before: 2200-01-01T00:00:00Z. */
    public static final long LATEST_EVENT_TIME = 7_258_118_400_000L;

    /** Longest id (event, account, item, accounts center, request, surface) an input event may carry. */
    public static final int MAX_ID_LENGTH = 512;
    /** Most tags a catalog entry may carry, and the longest tag: the catalog keeps them for reasons. */
    public static final int MAX_TAGS = 32;
    public static final int MAX_TAG_LENGTH = 100;
    /**
     * Longest text a message or catalog entry may carry: about 5,000 words, far beyond the 256 tokens embedded, yet
     * the guard reads all of it (a disclosure at the end of a long message counts), at about 1.7 ms per thousand
     * characters. Without a bound one megabyte-long message took 2.2 s of an embedding worker
     * ({@code bench/run MessageLength}, BENCHMARKS.md).
     */
    public static final int MAX_TEXT_LENGTH = 32_768;

    /** @param apps the app ids events may name; anything else is rejected */
    public EventJson(Set<String> apps) {
        this.apps = Set.copyOf(apps);
    }

    public AssistantMessage assistantMessage(String json) throws InvalidEventException {
        JsonNode node = parse(json);
        return new AssistantMessage(
                requiredId(node, "eventId"),
                app(node),
                requiredId(node, "accountId"),
                eventTime(node),
                enumValue(node, "modality", Modality.class),
                boundedText(node, "text"),
                optionalText(node, "locale"));
    }

    public EngagementSignal engagementSignal(String json) throws InvalidEventException {
        JsonNode node = parse(json);
        return new EngagementSignal(
                requiredId(node, "eventId"),
                app(node),
                requiredId(node, "accountId"),
                eventTime(node),
                enumValue(node, "kind", EngagementKind.class),
                requiredId(node, "itemId"));
    }

    /**
     * A link event ({@code centerId} and {@code linked}), a change of the holder's settings for the account
     * ({@code useAssistantMessages}, {@code assistantMessagesAcrossApps}, {@code profiling}), whether the holder is a
     * minor ({@code minor}), or a link and any of those in one.
     */
    public AccountLink accountLink(String json) throws InvalidEventException {
        JsonNode node = parse(json);
        String app = app(node);
        String accountId = requiredId(node, "accountId");
        Boolean useAssistantMessages = optionalBoolean(node, "useAssistantMessages");
        Boolean acrossApps = optionalBoolean(node, "assistantMessagesAcrossApps");
        Boolean profiling = optionalBoolean(node, "profiling");
        Boolean minor = optionalBoolean(node, "minor");
        JsonNode linked = node.get("linked");
        JsonNode center = node.get("centerId");
        boolean membership = linked != null && !linked.isNull() || center != null && !center.isNull();
        if (!membership && (useAssistantMessages != null || acrossApps != null || profiling != null
                || minor != null)) {
            return new AccountLink(app, accountId, null, false, eventTime(node), useAssistantMessages, acrossApps,
                    profiling, minor);
        }
        return new AccountLink(
                app,
                accountId,
                requiredId(node, "centerId"),
                requiredBoolean(node, "linked"),
                eventTime(node),
                useAssistantMessages,
                acrossApps,
                profiling,
                minor);
    }

    public ErasureRequest erasureRequest(String json) throws InvalidEventException {
        JsonNode node = parse(json);
        return new ErasureRequest(
                requiredId(node, "requestId"),
                app(node),
                requiredId(node, "accountId"),
                eventTime(node));
    }

    public CatalogEntry catalogEntry(String json) throws InvalidEventException {
        JsonNode node = parse(json);
        JsonNode tags = node.get("tags");
        String[] tagValues;
        if (tags == null || tags.isNull()) {
            tagValues = new String[0];
        } else if (tags.isArray()) {
            if (tags.size() > MAX_TAGS) {
                throw new InvalidEventException("more than " + MAX_TAGS + " tags");
            }
            tagValues = new String[tags.size()];
            for (int i = 0; i < tags.size(); i++) {
                if (!tags.get(i).isTextual()) {
                    throw new InvalidEventException("field 'tags' must be an array of strings");
                }
                tagValues[i] = tags.get(i).asText();
                if (tagValues[i].length() > MAX_TAG_LENGTH) {
                    throw new InvalidEventException("a tag is longer than " + MAX_TAG_LENGTH + " characters");
                }
            }
        } else {
            throw new InvalidEventException("field 'tags' must be an array of strings");
        }
        JsonNode active = node.get("active");
        return new CatalogEntry(
                requiredId(node, "itemId"),
                app(node),
                requiredId(node, "surface"),
                boundedText(node, "text"),
                tagValues,
                eventTime(node),
                active == null || active.isNull() ? true : requiredBoolean(node, "active"),
                optionalText(node, "locale"));
    }

    public static String toJson(AssistantMessage m) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("eventId", m.eventId())
                .put("app", m.app())
                .put("accountId", m.accountId())
                .put("timestamp", Instant.ofEpochMilli(m.timestamp()).toString())
                .put("modality", m.modality().name())
                .put("text", m.text());
        if (m.locale() != null) {
            node.put("locale", m.locale());
        }
        return node.toString();
    }

    public static String toJson(EngagementSignal s) {
        return MAPPER.createObjectNode()
                .put("eventId", s.eventId())
                .put("app", s.app())
                .put("accountId", s.accountId())
                .put("timestamp", Instant.ofEpochMilli(s.timestamp()).toString())
                .put("kind", s.kind().name())
                .put("itemId", s.itemId())
                .toString();
    }

    public static String toJson(AccountLink l) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("app", l.app())
                .put("accountId", l.accountId());
        if (l.changesMembership()) {
            node.put("centerId", l.centerId()).put("linked", l.linked());
        }
        if (l.useAssistantMessages() != null) {
            node.put("useAssistantMessages", l.useAssistantMessages());
        }
        if (l.assistantMessagesAcrossApps() != null) {
            node.put("assistantMessagesAcrossApps", l.assistantMessagesAcrossApps());
        }
        if (l.profiling() != null) {
            node.put("profiling", l.profiling());
        }
        if (l.minor() != null) {
            node.put("minor", l.minor());
        }
        return node.put("timestamp", Instant.ofEpochMilli(l.timestamp()).toString()).toString();
    }

    public static String toJson(CatalogEntry c) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("itemId", c.itemId())
                .put("app", c.app())
                .put("surface", c.surface())
                .put("text", c.text());
        ArrayNode tags = node.putArray("tags");
        for (String tag : c.tags()) {
            tags.add(tag);
        }
        node.put("timestamp", Instant.ofEpochMilli(c.timestamp()).toString()).put("active", c.active());
        if (c.locale() != null) {
            node.put("locale", c.locale());
        }
        return node.toString();
    }

    public static String toJson(RecommendationRefresh r) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("centerId", r.centerId())
                .put("app", r.app())
                .put("accountId", r.accountId())
                .put("surface", r.surface());
        ArrayNode items = node.putArray("items");
        for (RecommendedItem item : r.items()) {
            items.addObject()
                    .put("itemId", item.itemId())
                    .put("score", Math.round(item.score() * 10_000) / 10_000.0)
                    .put("reason", item.reason());
        }
        if (r.withheld() != null) {
            node.put("withheld", r.withheld().name());
        }
        return node.put("profileVersion", r.profileVersion())
                .put("triggeredBy", r.triggeredBy())
                .put("eventTime", Instant.ofEpochMilli(r.eventTime()).toString())
                .put("emittedAt", Instant.ofEpochMilli(r.emittedAt()).toString())
                .toString();
    }

    public static String toJson(DeadLetter d) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("sourceTopic", d.sourceTopic());
        if (d.origin() != null) {
            node.put("origin", d.origin());
        }
        return node.put("payload", d.payload())
                .put("reason", d.reason())
                .put("time", Instant.ofEpochMilli(d.time()).toString())
                .toString();
    }

    public static String toJson(ErasureRequest e) {
        return MAPPER.createObjectNode()
                .put("requestId", e.requestId())
                .put("app", e.app())
                .put("accountId", e.accountId())
                .put("timestamp", Instant.ofEpochMilli(e.timestamp()).toString())
                .toString();
    }

    public static String toJson(ErasureReceipt r) {
        return MAPPER.createObjectNode()
                .put("requestId", r.requestId())
                .put("app", r.app())
                .put("accountId", r.accountId())
                .put("requestedAt", Instant.ofEpochMilli(r.requestedAt()).toString())
                .put("erasedAt", Instant.ofEpochMilli(r.erasedAt()).toString())
                .put("wasLinked", r.wasLinked())
                .toString();
    }

    /** Reads an erasure receipt back, for consumers such as tests. */
    public static ErasureReceipt erasureReceipt(String json) throws InvalidEventException {
        JsonNode node = parse(json);
        return new ErasureReceipt(requiredText(node, "requestId"), requiredText(node, "app"),
                requiredText(node, "accountId"), timestamp(node, "requestedAt"), timestamp(node, "erasedAt"),
                requiredBoolean(node, "wasLinked"));
    }

    public static String toJson(SuppressionCount c) {
        return MAPPER.createObjectNode()
                .put("app", c.app())
                .put("category", c.category())
                .put("windowStart", Instant.ofEpochMilli(c.windowStart()).toString())
                .put("windowEnd", Instant.ofEpochMilli(c.windowEnd()).toString())
                .put("count", c.count())
                .toString();
    }

    /** Reads a suppression count back, for consumers such as tests. */
    public static SuppressionCount suppressionCount(String json) throws InvalidEventException {
        JsonNode node = parse(json);
        return new SuppressionCount(requiredText(node, "app"), requiredText(node, "category"),
                timestamp(node, "windowStart"), timestamp(node, "windowEnd"), node.path("count").asLong());
    }

    /** Reads a refresh back, for consumers such as the local launcher and tests. */
    public static RecommendationRefresh refresh(String json) throws InvalidEventException {
        JsonNode node = parse(json);
        JsonNode items = node.get("items");
        if (items == null || !items.isArray()) {
            throw new InvalidEventException("field 'items' must be an array");
        }
        RecommendedItem[] ranked = new RecommendedItem[items.size()];
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            ranked[i] = new RecommendedItem(
                    requiredText(item, "itemId"), (float) item.path("score").asDouble(), requiredText(item, "reason"));
        }
        return new RecommendationRefresh(
                requiredText(node, "centerId"),
                requiredText(node, "app"),
                requiredText(node, "accountId"),
                requiredText(node, "surface"),
                ranked,
                node.path("profileVersion").asLong(),
                requiredText(node, "triggeredBy"),
                timestamp(node, "eventTime"),
                timestamp(node, "emittedAt"),
                node.hasNonNull("withheld") ? enumValue(node, "withheld", Withheld.class) : null);
    }

    /** Reads a dead letter back, for consumers such as tests. */
    public static DeadLetter deadLetter(String json) throws InvalidEventException {
        JsonNode node = parse(json);
        return new DeadLetter(
                requiredText(node, "sourceTopic"),
                optionalText(node, "payload"),
                requiredText(node, "reason"),
                timestamp(node, "time"),
                optionalText(node, "origin"));
    }

    /** The {@code timestamp} field of any input event, as epoch milliseconds. */
    public static long eventTime(String json) throws InvalidEventException {
        return timestamp(parse(json), "timestamp");
    }

    private static JsonNode parse(String json) throws InvalidEventException {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty payload");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            int quote = indexOfAny(message, "'\"(");
            String kind = (quote < 0 ? message : message.substring(0, quote)).strip();
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidEventException("not valid JSON: " + message,
                    "not valid JSON: " + kind + at + " (what it quoted is withheld)");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidEventException("not a JSON object");
        }
        return node;
    }

    private String app(JsonNode node) throws InvalidEventException {
        String app = requiredText(node, "app");
        if (!apps.contains(app)) {
            throw new InvalidEventException("unknown app '" + app + "' (configured: " + apps + ")");
        }
        return app;
    }

    /**
     * An id, which state keeps (keys, the catalog every profile subtask holds, neighbour tables): bounded, so that
     * one producer's mistake cannot grow every subtask's memory. Message texts are not kept and have no bound.
     */
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"\\\\]{1,512})\"");

    /**
     * A rejected assistant message as its dead letter may keep it: the JSON with its {@code text} replaced by its
     * length, or, when it is not a JSON object, only its length and event id if one can be read. What people tell an
     * assistant must not reach the dead-letters topic (kept long, read by operators) because a producer got a field
     * wrong; the source topic still holds the record.
     */
    public static String withoutText(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(payload);
            if (node instanceof ObjectNode object) {
                JsonNode text = object.get("text");
                if (text != null) {
                    int length = text.isTextual() ? text.asText().length() : text.toString().length();
                    object.put("text", "[withheld: " + length + " characters]");
                }
                return object.toString();
            }
        } catch (JsonProcessingException e) {
            // Not JSON: nothing in it can be told apart from the text.
        }
        Matcher id = EVENT_ID.matcher(payload);
        return "[withheld: " + payload.length() + " characters, not a JSON object"
                + (id.find() ? "; eventId=" + id.group(1) : "") + "]";
    }

    private static Boolean optionalBoolean(JsonNode node, String field) throws InvalidEventException {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : requiredBoolean(node, field);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String boundedText(JsonNode node, String field) throws InvalidEventException {
        String text = requiredText(node, field);
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidEventException("field '" + field + "' is longer than " + MAX_TEXT_LENGTH
                    + " characters (" + text.length() + "): not used");
        }
        return text;
    }

    private static String requiredId(JsonNode node, String field) throws InvalidEventException {
        String id = requiredText(node, field);
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidEventException("field '" + field + "' is longer than " + MAX_ID_LENGTH + " characters");
        }
        return id;
    }

    private static String requiredText(JsonNode node, String field) throws InvalidEventException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidEventException("missing field '" + field + "'");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidEventException("field '" + field + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) throws InvalidEventException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidEventException("field '" + field + "' must be a string");
        }
        return value.asText();
    }

    private static boolean requiredBoolean(JsonNode node, String field) throws InvalidEventException {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new InvalidEventException("field '" + field + "' must be true or false");
        }
        return value.asBoolean();
    }

    /**
     * An input event's time, within {@link #EARLIEST_EVENT_TIME} and {@link #LATEST_EVENT_TIME}. Event time decays
     * interests, and a profile is expressed at the latest time it has seen: one event stamped in microseconds (year
     * 55,000) would fade every later signal of that person to nothing, one in seconds (January 1970) would count for
     * nothing. The bounds are fixed, not the clock's, so a replay decides as the live job did.
     */
    private static long eventTime(JsonNode node) throws InvalidEventException {
        long time = timestamp(node, "timestamp");
        if (time < EARLIEST_EVENT_TIME || time >= LATEST_EVENT_TIME) {
            String hint = time >= 100_000_000_000_000L ? " (it looks like microseconds or nanoseconds)"
                    : time > 0 && time < 10_000_000_000L ? " (it looks like seconds)" : "";
            throw new InvalidEventException("field 'timestamp' " + time + " is not between "
                    + Instant.ofEpochMilli(EARLIEST_EVENT_TIME) + " and " + Instant.ofEpochMilli(LATEST_EVENT_TIME)
                    + " in epoch milliseconds" + hint);
        }
        return time;
    }

    private static long timestamp(JsonNode node, String field) throws InvalidEventException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidEventException("missing field '" + field + "'");
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Instant.parse(value.asText()).toEpochMilli();
            } catch (DateTimeParseException e) {
                // fall through to the error below
            }
        }
        throw new InvalidEventException(
                "field '" + field + "' must be an ISO-8601 instant or epoch milliseconds, was " + value);
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type)
            throws InvalidEventException {
        String text = requiredText(node, field);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("field '" + field + "' has unknown value '" + text + "'");
        }
    }
}
