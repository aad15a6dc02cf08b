package org.hotline12345.analytics;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.hotline12345.analytics.facts.FactRecorder;
import org.hotline12345.analytics.facts.FactUpdates;
import org.hotline12345.analytics.rollups.RollupStore;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

@AnalyzeClasses(packages = "org.hotline12345.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule factRulesArePlainJava = noClasses().that().haveSimpleName("FactUpdates")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..",
                    "tools.jackson..", "com.mongodb..", "org.apache.kafka..");

    /**
     * Facts and rollups are analytics' two aggregates, and only their own packages write: the questions analysts
     * ask (deadlines, hot spots, overview, rates, volume) read.
     */
    @ArchTest
    static final ArchRule onlyFactsAndRollupsWrite = noClasses().that()
            .resideOutsideOfPackages("..analytics.facts..", "..analytics.rollups..")
            .should().callMethodWhere(describe("a database write", call -> (call.getTarget().getOwner()
                    .isAssignableTo(ReactiveMongoTemplate.class) && call.getTarget().getName()
                    .matches("insert.*|save|update.*|upsert|findAndModify|findAndReplace|remove|bulkOps"))
                    || call.getTarget().getOwner().isAssignableTo(ReactiveBulkOperations.class)));

    /**
     * A fact changes only in its own package, where an event is recorded into it idempotently and in any order:
     * the rollups read facts and mark them counted through that package, never build a fact's change themselves.
     */
    @ArchTest
    static final ArchRule factsChangeOnlyInTheirPackage = noClasses().that()
            .resideOutsideOfPackage("..analytics.facts..")
            .should().dependOnClassesThat().belongToAnyOf(FactUpdates.class)
            .orShould().callMethodWhere(describe("the recording of an event into its fact", call -> call
                    .getTarget().getOwner().isEquivalentTo(FactRecorder.class)
                    && call.getTarget().getName().equals("record")));

    /**
     * The rollups are counted only by their own package, from the facts; the rates, overview and volume read their
     * counts and totals.
     */
    @ArchTest
    static final ArchRule rollupsChangeOnlyInTheirPackage = noClasses().that()
            .resideOutsideOfPackage("..analytics.rollups..")
            .should().callMethodWhere(describe("a change of the rollups", call -> call.getTarget().getOwner()
                    .isEquivalentTo(RollupStore.class) && !call.getTarget().getName().matches("counts|totals")));

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.hotline12345.(**)").should()
            .beFreeOfCycles();
}
