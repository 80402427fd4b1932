package io.cloudist.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ElapsedTest {
    @Test
    void xmlTimeIsSecondsAsAJavaFloat() {
        assertThat(Elapsed.xml(0)).isEqualTo("0.0");
        assertThat(Elapsed.xml(10)).isEqualTo("0.01");
        assertThat(Elapsed.xml(175)).isEqualTo("0.175");
        assertThat(Elapsed.xml(61_234)).isEqualTo("61.234");
    }

    @Test
    void consoleTimeKeepsFourSignificantDigits() {
        assertThat(Elapsed.console(0)).isEqualTo("0 s");
        assertThat(Elapsed.console(10)).isEqualTo("0.010 s");
        assertThat(Elapsed.console(394)).isEqualTo("0.394 s");
        assertThat(Elapsed.console(12_345)).isEqualTo("12.35 s");
        assertThat(Elapsed.console(123_456)).isEqualTo("123.5 s");
        assertThat(Elapsed.console(1_234_567)).isEqualTo("1235 s");
    }

    @Test
    void consoleTimeIgnoresTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRANCE);
        try {
            assertThat(Elapsed.verbose(1_500)).isEqualTo("Time elapsed: 1.500 s");
        } finally {
            Locale.setDefault(before);
        }
    }
}
