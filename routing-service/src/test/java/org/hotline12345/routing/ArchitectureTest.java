package org.hotline12345.routing;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

@AnalyzeClasses(packages = "org.hotline12345.routing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FRAMEWORKS = {"org.springframework..", "reactor..", "tools.jackson..",
            "com.mongodb..", "org.apache.kafka.."};

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that().resideInAnyPackage("..routing.rules", "..routing.deadlines", "..routing.lifecycle")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS);

    /** The aggregate knows how it is stored (collection, id, version) and nothing else of Spring or MongoDB. */
    @ArchTest
    static final ArchRule theTicketKnowsOnlyItsMapping = noClasses().that().haveSimpleName("RoutedTicket")
            .should().dependOnClassesThat(resideInAnyPackage(FRAMEWORKS).and(not(resideInAnyPackage(
                    "org.springframework.data.annotation..", "org.springframework.data.mongodb.core.mapping.."))));

    /**
     * A ticket changes only through its aggregate: services load it, call it, and save it under its version; none
     * writes fields of a stored document behind its back.
     */
    @ArchTest
    static final ArchRule noPartialWritesBehindTheAggregate = noClasses()
            .should().callMethodWhere(describe("a partial write of a stored document", call -> call.getTarget()
                    .getOwner().isAssignableTo(ReactiveMongoTemplate.class)
                    && call.getTarget().getName().matches("update.*|findAndModify|upsert|findAndReplace")));

    /** A ticket is saved and its events published in one place, where batching and ordering live once. */
    @ArchTest
    static final ArchRule ticketsAreSavedAndPublishedInOnePlace = noClasses().that().doNotHaveSimpleName("Tickets")
            .should().dependOnClassesThat().haveSimpleName("OutboxRelay")
            .orShould().callMethodWhere(describe("a save of a ticket", call -> call.getTarget().getOwner()
                    .isAssignableTo(ReactiveMongoTemplate.class)
                    && call.getTarget().getName().matches("save|insertAll")));

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.hotline12345.(**)").should()
            .beFreeOfCycles();
}
