package io.cloudist.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudist.core.model.TestNode;
import org.junit.jupiter.api.Test;

/** Expected names are those Surefire 3.5.4 wrote for the same JUnit 5.14.1 tests. */
class ReportNamingTest {
    private final Plan plan = new Plan();

    private ReportName name(TestNode node) {
        return ReportNaming.of(node, plan.nodes());
    }

    @Test
    void plainMethodIsReportedUnderItsClassWithoutParentheses() {
        TestNode basic = plan.testClass("com.x.BasicTest");

        assertThat(name(plan.method(basic, "errors")))
                .isEqualTo(new ReportName("com.x.BasicTest", "com.x.BasicTest", "errors"));
    }

    @Test
    void methodDisplayNameIsIgnoredAndClassDisplayNameBecomesTheClassname() {
        TestNode pretty = plan.testClass("com.x.DisplayNamedTest", "Pretty class <&>");

        ReportName name = name(plan.method(pretty, "m", "pretty method ü"));

        assertThat(name).isEqualTo(new ReportName("com.x.DisplayNamedTest", "Pretty class <&>", "m"));
        assertThat(name.fullName()).isEqualTo("com.x.DisplayNamedTest.m");
    }

    @Test
    void aGeneratedDisplayNameLeavesTheClassNameAsSurefireDoes() {
        TestNode generated = plan.generatedClass("com.x.Snake_caseTest", "Snake caseTest");
        TestNode generatedNested = plan.generatedNested(generated, "When_empty", "When empty");
        TestNode explicitNested = plan.nested(generated, "Full", "when it is full");
        TestNode generatedUnderExplicit = plan.generatedNested(explicitNested, "And_more", "And more");

        assertThat(name(plan.method(generated, "adds_one", "adds one")))
                .isEqualTo(new ReportName("com.x.Snake_caseTest", "com.x.Snake_caseTest", "adds_one"));
        assertThat(name(plan.method(generatedNested, "is_empty", "is empty")).className())
                .isEqualTo("com.x.Snake_caseTest$When_empty");
        assertThat(name(plan.method(explicitNested, "is_full", "is full")).className())
                .isEqualTo("when it is full");
        assertThat(name(plan.method(generatedUnderExplicit, "overflows", "overflows"))
                        .className())
                .isEqualTo("com.x.Snake_caseTest$Full$And_more");
        assertThat(ReportNaming.classLabel(generated)).isEqualTo("com.x.Snake_caseTest");
        assertThat(ReportNaming.classLabel(generatedNested)).isEqualTo("com.x.Snake_caseTest$When_empty");
        assertThat(ReportNaming.classLabel(explicitNested)).isEqualTo("when it is full");
    }

    @Test
    void nestedTestsLandInTheTopLevelFileWithTheirOwnClassname() {
        TestNode outer = plan.testClass("com.x.NestingTest");
        TestNode inner = plan.nested(outer, "Inner");
        TestNode deeper = plan.nested(inner, "Deeper");

        assertThat(name(plan.method(inner, "innerFails")))
                .isEqualTo(new ReportName("com.x.NestingTest", "com.x.NestingTest$Inner", "innerFails"));
        assertThat(name(plan.method(deeper, "deepDisplay", "deep display")))
                .isEqualTo(new ReportName("com.x.NestingTest", "com.x.NestingTest$Inner$Deeper", "deepDisplay"));
        assertThat(name(plan.method(inner, "innerFails")).fullName()).isEqualTo("com.x.NestingTest.innerFails");
    }

    @Test
    void nestedClassDisplayNameBecomesTheClassnameOfItsTemplatesAndDynamicTests() {
        TestNode outer = plan.testClass("com.x.DisplayNamedNestedTest");
        TestNode in = plan.nested(outer, "In", "inner display");
        TestNode p = plan.template(in, "p", "int", "p(int)");
        TestNode f = plan.factory(in, "f");

        assertThat(name(plan.invocation(p, 1, "[1] 7")))
                .isEqualTo(new ReportName("com.x.DisplayNamedNestedTest", "inner display", "p(int)[1]"));
        assertThat(name(plan.dynamicTest(f, 1, "d1")))
                .isEqualTo(new ReportName("com.x.DisplayNamedNestedTest", "inner display", "f()[1]"));
    }

    @Test
    void parameterizedAndRepeatedInvocationsUseTheLegacyName() {
        TestNode param = plan.testClass("com.x.ParamTest");
        TestNode values = plan.template(param, "values", "java.lang.String", "values(String)");
        TestNode csv = plan.template(param, "csv", "int, java.lang.String", "csv(int, String)");
        TestNode repeated =
                plan.template(param, "repeated", "org.junit.jupiter.api.RepetitionInfo", "repeated(RepetitionInfo)");

        assertThat(name(plan.invocation(values, 1, "[1] a<&\"'b")).name()).isEqualTo("values(String)[1]");
        assertThat(name(plan.invocation(csv, 2, "[2] 2, q\"&")).name()).isEqualTo("csv(int, String)[2]");
        assertThat(name(plan.invocation(repeated, 2, "repetition 2 of 3")).name())
                .isEqualTo("repeated(RepetitionInfo)[2]");
        assertThat(name(plan.invocation(csv, 2, "x")).className()).isEqualTo("com.x.ParamTest");
    }

    @Test
    void repeatedTestWithoutParametersKeepsItsParenthesesAndIndex() {
        TestNode param = plan.testClass("com.x.ParamTest");
        TestNode repeated = plan.template(param, "again", "", "again()");

        assertThat(name(plan.invocation(repeated, 3, "repetition 3 of 3")).name())
                .isEqualTo("again()[3]");
    }

    @Test
    void dynamicTestsInNestedDynamicContainersUseTheChainOfIndices() {
        TestNode factoryClass = plan.testClass("com.x.FactoryTest");
        TestNode dyn = plan.factory(factoryClass, "dyn");
        TestNode group = plan.dynamicContainer(dyn, 3, "group ü");
        TestNode subgroup = plan.dynamicContainer(group, 2, "subgroup");

        assertThat(name(plan.dynamicTest(dyn, 2, "second fails")))
                .isEqualTo(new ReportName("com.x.FactoryTest", "com.x.FactoryTest", "dyn()[2]"));
        assertThat(name(plan.dynamicTest(group, 1, "in group")).name()).isEqualTo("dyn()[3][1]");
        assertThat(name(plan.dynamicTest(subgroup, 1, "deep dyn")).name()).isEqualTo("dyn()[3][2][1]");
    }

    @Test
    void failedClassContainerIsATestCaseWithAnEmptyName() {
        TestNode beforeAll = plan.testClass("com.x.BeforeAllFailsTest");

        ReportName name = name(beforeAll);

        assertThat(name).isEqualTo(new ReportName("com.x.BeforeAllFailsTest", "com.x.BeforeAllFailsTest", ""));
        assertThat(name.fullName()).isEqualTo("com.x.BeforeAllFailsTest");
    }

    @Test
    void failedTemplateAndFactoryContainersAreNamedLikeTheirMethod() {
        TestNode param = plan.testClass("com.x.ParamTest");

        assertThat(name(plan.template(param, "values", "java.lang.String", "values(String)"))
                        .name())
                .isEqualTo("values(String)");
        assertThat(name(plan.factory(param, "dyn")).name()).isEqualTo("dyn");
    }

    @Test
    void junit4TestsUseTheirMethodName() {
        TestNode old = plan.runner("com.x.OldTest");

        assertThat(name(plan.vintageTest(old, "fails")))
                .isEqualTo(new ReportName("com.x.OldTest", "com.x.OldTest", "fails"));
    }

    @Test
    void junit4ParameterizedTestsKeepTheirIndex() {
        TestNode old = plan.runner("com.x.OldParamTest");
        TestNode zero = plan.add(new TestNode(
                old.uniqueId() + "/[test:[0]]", old.uniqueId(), "[0]", "[0]", TestNode.Kind.CONTAINER, "", "", ""));
        TestNode test = new TestNode(
                zero.uniqueId() + "/[test:t[0](com.x.OldParamTest)]",
                zero.uniqueId(),
                "t[0]",
                "t[0]",
                TestNode.Kind.TEST,
                "com.x.OldParamTest",
                "t",
                "");

        assertThat(name(test)).isEqualTo(new ReportName("com.x.OldParamTest", "com.x.OldParamTest", "t[0]"));
    }

    @Test
    void theJUnit4ProviderNamesASuitesTestsByTheirOwnClassAndWholeName() {
        // Guava's testlib: a JUnit 3 suite() of testers whose getName() adds the case to the method name.
        TestNode suite = plan.runner("com.x.CollectionSuiteTest");
        TestNode forList = plan.add(new TestNode(
                suite.uniqueId() + "/[test:ArrayList]",
                suite.uniqueId(),
                "ArrayList",
                "ArrayList",
                TestNode.Kind.CONTAINER,
                "",
                "",
                ""));
        TestNode test = plan.add(new TestNode(
                forList.uniqueId() + "/[test:testAdd%5BArrayList%5D(com.x.AddTester)]",
                forList.uniqueId(),
                "testAdd[ArrayList [size: one]]",
                "testAdd[ArrayList [size: one]]",
                TestNode.Kind.TEST,
                "com.x.AddTester",
                "testAdd",
                ""));

        ReportName name = ReportNaming.of(test, plan.nodes(), SurefireProvider.JUNIT4);

        assertThat(name)
                .isEqualTo(new ReportName(
                        "com.x.CollectionSuiteTest",
                        "com.x.AddTester",
                        "testAdd[ArrayList [size: one]]",
                        "com.x.AddTester"));
        assertThat(name.fullName()).isEqualTo("com.x.AddTester.testAdd[ArrayList [size: one]]");
        // The JUnit Platform provider names it by its method, as Surefire does for a project on the platform.
        assertThat(ReportNaming.of(test, plan.nodes(), SurefireProvider.JUNIT_PLATFORM)
                        .name())
                .isEqualTo("testAdd");
    }

    @Test
    void theJUnit4ProviderNamesACustomRunnersTestsAsTheRunnerDescribesThem() {
        TestNode runner = plan.runner("com.x.CustomRunnerTest");
        TestNode test = plan.add(new TestNode(
                runner.uniqueId() + "/[test:NAMED (custom)(com.x.CustomRunnerTest)]",
                runner.uniqueId(),
                "NAMED (custom)",
                "NAMED (custom)",
                TestNode.Kind.TEST,
                "com.x.CustomRunnerTest",
                "",
                ""));

        assertThat(ReportNaming.of(test, plan.nodes(), SurefireProvider.JUNIT3))
                .isEqualTo(new ReportName("com.x.CustomRunnerTest", "com.x.CustomRunnerTest", "NAMED (custom)"));
    }

    @Test
    void classLabelIsTheDisplayNameOnlyWhenOneWasGiven() {
        assertThat(ReportNaming.classLabel(plan.testClass("com.x.BasicTest"))).isEqualTo("com.x.BasicTest");
        assertThat(ReportNaming.classLabel(plan.testClass("com.x.DisplayNamedTest", "Pretty class <&>")))
                .isEqualTo("Pretty class <&>");
        assertThat(ReportNaming.classLabel(plan.runner("com.x.OldTest"))).isEqualTo("com.x.OldTest");
    }
}
