package dev.cartwright.shipping;

import dev.cartwright.platform.Problems;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problems a request naming a shipping method answers, worded for the shopper. */
public final class ShippingProblems {

    private ShippingProblems() {}

    public static ProblemDetail unknownMethod(String name) {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "UNKNOWN_SHIPPING_METHOD",
                "We do not ship by \"" + name + "\". Choose one of: " + Arrays.stream(ShippingMethod.values())
                        .map(ShippingMethod::label).collect(Collectors.joining(", ")) + ".");
        problem.setProperty("methods", ShippingMethod.values());
        return problem;
    }
}
