package org.hotline12345.devstack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.hotline12345.devstack", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The dev stack starts the services' jars; it never reaches into their code. */
    @ArchTest
    static final ArchRule knowsNoServiceCode = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "org.hotline12345.intake..", "org.hotline12345.routing..", "org.hotline12345.notification..",
            "org.hotline12345.analytics..");
}
