package io.attune.models.guard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spells out camel-case hashtags as words ("#StopInvasione" as "#StopInvasione Stop Invasione") before the guard reads
 * a message.
 *
 * <p>On social media the topic is often only in a hashtag, and the word lists match whole words: "#OrgoglioGay" holds
 * no "gay" for them. A hashtag is split only where its writer marked the words by their case (a capital after a small
 * letter, the last capital of a run before a small letter: "#LGBTQRights" as "LGBTQ Rights"), at underscores and
 * between letters and digits. A hashtag in one case ("#stopislam", "#BLM") is left as it is: where its words end
 * cannot be told without a dictionary, and guessing would find words in everyday tags ("#grammarnazi"). Mentions
 * ("@SaraBlack") are names and are left alone. The tag itself stays before its words, so a term written as the one
 * word tweets also spell it in ("buildthewall", where "build the wall" alone is a shed's) still finds it.
 */
final class Hashtags {

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#([\\p{L}\\p{M}\\p{N}_]+)");

    private static final Pattern WORD_BOUNDARY = Pattern.compile(
            "(?<=\\p{Ll})(?=\\p{Lu})" // "orgoglioGay"
                    + "|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})" // "LGBTQRights"
                    + "|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})" // "Covid19", "19ans"
                    + "|_+");

    private Hashtags() {
    }

    /** {@code text} with each camel-case hashtag followed by its words; the same string when there is none. */
    static String spelledOut(String text) {
        if (text.indexOf('#') < 0) {
            return text;
        }
        Matcher matcher = HASHTAG.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (matcher.find()) {
            String tag = matcher.group(1);
            String words = WORD_BOUNDARY.matcher(tag).replaceAll(" ").strip();
            if (words.equals(tag)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 8);
            }
            out.append(text, copied, matcher.end()).append(' ').append(words);
            copied = matcher.end();
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }
}
