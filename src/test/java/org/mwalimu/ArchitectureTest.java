package org.mwalimu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dialogue and the content model stay free of I/O frameworks, so they remain pure and fast to test. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mwalimu");
    }

    @Test
    void conversationDoesNotDependOnVertxOrLettuce() {
        pureCore("org.mwalimu.conversation..").check(classes);
    }

    @Test
    void contentDoesNotDependOnVertxOrLettuce() {
        pureCore("org.mwalimu.content..").check(classes);
    }

    @Test
    void nluDoesNotDependOnVertxOrLettuce() {
        pureCore("org.mwalimu.nlu..").check(classes);
    }

    @Test
    void onlyTheStoreTalksToRedis() {
        noClasses().that().resideOutsideOfPackage("org.mwalimu.store..")
                .should().dependOnClassesThat().resideInAPackage("io.lettuce..")
                .because("Redis access goes through the store package alone")
                .check(classes);
    }

    private static ArchRule pureCore(String packageIdentifier) {
        return noClasses().that().resideInAPackage(packageIdentifier)
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.lettuce..")
                .because("the dialogue and the content must stay pure: no HTTP, no event loop, no Redis");
    }
}
