package io.attune.models.language;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes small dictionaries in dictd format (an index of base-64 offsets beside gzip-compressed entries) for tests. */
public final class DictdFiles {

    private final Map<String, String> entries = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();

    /** An entry: the headword line dictd repeats (with a pronunciation), then the given lines. */
    public DictdFiles entry(String headword, String... lines) {
        entries.put(headword, headword + " /x/ <n>\n" + String.join("\n", lines) + "\n");
        return this;
    }

    /** Another headword in the index for an entry already given, as dictd lists spelling variants. */
    public DictdFiles alias(String headword, String entryHeadword) {
        aliases.put(headword, entryHeadword);
        return this;
    }

    /** Writes {@code NAME.index} and {@code NAME.dict.dz} in the directory; entries lie in reverse index order. */
    public void write(Path directory, String name) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        Map<String, long[]> positions = new LinkedHashMap<>();
        data.write(("00-database-info\nA test dictionary\n").getBytes(StandardCharsets.UTF_8));
        var headwords = new java.util.ArrayList<>(entries.keySet());
        java.util.Collections.reverse(headwords);
        for (String headword : headwords) {
            byte[] bytes = entries.get(headword).getBytes(StandardCharsets.UTF_8);
            positions.put(headword, new long[] {data.size(), bytes.length});
            data.write(bytes);
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(directory.resolve(name + ".dict.dz")))) {
            data.writeTo(out);
        }
        StringBuilder index = new StringBuilder("00-database-info\tA\tS\n");
        Map<String, String> listed = new java.util.TreeMap<>();
        entries.keySet().forEach(headword -> listed.put(headword, headword));
        listed.putAll(aliases);
        listed.forEach((headword, entry) -> index.append(headword).append('\t')
                .append(Dictd.digits(positions.get(entry)[0])).append('\t')
                .append(Dictd.digits(positions.get(entry)[1])).append('\n'));
        Files.writeString(directory.resolve(name + ".index"), index.toString());
    }
}
