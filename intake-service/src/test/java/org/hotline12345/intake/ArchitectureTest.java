package org.hotline12345.intake;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

@AnalyzeClasses(packages = "org.hotline12345.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule normalisationIsPlainJava = noClasses().that().resideInAPackage("..intake.normalise..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "tools.jackson..",
                    "com.mongodb..", "org.apache.kafka..");

    /**
     * The ticket and the knowledge article are intake's aggregates: only their own packages store or change them; the
     * channels, Open311 and the tracking consumer go through the tickets package.
     */
    @ArchTest
    static final ArchRule onlyTheTicketsPackageWrites = noClasses().that().resideOutsideOfPackages("..intake.tickets",
            "..intake.knowledge")
            .should().callMethodWhere(describe("a database write", call -> call.getTarget().getOwner()
                    .isAssignableTo(ReactiveMongoTemplate.class) && call.getTarget().getName()
                    .matches("insert.*|save|update.*|upsert|findAndModify|findAndReplace|remove|bulkOps")));

    /** A ticket's event is published in one place, where the relay groups every registration waiting with it. */
    @ArchTest
    static final ArchRule ticketsArePublishedInOnePlace = noClasses().that()
            .doNotHaveSimpleName("TicketPublication")
            .should().dependOnClassesThat().haveSimpleName("OutboxRelay");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.hotline12345.(**)").should()
            .beFreeOfCycles();
}
