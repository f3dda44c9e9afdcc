package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlaceNamesTest {

    @Test
    void countryNamesAreWholeNamesInEachLanguageButNotThoseOfUsStates() {
        Set<String> names = PlaceNames.countryNames();
        assertThat(names).contains("eritrea", "ecuador", "turkei", "turquie", "cote d'ivoire", "united states",
                "marocco", "alemanha", "suriname");
        assertThat(names).doesNotContain("georgia", "georgie", "jersey", "ohio", "congo (drc)");
        assertThat(names).allMatch(name -> name.equals(CharNgrams.normalize(name)));
    }

    @Test
    void theBundledCountryNamesAreWhatTheBuilderWrites() {
        Set<String> bundled = new HashSet<>();
        GuardResources.rows(PlaceNames.COUNTRIES_RESOURCE, 1).forEach(row -> bundled.add(row[0].strip()));
        // The same JDK locale data as the resource's (its header says which); another JDK may name a few otherwise.
        assertThat(bundled).hasSize(PlaceNames.countryNames().size()).containsAll(PlaceNames.countryNames());
    }
}
