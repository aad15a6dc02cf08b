package org.hotline12345.routing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.hotline12345.routing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that().resideInAnyPackage("..routing.rules", "..routing.deadlines")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..",
                    "tools.jackson..", "com.mongodb..", "org.apache.kafka..");
}
