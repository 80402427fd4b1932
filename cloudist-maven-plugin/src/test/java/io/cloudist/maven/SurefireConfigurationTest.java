package io.cloudist.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudist.core.ConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.junit.jupiter.api.Test;

class SurefireConfigurationTest {
    static final UnaryOperator<String> EVALUATOR =
            value -> value.equals("${unset}") ? null : value.replace("${project.build.directory}", "/m/target");

    @Test
    void readsScalarsListsAndMapsWithExpressionsEvaluated() throws Exception {
        Xpp3Dom configuration = xml("""
            <configuration>
              <argLine>-Xmx1g</argLine>
              <reportsDirectory>${project.build.directory}/reports</reportsDirectory>
              <includes><include>**/*Spec.java</include><include>**/*Test.java</include></includes>
              <systemPropertyVariables><db>h2</db><empty/></systemPropertyVariables>
              <environmentVariables><TZ>UTC</TZ></environmentVariables>
              <forkCount>4</forkCount>
            </configuration>\
            """);

        Map<String, Object> values = SurefireConfiguration.read(configuration, EVALUATOR);

        assertThat(values)
                .containsEntry("argLine", "-Xmx1g")
                .containsEntry("reportsDirectory", "/m/target/reports")
                .containsEntry("includes", List.of("**/*Spec.java", "**/*Test.java"))
                .containsEntry("systemPropertyVariables", Map.of("db", "h2", "empty", ""))
                .containsEntry("environmentVariables", Map.of("TZ", "UTC"))
                .containsEntry("forkCount", "4");
    }

    @Test
    void readsTheFlakyTestParameters() throws Exception {
        Map<String, Object> values = SurefireConfiguration.read(xml("""
            <configuration>
              <rerunFailingTestsCount>2</rerunFailingTestsCount>
              <failOnFlakeCount>1</failOnFlakeCount>
            </configuration>\
            """), EVALUATOR);

        assertThat(values).containsEntry("rerunFailingTestsCount", "2").containsEntry("failOnFlakeCount", "1");
    }

    @Test
    void surefiresOwnSkipIsNotReadItsSkipTestsIsAndUnresolvedValuesAreLeftOut() throws Exception {
        Map<String, Object> values = SurefireConfiguration.read(
                xml("<configuration><skip>true</skip><skipTests>true</skipTests><test>${unset}</test></configuration>"),
                EVALUATOR);

        assertThat(values).containsExactlyEntriesOf(Map.of("skipTests", "true"));
    }

    @Test
    void legacySystemPropertiesAreMergedUnderSystemPropertyVariables() throws Exception {
        Xpp3Dom configuration = xml("""
            <configuration>
              <systemProperties>
                <property><name>a</name><value>legacy</value></property>
                <property><name>b</name><value>legacy</value></property>
              </systemProperties>
              <systemPropertyVariables><b>new</b></systemPropertyVariables>
            </configuration>\
            """);

        assertThat(SurefireConfiguration.read(configuration, EVALUATOR))
                .containsEntry("systemPropertyVariables", Map.of("a", "legacy", "b", "new"));
    }

    @Test
    void executionConfigurationOverridesPluginConfiguration() throws Exception {
        Xpp3Dom plugin = xml("<configuration><argLine>-Xmx1g</argLine><groups>fast</groups></configuration>");
        Xpp3Dom execution = xml("<configuration><argLine>-Xmx2g</argLine></configuration>");

        Map<String, Object> values =
                SurefireConfiguration.read(SurefireConfiguration.merge(execution, plugin), EVALUATOR);

        assertThat(values).containsEntry("argLine", "-Xmx2g").containsEntry("groups", "fast");
        assertThat(plugin.getChild("argLine").getValue()).isEqualTo("-Xmx1g");
    }

    @Test
    void badExpressionIsAConfigurationErrorNamingTheElement() throws Exception {
        UnaryOperator<String> failing = value -> {
            throw new IllegalArgumentException("bad expression");
        };

        assertThatThrownBy(
                        () -> SurefireConfiguration.read(xml("<configuration><jvm>${x</jvm></configuration>"), failing))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("jvm");
                    assertThat(e.fix()).contains("cloudist.useSurefireConfig=false");
                });
    }

    private static Xpp3Dom xml(String text) throws XmlPullParserException, IOException {
        return Xpp3DomBuilder.build(new StringReader(text));
    }

    @Test
    void surefiresForkNumberPlaceholderIsKeptForTheWorkers() throws Exception {
        Map<String, Object> values = SurefireConfiguration.read(xml("""
            <configuration>
              <argLine>-Dport=80${surefire.forkNumber}</argLine>
              <systemPropertyVariables><schema>${surefire.forkNumber}</schema></systemPropertyVariables>
            </configuration>\
            """), value -> value.contains("${") ? null : value);

        assertThat(values)
                .containsEntry("argLine", "-Dport=80${surefire.forkNumber}")
                .containsEntry("systemPropertyVariables", Map.of("schema", "${surefire.forkNumber}"));
    }
}
