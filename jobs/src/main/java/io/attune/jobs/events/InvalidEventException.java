package io.attune.jobs.events;

/** An input that cannot be used; its message becomes the dead letter's reason. */
public final class InvalidEventException extends Exception {

    public InvalidEventException(String reason) {
        super(reason);
    }
}
