package io.attune.jobs.events;

/**
 * A message a person sent to an AI assistant, from the {@code assistant-messages} topic. Its text lives only
 * until the guard has scored it; it is never kept in state.
 *
 * @param app the app the assistant runs in (FACEBOOK, INSTAGRAM, MESSENGER, WHATSAPP or a configured id)
 * @param timestamp event time, epoch milliseconds
 * @param locale BCP 47 language tag, or {@code null} when unknown
 */
public record AssistantMessage(
        String eventId, String app, String accountId, long timestamp, Modality modality, String text, String locale) {}
