package io.attune.jobs.testing;

import io.attune.jobs.TestClusters;
import io.attune.jobs.cli.LocalKafkaBroker;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process KRaft broker per test class, with every topic the job reads or writes (one partition each) and a
 * client for it. Register it as a static field with {@code @RegisterExtension}.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private LocalKafkaBroker broker;
    private KafkaTestClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        broker = LocalKafkaBroker.start();
        broker.createTopics(TestClusters.TOPICS, 1);
        client = new KafkaTestClient(broker.bootstrapServers());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        client.close();
        broker.close();
    }

    public LocalKafkaBroker broker() {
        return broker;
    }

    public KafkaTestClient client() {
        return client;
    }
}
