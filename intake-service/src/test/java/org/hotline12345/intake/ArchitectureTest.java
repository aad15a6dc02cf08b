package org.hotline12345.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.hotline12345.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule normalisationIsPlainJava = noClasses().that().resideInAPackage("..intake.normalise..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "tools.jackson..",
                    "com.mongodb..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.hotline12345.(**)").should()
            .beFreeOfCycles();
}
