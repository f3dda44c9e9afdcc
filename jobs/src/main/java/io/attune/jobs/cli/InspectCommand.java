package io.attune.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.attune.jobs.CommandLineOptions;
import io.attune.jobs.functions.AccountKeys;
import io.attune.jobs.inspect.InspectionReports;
import io.attune.jobs.inspect.KeyFilter;
import io.attune.jobs.inspect.KeyedStateEntry;
import io.attune.jobs.inspect.SavepointInspector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.Configuration;

/**
 * {@code bin/attune inspect}: reads a savepoint (or retained checkpoint) of the personalization job while the job
 * is stopped or running elsewhere, and prints what it holds: everything about one account and its person (to
 * answer an access request, GDPR Article 15) or counts for the whole savepoint.
 */
final class InspectCommand {

    static final String USAGE = """
              inspect  read a savepoint or retained checkpoint of the job (no running job needed) and print
                       what it holds, as JSON
                         --savepoint PATH      the savepoint's directory (local path or URI)
                         --app APP --account ID   everything held about this account and its person, with
                                               each interest explained by its closest catalog items (an
                                               access request); without them: counts only, no ids
                         --output FILE         instead of stdout
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private InspectCommand() {}

    static int run(String[] args) throws Exception {
        Map<String, String> given;
        try {
            given = new LinkedHashMap<>(CommandLineOptions.parse(args).toMap());
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        String savepoint = given.remove("savepoint");
        String app = given.remove("app");
        String account = given.remove("account");
        String output = given.remove("output");
        if (savepoint == null) {
            return usage("--savepoint is required");
        }
        if ((app == null) != (account == null)) {
            return usage("--app and --account go together");
        }
        if (!given.isEmpty()) {
            return usage("unknown option --" + given.keySet().iterator().next());
        }
        String location = savepointUri(savepoint);
        if (location == null) {
            return usage("no savepoint at " + savepoint + " (expected a directory with a _metadata file)");
        }
        SavepointInspector inspector = new SavepointInspector(location, new Configuration());
        ObjectNode report = app == null
                ? summary(inspector, location)
                : accessReport(inspector, AccountKeys.of(app, account));
        String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n";
        if (output == null) {
            System.out.print(json);
        } else {
            Files.writeString(Path.of(output), json, StandardCharsets.UTF_8);
            System.err.println("inspect: wrote " + output);
        }
        return 0;
    }

    static ObjectNode summary(SavepointInspector inspector, String location) throws Exception {
        ObjectNode summary = InspectionReports.summary(inspector.tally(), inspector.catalogTally(),
                inspector.absentOperators(), inspector.stateSizes());
        summary.put("savepoint", location);
        return summary;
    }

    static ObjectNode accessReport(SavepointInspector inspector, String accountKey) throws Exception {
        List<KeyedStateEntry> ofAccount = inspector.entries(KeyFilter.only(Set.of(accountKey)), null, null);
        KeyedStateEntry identity = ofAccount.stream().filter(e -> e.identity() != null).findFirst().orElse(null);
        KeyedStateEntry objections =
                ofAccount.stream().filter(e -> e.messageObjections() != null).findFirst().orElse(null);
        List<KeyedStateEntry> held = identity == null ? List.of()
                : inspector.entries(null, KeyFilter.only(Set.of(identity.identity().personId())), null);
        return InspectionReports.accessReport(accountKey, identity, objections, held, inspector::forEachCatalogItem);
    }

    /** The savepoint as a URI, or {@code null} when a local path has no savepoint metadata. */
    static String savepointUri(String given) throws IOException {
        if (given.contains("://")) {
            return given;
        }
        Path path = Path.of(given).toAbsolutePath();
        if (path.getFileName() != null && path.getFileName().toString().equals("_metadata")) {
            path = path.getParent();
        }
        return Files.isRegularFile(path.resolve("_metadata")) ? path.toUri().toString() : null;
    }

    private static int usage(String problem) {
        System.err.println("inspect: " + problem + "\n\nusage: bin/attune inspect [options]\n" + USAGE);
        return 2;
    }
}
