package io.attune.models.embedding;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Run in a fresh JVM by {@link OfflineLoadTest}: loads and uses the model with empty caches while every
 * URL connection the JVM attempts is recorded and refused. Exits 0 only if the model works and nothing
 * tried to reach the network.
 */
public final class OfflineLoadCheck {

    private OfflineLoadCheck() {}

    public static void main(String[] args) {
        List<URI> attempts = new CopyOnWriteArrayList<>();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                attempts.add(uri);
                throw new IllegalStateException("network access attempted: " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {}
        });
        try (EmbeddingModel model = EmbeddingModel.load(EmbeddingConfig.defaults());
                TextEmbedder embedder = model.newEmbedder()) {
            float[] vector = embedder.embed("offline check");
            System.out.println("dimension=" + vector.length + " offline=" + System.getProperty("ai.djl.offline"));
        }
        System.out.println("network attempts=" + attempts);
        System.exit(attempts.isEmpty() ? 0 : 3);
    }
}
