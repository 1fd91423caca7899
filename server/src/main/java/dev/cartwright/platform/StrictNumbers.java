package dev.cartwright.platform;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Numbers in paths and query strings are written one way: ASCII digits, an optional minus.
 * Spring would also read {@code 0x10}, {@code +5} and other scripts' digits ({@code ١}), so one
 * product or page size would have many addresses, and the storefront's links only one of them.
 */
@ControllerAdvice
class StrictNumbers {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

    @InitBinder
    void numbersInAsciiDigits(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, editor(Long::parseLong));
        binder.registerCustomEditor(Long.class, editor(Long::parseLong));
        binder.registerCustomEditor(int.class, editor(Integer::parseInt));
        binder.registerCustomEditor(Integer.class, editor(Integer::parseInt));
    }

    private static PropertyEditorSupport editor(Function<String, Number> parse) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (!INTEGER.matcher(text).matches()) {
                    throw new IllegalArgumentException("Not a number written in ASCII digits");
                }
                setValue(parse.apply(text));
            }
        };
    }
}
