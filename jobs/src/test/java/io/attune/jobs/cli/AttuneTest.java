package io.attune.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AttuneTest {

    @Test
    void everyCommandHasItsOwnUsage() {
        assertThat(Attune.usageOf("replay"))
                .startsWith("usage: bin/attune replay [options]\n")
                .contains("--assistant-messages FILE")
                .doesNotContain("--savepoint");
        assertThat(Attune.usageOf("classify")).contains("--input FILE").doesNotContain("--pace");
        assertThat(Attune.usageOf("local")).contains("--until-done").doesNotContain("--catalog ");
        assertThat(Attune.usageOf("inspect")).contains("--savepoint PATH");
        assertThat(Attune.usageOf("train-guard")).contains("--leave-one-source-out");
        assertThatThrownBy(() -> Attune.usageOf("help")).hasMessageContaining("unknown command 'help'");
    }

    @Test
    void helpIsAskedForOnlyWhereAnOptionNameGoes() {
        assertThat(Attune.asksForHelp(new String[] {"--help"})).isTrue();
        assertThat(Attune.asksForHelp(new String[] {"-h"})).isTrue();
        assertThat(Attune.asksForHelp(new String[] {"--catalog", "f.jsonl", "--help"})).isTrue();
        assertThat(Attune.asksForHelp(new String[] {"--request-id", "-h"})).isFalse();
        assertThat(Attune.asksForHelp(new String[] {})).isFalse();
        assertThat(Attune.asksForHelp(new String[] {"--until-done"})).isFalse();
    }
}
