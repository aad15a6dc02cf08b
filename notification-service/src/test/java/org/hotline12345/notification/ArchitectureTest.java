package org.hotline12345.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.hotline12345.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** What a text says, how long it is, when it may go, and what a reply means: rules, free of the framework. */
    @ArchTest
    static final ArchRule textRulesArePlainJava = noClasses().that().resideInAPackage("..notification.texts")
            .or().haveSimpleName("QuietHours").or().haveSimpleName("ReplyParser").or().haveSimpleName("Reply")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..",
                    "tools.jackson..", "com.mongodb..", "org.apache.kafka..");

    /** A gateway only sends; what a text is for, and what to do with its answer, is decided above it. */
    @ArchTest
    static final ArchRule gatewaysKnowNothingOfDelivery = noClasses().that()
            .resideInAPackage("..notification.gateway").should().dependOnClassesThat()
            .resideInAnyPackage("..notification.delivery", "..notification.replies");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.hotline12345.(**)").should()
            .beFreeOfCycles();
}
