package io.attune.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;

/**
 * What a local run's checkpoints cost, as Flink's REST API reports them ({@code /jobs/:id/checkpoints}): how many
 * completed and failed, how long they took end to end, how many bytes each wrote (RocksDB's incremental share of keyed
 * state, and operator state in full) and how large the whole state was. A deployment sizes its checkpoint storage and
 * interval from these; {@code bin/attune latency} prints them after its latencies.
 */
final class CheckpointStatistics {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The local cluster's REST endpoint listens on this machine only. */
    private static final String LOOPBACK = InetAddress.getLoopbackAddress().getHostAddress();

    private CheckpointStatistics() {}

    /**
     * Has the local cluster's REST endpoint listen on a free port, so that the statistics can be asked for; returns
     * the port.
     */
    static int listenOnAFreePort(Configuration flinkConf) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        flinkConf.set(RestOptions.ADDRESS, LOOPBACK);
        flinkConf.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        flinkConf.set(RestOptions.BIND_PORT, Integer.toString(port));
        flinkConf.set(RestOptions.PORT, port);
        return port;
    }

    /**
     * Asks the local cluster listening on {@code port} for the job's checkpoints, as a few readable lines: the counts,
     * durations and bytes, then the operators whose task thread the checkpoints held longest.
     */
    static String fetch(int port, JobID job) {
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://" + LOOPBACK + ":" + port + "/jobs/" + job;
        try {
            JsonNode checkpoints = get(client, base + "/checkpoints");
            String lines = describe(checkpoints);
            SyncParts syncParts = new SyncParts();
            for (JsonNode vertex : get(client, base).path("vertices")) {
                for (JsonNode checkpoint : checkpoints.path("history")) {
                    if ("COMPLETED".equals(checkpoint.path("status").asText())) {
                        syncParts.add(vertex.path("name").asText(), get(client, base + "/checkpoints/details/"
                                + checkpoint.path("id").asLong() + "/subtasks/" + vertex.path("id").asText()));
                    }
                }
            }
            return lines + syncParts.describe();
        } catch (IOException e) {
            return "Checkpoints: statistics unavailable (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Checkpoints: statistics unavailable (interrupted)";
        }
    }

    private static JsonNode get(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("REST status " + response.statusCode() + " for " + url);
        }
        return JSON.readTree(response.body());
    }

    /**
     * How long checkpoints held each operator's task thread (the synchronous part, when the operator copies or
     * prepares its state and processes nothing else: every record waiting behind it waits that long), over the
     * checkpoints Flink keeps in its history, from {@code /jobs/:id/checkpoints/details/:checkpoint/subtasks/:vertex}.
     */
    static final class SyncParts {

        private static final int SHOWN = 3;

        private final Map<String, long[]> byVertex = new LinkedHashMap<>();

        /** One vertex's subtask details of one checkpoint. */
        void add(String vertex, JsonNode details) {
            JsonNode sync = details.path("summary").path("checkpoint_duration").path("sync");
            if (sync.isMissingNode()) {
                return;
            }
            long[] seen = byVertex.computeIfAbsent(shortName(vertex), name -> new long[3]);
            seen[0] = Math.max(seen[0], sync.path("max").asLong());
            seen[1] += Math.round(sync.path("avg").asDouble());
            seen[2]++;
        }

        /** A line of the slowest operators, or nothing when no checkpoint was read. */
        String describe() {
            List<Map.Entry<String, long[]>> slowest = new ArrayList<>(byVertex.entrySet());
            if (slowest.isEmpty()) {
                return "";
            }
            slowest.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "%n  task thread held (synchronous part), the latest %d checkpoints, longest first:",
                    slowest.get(0).getValue()[2]));
            for (Map.Entry<String, long[]> vertex : slowest.subList(0, Math.min(SHOWN, slowest.size()))) {
                long[] seen = vertex.getValue();
                line.append(String.format(Locale.ROOT, " %s max %,d ms (mean %,d);", vertex.getKey(), seen[0],
                        seen[1] / seen[2]));
            }
            line.setLength(line.length() - 1);
            return line.toString();
        }

        /** A chain's first operator, the source's topic for a source ("Source: content-catalog -> Parse …"). */
        private static String shortName(String vertex) {
            int chained = vertex.indexOf(" -> ");
            return chained < 0 ? vertex : vertex.substring(0, chained) + " …";
        }
    }

    /** The lines for a {@code /jobs/:id/checkpoints} response. */
    static String describe(JsonNode checkpoints) {
        JsonNode counts = checkpoints.path("counts");
        int completed = counts.path("completed").asInt();
        int failed = counts.path("failed").asInt();
        String line = String.format(Locale.ROOT, "Checkpoints: %,d completed, %,d failed", completed, failed);
        String failure = checkpoints.path("latest").path("failed").path("failure_message").asText("");
        if (failed > 0 && !failure.isBlank()) {
            line += " (the latest: " + failure.strip().lines().findFirst().orElse("") + ")";
        } else if (failed > 0) {
            // No failed checkpoint in the history: each failed before it began, which is how Flink counts a
            // checkpoint it could not trigger (while tasks are still starting, say).
            line += " (none began)";
        }
        if (completed == 0) {
            return line;
        }
        JsonNode summary = checkpoints.path("summary");
        JsonNode duration = summary.path("end_to_end_duration");
        JsonNode written = summary.path("checkpointed_size");
        JsonNode latest = checkpoints.path("latest").path("completed");
        return line + String.format(Locale.ROOT,
                "; end to end p50 %,d ms, p99 %,d ms, max %,d ms%n"
                        + "  written per checkpoint: mean %s, max %s; whole state at the latest: %s",
                duration.path("p50").asLong(), duration.path("p99").asLong(), duration.path("max").asLong(),
                bytes(written.path("avg").asDouble()), bytes(written.path("max").asDouble()),
                bytes(latest.path("state_size").asDouble()));
    }

    private static String bytes(double bytes) {
        if (bytes >= 1e6) {
            return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
    }
}
