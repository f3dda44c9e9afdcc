package io.attune.jobs.events;

/** How an assistant message was given. */
public enum Modality {
    TEXT,
    VOICE_TRANSCRIPT,
    IMAGE_PROMPT
}
