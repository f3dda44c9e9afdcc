package io.attune.jobs.events;

/** An input that cannot be used; its message becomes the dead letter's reason. */
public final class InvalidEventException extends Exception {

    private final String withoutQuotes;

    public InvalidEventException(String reason) {
        this(reason, reason);
    }

    /**
     * @param withoutQuotes the reason without anything it quotes from the input (a JSON parser names the token it
     *     choked on, which may be a word of a message's text)
     */
    public InvalidEventException(String reason, String withoutQuotes) {
        super(reason);
        this.withoutQuotes = withoutQuotes;
    }

    /** The reason as a dead letter of an input whose text must not be copied may give it. */
    public String reasonWithoutQuotes() {
        return withoutQuotes;
    }
}
