package io.attune.models.guard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the guard's tab-separated resources: blank lines and {@code #} comments skipped, columns checked. */
final class GuardResources {

    private GuardResources() {}

    /** Each row split into exactly {@code columns} fields (the last one keeps any further tabs). */
    static List<String[]> rows(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = GuardResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing guard resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", columns);
                if (parts.length != columns) {
                    throw new IllegalStateException("expected " + columns + " columns in " + resource + ": " + line);
                }
                rows.add(parts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read guard resource " + resource, e);
        }
        return rows;
    }
}
