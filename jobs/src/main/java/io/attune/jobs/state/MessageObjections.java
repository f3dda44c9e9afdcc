package io.attune.jobs.state;

import io.attune.jobs.events.AccountLink;

/**
 * What the stage before the embedding model keeps of an account's holder's settings: whether they object, now, to the
 * use of its assistant messages or to profiling, and the event time of the latest change of each applied, so that an
 * older change arriving later is ignored as the identity stage ignores it ({@link IdentityState}).
 *
 * @param messagesTime event time of the latest change applied to the assistant-message setting; 0 when none
 * @param objectsToMessages whether the holder objects to the use of the account's assistant messages
 * @param profilingTime event time of the latest change applied to the profiling setting; 0 when none
 * @param objectsToProfiling whether the holder objects to profiling
 * @param changedAt wall-clock time of the latest change applied, from which an account that objects to nothing any
 *     more is forgotten after the retention period
 */
public record MessageObjections(long messagesTime, boolean objectsToMessages, long profilingTime,
        boolean objectsToProfiling, long changedAt) {

    /** No setting seen: messages are used, as by default. */
    public static final MessageObjections NONE = new MessageObjections(0L, false, 0L, false, 0L);

    /** With the settings {@code link} changes, unless a later change of the same setting was applied already. */
    public MessageObjections with(AccountLink link, long now) {
        long nextMessagesTime = messagesTime;
        boolean nextToMessages = objectsToMessages;
        long nextProfilingTime = profilingTime;
        boolean nextToProfiling = objectsToProfiling;
        if (link.useAssistantMessages() != null && link.timestamp() >= messagesTime) {
            nextMessagesTime = link.timestamp();
            nextToMessages = !link.useAssistantMessages();
        }
        if (link.profiling() != null && link.timestamp() >= profilingTime) {
            nextProfilingTime = link.timestamp();
            nextToProfiling = !link.profiling();
        }
        if (nextMessagesTime == messagesTime && nextProfilingTime == profilingTime
                && nextToMessages == objectsToMessages && nextToProfiling == objectsToProfiling) {
            return this;
        }
        return new MessageObjections(nextMessagesTime, nextToMessages, nextProfilingTime, nextToProfiling, now);
    }

    /** Whether the account's assistant messages are to be dropped now, unread. */
    public boolean objects() {
        return objectsToMessages || objectsToProfiling;
    }
}
