package org.hotline12345.notification;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.hotline12345.notification.contacts.CitizenContactRecord;
import org.hotline12345.notification.delivery.Notification;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

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

    /**
     * A citizen's contact is made and changed only by its own package, each change a guarded write of its own
     * fields: texting, replies and verification ask it, and none stores or reads a contact document by its class.
     */
    @ArchTest
    static final ArchRule onlyTheContactsPackageWritesContacts = noClasses().that()
            .resideOutsideOfPackage("..notification.contacts..")
            .should(referToTheDocumentsOf(CitizenContactRecord.class))
            .orShould().callConstructorWhere(describe("the making of a contact", call -> call.getTarget()
                    .getOwner().isEquivalentTo(CitizenContactRecord.class)));

    /**
     * A code's round, its tries and the proof of a number live on the contact: verification keeps no documents of
     * its own and goes through the contacts package, which is the only one to name their collection.
     */
    @ArchTest
    static final ArchRule verificationKeepsNoDocuments = noClasses().that()
            .resideInAPackage("..notification.verification..").should().dependOnClassesThat()
            .areAssignableTo(ReactiveMongoTemplate.class);

    /**
     * A text changes state only in delivery, where its lease guards every write: the replies hand the provider's
     * receipts to delivery. The outbox configuration names the text's class so that the platform's relay marks its
     * staged events published, which touches no field of the text's own.
     */
    @ArchTest
    static final ArchRule onlyDeliveryChangesTexts = noClasses().that()
            .resideOutsideOfPackage("..notification.delivery..").and().doNotHaveSimpleName("OutboxConfiguration")
            .should(referToTheDocumentsOf(Notification.class))
            .orShould().callMethodWhere(describe("a change of a text", call -> call.getTarget().getOwner()
                    .isEquivalentTo(Notification.class) && !call.getTarget().getName().startsWith("get")));

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.hotline12345.(**)").should()
            .beFreeOfCycles();

    /**
     * Names {@code type} as a class object, as every typed read or write of the template does (find, insert,
     * update, bulk operations) and as the mapping of its collection does.
     */
    private static ArchCondition<JavaClass> referToTheDocumentsOf(Class<?> type) {
        return new ArchCondition<>("refer to the documents of " + type.getSimpleName() + " by their class") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getReferencedClassObjects().stream()
                        .filter(reference -> reference.getValue().isEquivalentTo(type))
                        .forEach(reference -> events.add(SimpleConditionEvent.satisfied(reference,
                                reference.getOwner().getFullName() + " refers to " + type.getSimpleName()
                                        + ".class in " + reference.getSourceCodeLocation())));
            }
        };
    }
}
