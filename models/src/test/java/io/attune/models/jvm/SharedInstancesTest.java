package io.attune.models.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedInstancesTest {

    @Test
    void makesOneInstancePerKeyAndLetsItGoAtTheLastRelease() {
        List<String> made = new ArrayList<>();
        List<String> released = new ArrayList<>();
        SharedInstances<String, String> shared = new SharedInstances<>(released::add);

        String first = shared.acquire("a", key -> {
            made.add(key);
            return new String("instance of " + key);
        });
        String second = shared.acquire("a", key -> "never made");
        shared.acquire("b", key -> "instance of " + key);

        assertThat(second).isSameAs(first);
        assertThat(made).containsExactly("a");
        assertThat(shared.references("a")).isEqualTo(2);
        shared.release("a");
        assertThat(released).isEmpty();
        shared.release("a");
        assertThat(released).containsExactly("instance of a");
        assertThat(shared.references("a")).isZero();
        shared.release("a");
        assertThat(released).as("a release too many changes nothing").hasSize(1);
        assertThat(shared.acquire("a", key -> "made again")).isEqualTo("made again");
        assertThat(shared.references("b")).isEqualTo(1);
    }
}
