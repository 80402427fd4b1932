package io.cloudist.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArgLineTest {
    @Test
    void splitsOnWhitespace() {
        assertThat(ArgLine.split("  -Xmx512m   --add-opens java.base/java.lang=ALL-UNNAMED\n-Da=b "))
                .containsExactly("-Xmx512m", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Da=b");
    }

    @Test
    void quotesGroupWords() {
        assertThat(ArgLine.split("-Dname=\"two words\" '-Dother=a b' -Dq=\"say \\\"hi\\\"\""))
                .containsExactly("-Dname=two words", "-Dother=a b", "-Dq=say \"hi\"");
    }

    @Test
    void emptyArgLineHasNoArguments() {
        assertThat(ArgLine.split("")).isEmpty();
        assertThat(ArgLine.split("   ")).isEmpty();
    }
}
