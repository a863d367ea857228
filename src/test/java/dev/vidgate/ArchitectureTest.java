package dev.vidgate;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of DESIGN.md, checked on the compiled main classes: features know each other by
 * their ports and value types, only {@code app} chooses and builds adapters, and Spring stays at the
 * edges ({@code app}, {@code api} and the JDBC adapters).
 */
class ArchitectureTest {
    /** The adapter packages: only {@code app} (and the adapter itself) may refer to what is inside. */
    private static final List<String> ADAPTERS = List.of(
            "dev.vidgate.video.jdbc..", "dev.vidgate.billing.jdbc..", "dev.vidgate.health.jdbc..", "dev.vidgate.tenancy.jdbc..", "dev.vidgate.cluster.jdbc..",
            "dev.vidgate.policy.jdbc..", "dev.vidgate.policy.moderation..", "dev.vidgate.webhooks.jdbc..",
            "dev.vidgate.storage.fs..", "dev.vidgate.storage.s3..",
            "dev.vidgate.engine.builtin..", "dev.vidgate.engine.relay..", "dev.vidgate.policy.faces.opencv..");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.vidgate");
    }

    @Test
    void noPackageDependsInACircleOnAnotherNorOnItsOwnSubPackages() {
        // "(**)" makes every package its own slice, so a package and its sub-package may not need each other either.
        slices().matching("dev.vidgate.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void onlyTheAppPackageReachesIntoAnAdapter() {
        for (String adapter : ADAPTERS) {
            noClasses().that().resideOutsideOfPackages("dev.vidgate.app..", adapter)
                    .should().dependOnClassesThat().resideInAPackage(adapter)
                    .because("features use each other's ports; only app/ knows which adapter is plugged in")
                    .check(main);
        }
    }

    @Test
    void springIsUsedOnlyInAppApiAndTheJdbcAdapters() {
        noClasses().that().resideOutsideOfPackages("dev.vidgate.app..", "dev.vidgate.api..", "dev.vidgate..jdbc..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(main);
    }
}
