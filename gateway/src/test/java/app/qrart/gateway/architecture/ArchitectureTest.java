package app.qrart.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The gateway's dependency rules: edges point one way, HTTP stays at the edge, and the scan engine
 * (qr-engine, which the compiler keeps free of the gateway) is built in one place.
 */
@AnalyzeClasses(packages = "app.qrart.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noCycleBetweenTopLevelPackages =
            slices().matching("app.qrart.gateway.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCycleBetweenAnyPackages =
            slices().matching("app.qrart.gateway.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theEngineIsWiredInOnePlace = noClasses()
            .that()
            .resideOutsideOfPackage("app.qrart.gateway.engine..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("app.qrart.engine.QrEngine");

    @ArchTest
    static final ArchRule onlyTheEdgeKnowsHttpErrors = noClasses()
            .that()
            .resideOutsideOfPackage("app.qrart.gateway.api..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("app.qrart.gateway.api..");

    @ArchTest
    static final ArchRule servicesDoNotKnowTheirAdapters = noClasses()
            .that()
            .resideInAnyPackage(
                    "app.qrart.gateway.generation..",
                    "app.qrart.gateway.job..",
                    "app.qrart.gateway.validation..",
                    "app.qrart.gateway.admission..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("app.qrart.gateway.records..", "app.qrart.gateway.tools..");

    @ArchTest
    static final ArchRule theJobRecordAndValidationKnowNoJobRunners = noClasses()
            .that()
            .resideInAnyPackage("app.qrart.gateway.job..", "app.qrart.gateway.validation..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("app.qrart.gateway.generation..");

    @ArchTest
    static final ArchRule jaxRsResourcesLiveInApi = noClasses()
            .that()
            .resideOutsideOfPackage("app.qrart.gateway.api..")
            .should()
            .beAnnotatedWith(jakarta.ws.rs.Path.class);
}
