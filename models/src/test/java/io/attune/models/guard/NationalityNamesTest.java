package io.attune.models.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NationalityNamesTest {

    @Test
    void eachLanguageGetsTheFormsItsSentencesUse() {
        assertThat(NationalityNames.forms("es", "Peruano")).contains("peruano", "peruana", "peruanos", "peruanas");
        assertThat(NationalityNames.forms("es", "Albanés")).contains("albanes", "albanesa", "albaneses");
        assertThat(NationalityNames.forms("es", "Marroquí")).contains("marroqui", "marroquies");
        assertThat(NationalityNames.forms("it", "Turco")).contains("turca", "turchi", "turche");
        assertThat(NationalityNames.forms("it", "Albanese")).contains("albanese", "albanesi");
        assertThat(NationalityNames.forms("fr", "Vietnamien")).contains("vietnamienne", "vietnamiens", "vietnamiennes");
        assertThat(NationalityNames.forms("fr", "Algérien")).contains("algeriens");
        assertThat(NationalityNames.forms("fr", "Turc")).contains("turque");
        assertThat(NationalityNames.forms("de", "Türkisch")).contains("turkische", "turkischer", "turkischen");
        assertThat(NationalityNames.forms("nl", "Marokkaan")).contains("marokkaan", "marokkaans", "marokkaanse");
        assertThat(NationalityNames.forms("nl", "Vietnamees")).contains("vietnamees", "vietnamese");
        assertThat(NationalityNames.forms("en", "Vietnamese")).containsExactly("vietnamese");
    }

    @Test
    void theBundledListHoldsAdjectivesNotPlacesOrEverydayWords() {
        Set<String> bundled = new HashSet<>();
        GuardResources.rows(NationalityNames.RESOURCE, 1).forEach(row -> bundled.add(row[0].strip()));
        assertThat(bundled).contains("vietnamese", "ethiopian", "jamaican", "turkish", "lebanese", "vietnamienne",
                "griechisch", "polnische", "peruana", "colombianos", "albanese", "nigeriana", "peruviani", "turkse",
                "marokkaans");
        // Places the package lists among adjectives, and forms that are everyday words before they are nationalities.
        assertThat(bundled).doesNotContain("bouvet island", "andorra", "bangladesh", "man", "pool", "fin", "lets",
                "ceci");
        assertThat(bundled).allMatch(name -> name.equals(CharNgrams.normalize(name)));
    }
}
