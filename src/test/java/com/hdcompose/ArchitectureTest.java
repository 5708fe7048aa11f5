package com.hdcompose;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers the build enforces: the engine knows nothing above it, the ONNX integration only the engine, the
 * command line, self-test and editor sit on top and do not use each other; only the editor uses JavaFX; no package
 * imports another that imports it back.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.hdcompose");

    @Test
    void layersOnlyUseTheLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Entry").definedBy("com.hdcompose")
                .layer("App").definedBy("com.hdcompose.app..")
                .layer("Cli").definedBy("com.hdcompose.cli..")
                .layer("SelfTest").definedBy("com.hdcompose.selftest..")
                .layer("Onnx").definedBy("com.hdcompose.onnx..")
                .layer("Engine").definedBy("com.hdcompose.engine..")
                .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("SelfTest").mayOnlyBeAccessedByLayers("Entry")
                .whereLayer("Onnx").mayOnlyBeAccessedByLayers("Cli", "SelfTest", "App", "Entry")
                .whereLayer("Engine").mayNotAccessAnyLayer()
                .whereLayer("Onnx").mayOnlyAccessLayers("Engine")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("com.hdcompose.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void onlyTheEditorUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("com.hdcompose.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(CLASSES);
    }
}
