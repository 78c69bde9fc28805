package vn.actionmonth.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text the service stores: at most {@link #max()} characters as stored, that is counted in
 * Unicode code points after NFC normalisation (NFC can lengthen a text, and PostgreSQL counts code
 * points), and free of what PostgreSQL or a reader cannot take: NUL and other control characters
 * (tab, line feed and carriage return are allowed unless {@link #singleLine()}), and lone
 * surrogates. Null is valid; combine with {@code @NotBlank} where a value is required.
 */
@Documented
@Constraint(validatedBy = TextValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {

    /** Most code points after NFC. */
    int max();

    /** Refuse line breaks and tabs too (names, codes, numbers). */
    boolean singleLine() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
