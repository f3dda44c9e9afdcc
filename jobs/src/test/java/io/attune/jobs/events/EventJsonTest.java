package io.attune.jobs.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventJsonTest {

    private final EventJson json = new EventJson(Set.of("INSTAGRAM", "MESSENGER", "THREADS"));

    @Test
    void decodesAnAssistantMessageWithIsoOrEpochTimestamps() throws Exception {
        AssistantMessage iso = json.assistantMessage("""
                {"eventId":"e1","app":"MESSENGER","accountId":"a1","timestamp":"2026-11-29T10:15:30Z",
                 "modality":"VOICE_TRANSCRIPT","text":"trail shoes?","locale":"en-GB"}""");
        assertThat(iso).isEqualTo(new AssistantMessage("e1", "MESSENGER", "a1",
                Instant.parse("2026-11-29T10:15:30Z").toEpochMilli(), Modality.VOICE_TRANSCRIPT, "trail shoes?",
                "en-GB"));
        AssistantMessage epoch = json.assistantMessage("""
                {"eventId":"e1","app":"THREADS","accountId":"a1","timestamp":1700000000000,
                 "modality":"TEXT","text":"hi"}""");
        assertThat(epoch.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(epoch.locale()).isNull();
        assertThat(epoch.app()).as("configured app ids beyond the four defaults").isEqualTo("THREADS");
    }

    @Test
    void roundTripsEveryInputEvent() throws Exception {
        AssistantMessage message = new AssistantMessage("e1", "MESSENGER", "a1", 1_764_400_001_000L, Modality.TEXT, "t", null);
        EngagementSignal signal = new EngagementSignal("e2", "INSTAGRAM", "a2", 1_764_400_002_000L, EngagementKind.HIDE, "i1");
        AccountLink link = new AccountLink("INSTAGRAM", "a2", "c1", false, 1_764_400_003_000L);
        CatalogEntry entry = new CatalogEntry("i1", "INSTAGRAM", "REELS", "text", new String[] {"x", "y"}, 1_764_400_004_000L,
                true, "de-DE");
        assertThat(json.assistantMessage(EventJson.toJson(message))).isEqualTo(message);
        assertThat(json.engagementSignal(EventJson.toJson(signal))).isEqualTo(signal);
        assertThat(json.accountLink(EventJson.toJson(link))).isEqualTo(link);
        assertThat(json.catalogEntry(EventJson.toJson(entry))).usingRecursiveComparison().isEqualTo(entry);
        ErasureRequest erasure = new ErasureRequest("r1", "INSTAGRAM", "a3", 1_764_400_005_000L);
        assertThat(json.erasureRequest(EventJson.toJson(erasure))).isEqualTo(erasure);
    }

    @Test
    void roundTripsOutputs() throws Exception {
        RecommendationRefresh refresh = new RecommendationRefresh("c1", "INSTAGRAM", "a2", "FEED",
                new RecommendedItem[] {new RecommendedItem("i1", 0.5f, "because")}, 7L, "e1", 1_000L, 2_000L);
        assertThat(EventJson.refresh(EventJson.toJson(refresh))).usingRecursiveComparison().isEqualTo(refresh);
        assertThat(EventJson.toJson(refresh)).doesNotContain("withheld");
        RecommendationRefresh withdrawn = new RecommendationRefresh("c1", "INSTAGRAM", "a2", "ADS",
                new RecommendedItem[0], 8L, "setting:INSTAGRAM:a2@3000", 3_000L, 4_000L, Withheld.MINOR_ADVERTISING);
        assertThat(EventJson.toJson(withdrawn)).contains("\"withheld\":\"MINOR_ADVERTISING\"");
        assertThat(EventJson.refresh(EventJson.toJson(withdrawn))).usingRecursiveComparison().isEqualTo(withdrawn);
        DeadLetter letter = new DeadLetter("t", "{", "not valid JSON", 5_000L);
        assertThat(EventJson.deadLetter(EventJson.toJson(letter))).isEqualTo(letter);
        ErasureReceipt receipt = new ErasureReceipt("r1", "WHATSAPP", "a3", 5_000L, 6_000L, true);
        assertThat(EventJson.erasureReceipt(EventJson.toJson(receipt))).isEqualTo(receipt);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{not json|not valid JSON",
        "[1,2]|not a JSON object",
        "''|empty payload",
        "{\"app\":\"MESSENGER\",\"accountId\":\"a\",\"timestamp\":1764400000000,\"modality\":\"TEXT\",\"text\":\"t\"}|missing field 'eventId'",
        "{\"eventId\":\"e\",\"app\":\"MYSPACE\",\"accountId\":\"a\",\"timestamp\":1764400000000,\"modality\":\"TEXT\",\"text\":\"t\"}|unknown app 'MYSPACE'",
        "{\"eventId\":\"e\",\"app\":\"MESSENGER\",\"accountId\":\"a\",\"timestamp\":\"yesterday\",\"modality\":\"TEXT\",\"text\":\"t\"}|field 'timestamp' must be an ISO-8601 instant or epoch milliseconds",
        "{\"eventId\":\"e\",\"app\":\"MESSENGER\",\"accountId\":\"a\",\"timestamp\":1764400000000,\"modality\":\"SMOKE\",\"text\":\"t\"}|field 'modality' has unknown value 'SMOKE'",
        "{\"eventId\":\"e\",\"app\":\"MESSENGER\",\"accountId\":\"a\",\"timestamp\":1764400000000,\"modality\":\"TEXT\",\"text\":42}|field 'text' must be a non-empty string",
    })
    void rejectsBadMessagesWithTheFirstProblem(String payload, String reason) {
        assertThatThrownBy(() -> json.assistantMessage(payload))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void rejectsBadLinksAndCatalogEntries() {
        assertThatThrownBy(() -> json.accountLink("""
                {"app":"INSTAGRAM","accountId":"a","centerId":"c","linked":"yes","timestamp":1764400000000}"""))
                .hasMessageContaining("field 'linked' must be true or false");
        assertThatThrownBy(() -> json.catalogEntry("""
                {"itemId":"i","app":"INSTAGRAM","surface":"FEED","text":"t","tags":"run","timestamp":1764400000000}"""))
                .hasMessageContaining("field 'tags' must be an array of strings");
        assertThatThrownBy(() -> json.erasureRequest("""
                {"app":"INSTAGRAM","accountId":"a","timestamp":1764400000000}"""))
                .hasMessageContaining("missing field 'requestId'");
        assertThatThrownBy(() -> json.erasureRequest("""
                {"requestId":"r","app":"MYSPACE","accountId":"a","timestamp":1764400000000}"""))
                .hasMessageContaining("unknown app 'MYSPACE'");
    }

    @Test
    void anAccountsCenterEventLinksChangesTheHoldersSettingsOrBoth() throws Exception {
        AccountLink setting = json.accountLink("""
                {"app":"INSTAGRAM","accountId":"a","useAssistantMessages":false,"timestamp":1764400000000}""");
        assertThat(setting).isEqualTo(AccountLink.assistantMessages("INSTAGRAM", "a", false, 1764400000000L));
        assertThat(setting.changesMembership()).isFalse();
        AccountLink both = json.accountLink("""
                {"app":"INSTAGRAM","accountId":"a","centerId":"c","linked":true,"useAssistantMessages":true,\
                "timestamp":1764400000000}""");
        assertThat(both).isEqualTo(new AccountLink("INSTAGRAM", "a", "c", true, 1764400000000L, true));
        AccountLink link = json.accountLink("""
                {"app":"INSTAGRAM","accountId":"a","centerId":"c","linked":false,"timestamp":1764400000000}""");
        assertThat(link.useAssistantMessages()).isNull();
        AccountLink acrossApps = json.accountLink("""
                {"app":"INSTAGRAM","accountId":"a","assistantMessagesAcrossApps":false,"timestamp":1764400000000}""");
        assertThat(acrossApps)
                .isEqualTo(AccountLink.assistantMessagesAcrossApps("INSTAGRAM", "a", false, 1764400000000L));
        AccountLink bothSettings = json.accountLink("""
                {"app":"INSTAGRAM","accountId":"a","useAssistantMessages":true,"assistantMessagesAcrossApps":true,\
                "timestamp":1764400000000}""");
        assertThat(bothSettings).isEqualTo(new AccountLink("INSTAGRAM", "a", null, false, 1764400000000L, true, true));
        AccountLink profiling = json.accountLink("""
                {"app":"INSTAGRAM","accountId":"a","profiling":false,"timestamp":1764400000000}""");
        assertThat(profiling).isEqualTo(AccountLink.profiling("INSTAGRAM", "a", false, 1764400000000L));
        assertThat(profiling.changesMembership()).isFalse();
        AccountLink linkedUnprofiled = json.accountLink("""
                {"app":"INSTAGRAM","accountId":"a","centerId":"c","linked":true,"profiling":false,\
                "timestamp":1764400000000}""");
        assertThat(linkedUnprofiled.profiling()).isFalse();
        assertThat(linkedUnprofiled.changesMembership()).isTrue();
        AccountLink minor = json.accountLink("""
                {"app":"INSTAGRAM","accountId":"a","minor":true,"timestamp":1764400000000}""");
        assertThat(minor).isEqualTo(AccountLink.minor("INSTAGRAM", "a", true, 1764400000000L));
        assertThat(minor.changesMembership()).isFalse();
        for (AccountLink event : new AccountLink[] {setting, both, link, acrossApps, bothSettings, profiling,
            linkedUnprofiled, minor}) {
            assertThat(json.accountLink(EventJson.toJson(event))).isEqualTo(event);
        }

        assertThatThrownBy(() -> json.accountLink("""
                {"app":"INSTAGRAM","accountId":"a","useAssistantMessages":"no","timestamp":1764400000000}"""))
                .hasMessageContaining("field 'useAssistantMessages' must be true or false");
        assertThatThrownBy(() -> json.accountLink("""
                {"app":"INSTAGRAM","accountId":"a","profiling":"off","timestamp":1764400000000}"""))
                .hasMessageContaining("field 'profiling' must be true or false");
        assertThatThrownBy(() -> json.accountLink("""
                {"app":"INSTAGRAM","accountId":"a","timestamp":1764400000000}"""))
                .as("neither a link nor a setting").hasMessageContaining("missing field 'centerId'");
        assertThatThrownBy(() -> json.accountLink("""
                {"app":"INSTAGRAM","accountId":"a","linked":true,"useAssistantMessages":false,\
                "timestamp":1764400000000}"""))
                .as("half a link").hasMessageContaining("missing field 'centerId'");
    }

    @Test
    void textsAreBoundedSinceTheGuardReadsThemWhole() throws Exception {
        String longest = "a".repeat(EventJson.MAX_TEXT_LENGTH);
        String message = """
                {"eventId":"e","app":"MESSENGER","accountId":"a","timestamp":1764400000000,"modality":"TEXT",\
                "text":"%s"}""";
        assertThat(json.assistantMessage(message.formatted(longest)).text()).hasSize(EventJson.MAX_TEXT_LENGTH);
        assertThatThrownBy(() -> json.assistantMessage(message.formatted(longest + "a")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("field 'text' is longer than 32768 characters (32769): not used");
        assertThatThrownBy(() -> json.catalogEntry("""
                {"itemId":"i","app":"INSTAGRAM","surface":"FEED","text":"%s","timestamp":1764400000000}"""
                .formatted(longest + "a")))
                .hasMessageContaining("field 'text' is longer than 32768 characters");
    }

    @Test
    void aRejectedMessagesDeadLetterKeepsItsFieldsButNotItsText() {
        assertThat(EventJson.withoutText("""
                {"eventId":"e1","app":"MYSPACE","accountId":"a","text":"I was diagnosed with diabetes"}"""))
                .isEqualTo("{\"eventId\":\"e1\",\"app\":\"MYSPACE\",\"accountId\":\"a\","
                        + "\"text\":\"[withheld: 29 characters]\"}");
        assertThat(EventJson.withoutText("""
                {"eventId":"e2","text":{"nested":"I was diagnosed"}}""")).doesNotContain("diagnosed");
        assertThat(EventJson.withoutText("""
                {"eventId":"e3","app":"MESSENGER","text":"I was diagnosed with"""))
                .isEqualTo("[withheld: 62 characters, not a JSON object; eventId=e3]");
        assertThat(EventJson.withoutText("I was diagnosed")).isEqualTo("[withheld: 15 characters, not a JSON object]");
        assertThat(EventJson.withoutText("[\"I was diagnosed\"]")).doesNotContain("diagnosed");
        assertThat(EventJson.withoutText("")).isEqualTo("[withheld: 0 characters, not a JSON object]");
    }

    @Test
    void idsAndTagsAreBoundedSinceStateKeepsThem() throws Exception {
        String longest = "i".repeat(EventJson.MAX_ID_LENGTH);
        assertThat(json.engagementSignal(engagement(longest)).itemId()).isEqualTo(longest);
        assertThatThrownBy(() -> json.engagementSignal(engagement(longest + "i")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("field 'itemId' is longer than 512 characters");

        String tags = "[" + "\"t\",".repeat(EventJson.MAX_TAGS) + "\"t\"]";
        assertThatThrownBy(() -> json.catalogEntry("""
                {"itemId":"i1","app":"INSTAGRAM","surface":"FEED","text":"x","tags":%s,"timestamp":1764400000000}"""
                .formatted(tags))).hasMessage("more than 32 tags");
        assertThatThrownBy(() -> json.catalogEntry("""
                {"itemId":"i1","app":"INSTAGRAM","surface":"FEED","text":"x","tags":["%s"],"timestamp":1764400000000}"""
                .formatted("t".repeat(101)))).hasMessage("a tag is longer than 100 characters");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1764400000|(it looks like seconds)",
        "1764400000000000|(it looks like microseconds or nanoseconds)",
        "0|",
        "-5|",
        "\"2201-01-01T00:00:00Z\"|",
    })
    void rejectsEventTimesOutsideTheYears1990To2200(String timestamp, String hint) {
        assertThatThrownBy(() -> json.engagementSignal("""
                {"eventId":"e1","app":"INSTAGRAM","accountId":"a1","timestamp":%s,"kind":"LIKE","itemId":"i1"}"""
                .formatted(timestamp)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("is not between 1990-01-01T00:00:00Z and 2200-01-01T00:00:00Z in epoch milliseconds")
                .hasMessageEndingWith(hint == null ? "milliseconds" : hint);
    }

    @Test
    void acceptsTheEarliestEventTimeAndOneJustBeforeTheLatest() throws Exception {
        assertThat(json.engagementSignal(engagementAt(EventJson.EARLIEST_EVENT_TIME)).timestamp())
                .isEqualTo(EventJson.EARLIEST_EVENT_TIME);
        assertThat(json.engagementSignal(engagementAt(EventJson.LATEST_EVENT_TIME - 1)).timestamp())
                .isEqualTo(EventJson.LATEST_EVENT_TIME - 1);
    }

    private static String engagementAt(long timestamp) {
        return """
                {"eventId":"e1","app":"INSTAGRAM","accountId":"a1","timestamp":%d,"kind":"LIKE","itemId":"i1"}"""
                .formatted(timestamp);
    }

    private static String engagement(String itemId) {
        return """
                {"eventId":"e1","app":"INSTAGRAM","accountId":"a1","timestamp":1764400000000,"kind":"LIKE","itemId":"%s"}"""
                .formatted(itemId);
    }

    @Test
    void deadLettersKeepAtMostAThousandCharacters() {
        DeadLetter letter = DeadLetter.of("t", "x".repeat(5_000), "too long", 0L);
        assertThat(letter.payload()).hasSize(DeadLetter.MAX_PAYLOAD_CHARS);
    }
}
