package io.attune.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic chat-length messages: 5 to 60 words, mixed topics, the lengths people type to an
 * assistant. The same seed gives the same corpus in every run and for every implementation.
 */
public final class ChatCorpus {

    private static final String[] OPENERS = {
        "can you recommend", "what is the best", "how do I", "I am looking for", "tell me about",
        "help me plan", "which one should I buy", "explain", "compare", "where can I find"};
    private static final String[] WORDS = (
            "trail running shoes marathon training plan jazz album vinyl concert tickets weekend trip Rome "
            + "Lisbon pasta recipe sourdough bread camera lens landscape photography mountain hiking boots "
            + "budget family holiday beach hotel kids museum guitar lessons beginner electric bike commute "
            + "coffee grinder espresso latte garden tomatoes balcony plants winter coat waterproof jacket "
            + "football match tonight score podcast episode science fiction novel series streaming movie "
            + "birthday gift sister cheap flight March laptop battery phone upgrade headphones noise "
            + "cancelling yoga stretching routine morning breakfast ideas healthy quick dinner vegetarian").split(" ");

    private ChatCorpus() {}

    public static List<String> messages(int count, long seed) {
        Random random = new Random(seed);
        List<String> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int words = 5 + random.nextInt(56);
            StringBuilder text = new StringBuilder(OPENERS[random.nextInt(OPENERS.length)]);
            for (int w = 3; w < words; w++) {
                text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
                if (random.nextInt(12) == 0) {
                    text.append(random.nextBoolean() ? "," : ".");
                }
            }
            messages.add(text.append('?').toString());
        }
        return messages;
    }
}
