package io.attune.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.YamlParserUtils;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.junit.jupiter.api.Test;

/**
 * The files in {@code docker/} start the job this build makes: the entry class exists, its arguments are options the
 * job knows (a renamed option would otherwise be refused only on the cluster), the image is of the Flink version the
 * job is built against, and what the Kubernetes manifest repeats of the image's settings is the same.
 */
class DeploymentFilesTest {

    private static final Path DOCKER = Path.of("../docker");
    private static final Pattern IMAGE_SETTING = Pattern.compile("echo '([a-z.-]+): (.*)' >> /opt/flink/conf/config.yaml");

    @Test
    void theKubernetesManifestStartsThisJobWithOptionsItKnows() throws Exception {
        Map<String, Object> spec = map(YamlParserUtils.loadYamlFile(DOCKER.resolve("k8s/flink-deployment.yaml").toFile())
                .get("spec"));
        Map<String, Object> job = map(spec.get("job"));
        assertThat(Class.forName((String) job.get("entryClass")).getMethod("main", String[].class)).isNotNull();
        Configuration options = CommandLineOptions.parse(strings(job.get("args")));
        assertThat(options.getOptional(PersonalizationOptions.BOOTSTRAP_SERVERS)).isPresent();
        assertThat(job.get("jarURI")).isEqualTo("local://" + jarInImage());
        assertThat(spec.get("flinkVersion")).isEqualTo("v" + flinkMinorVersion().replace('.', '_'));

        Map<String, Object> flink = map(spec.get("flinkConfiguration"));
        Map<String, String> image = imageSettings();
        assertThat(image).isNotEmpty();
        image.forEach((key, value) -> assertThat(flink.get(key)).as("%s as the image sets it", key).isEqualTo(value));
    }

    @Test
    void theComposeStackStartsThisJobWithOptionsItKnows() throws Exception {
        Map<String, Object> services = map(YamlParserUtils.loadYamlFile(DOCKER.resolve("compose.yaml").toFile())
                .get("services"));
        List<String> command = new ArrayList<>(Arrays.asList(
                ((String) map(services.get("jobmanager")).get("command")).trim().split("\\s+")));
        assertThat(command.remove(0)).isEqualTo("standalone-job");
        assertThat(command.remove(0)).isEqualTo("--job-classname");
        assertThat(Class.forName(command.remove(0)).getMethod("main", String[].class)).isNotNull();
        Configuration options = CommandLineOptions.parse(command.toArray(String[]::new));
        assertThat(options.getOptional(PersonalizationOptions.BOOTSTRAP_SERVERS)).isPresent();
    }

    @Test
    void theImageIsOfTheFlinkVersionTheJobIsBuiltAgainst() throws Exception {
        assertThat(Files.readAllLines(DOCKER.resolve("Dockerfile")))
                .contains("FROM flink:" + flinkMinorVersion() + "-java17");
    }

    /** Where the Dockerfile copies the job jar. */
    private static String jarInImage() throws Exception {
        return Files.readAllLines(DOCKER.resolve("Dockerfile")).stream()
                .filter(line -> line.startsWith("COPY jobs/target/attune-jobs-"))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .findFirst().orElseThrow();
    }

    /** The settings the Dockerfile appends to Flink's configuration. */
    private static Map<String, String> imageSettings() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        Matcher matcher = IMAGE_SETTING.matcher(Files.readString(DOCKER.resolve("Dockerfile")));
        while (matcher.find()) {
            settings.put(matcher.group(1), matcher.group(2));
        }
        return settings;
    }

    private static String flinkMinorVersion() {
        String[] parts = EnvironmentInformation.getVersion().split("\\.");
        return parts[0] + "." + parts[1];
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static String[] strings(Object value) {
        return ((List<Object>) value).stream().map(String::valueOf).toArray(String[]::new);
    }
}
