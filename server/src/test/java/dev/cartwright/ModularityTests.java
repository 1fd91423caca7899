package dev.cartwright;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Fails the build when a feature reaches into another's internals or features depend in a cycle. */
class ModularityTests {

    @Test
    void featuresDependOnEachOtherOnlyThroughTheirApis() {
        ApplicationModules.of(CartwrightApplication.class).verify();
    }
}
