package com.hdcompose;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Only the JavaFX app may use JavaFX: engine, ONNX integration and command line must run headless. */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.hdcompose");

    @Test
    void engineOnnxAndCliDoNotDependOnJavaFx() {
        noClasses().that().resideInAnyPackage("com.hdcompose.engine..", "com.hdcompose.onnx..", "com.hdcompose.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void engineDoesNotDependOnTheApp() {
        noClasses().that().resideInAnyPackage("com.hdcompose.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("com.hdcompose.app..", "com.hdcompose.onnx..")
                .check(classes);
    }
}
