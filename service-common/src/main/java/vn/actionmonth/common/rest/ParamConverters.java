package vn.actionmonth.common.rest;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import vn.actionmonth.common.problem.Problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads query, path and header parameters so that a value of the wrong form is a 400 naming the
 * parameter ("page: must be a whole number", "unit: must be a UUID"), not the bare 404 JAX-RS
 * answers by default, and never a 500.
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> type, Type genericType, Annotation[] annotations) {
        String[] where = where(annotations);
        if (where == null) {
            return null;
        }
        if (type == Integer.class || type == int.class) {
            return (ParamConverter<T>) converter(where, "a whole number", Integer::valueOf);
        }
        if (type == Long.class || type == long.class) {
            return (ParamConverter<T>) converter(where, "a whole number", Long::valueOf);
        }
        if (type == UUID.class) {
            return (ParamConverter<T>) converter(where, "a UUID", UUID::fromString);
        }
        if (type == LocalDate.class) {
            return (ParamConverter<T>) converter(where, "a date such as 2024-07-20", LocalDate::parse);
        }
        if (type == OffsetDateTime.class) {
            return (ParamConverter<T>) converter(where, "an instant such as 2024-07-20T00:00:00+07:00", OffsetDateTime::parse);
        }
        if (type == Boolean.class || type == boolean.class) {
            return (ParamConverter<T>) converter(where, "true or false", s -> switch (s.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(s);
            });
        }
        if (type.isEnum()) {
            Object[] values = type.getEnumConstants();
            String names = String.join(", ", Arrays.stream(values).map(Object::toString).toList());
            // by constant name, or by the name an enum gives itself in toString (Tree's asThen), as the message lists them
            return converter(where, "one of " + names, s -> {
                for (Object v : values) {
                    if (((Enum) v).name().equals(s) || v.toString().equals(s)) {
                        return (T) v;
                    }
                }
                throw new IllegalArgumentException(s);
            });
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String[] where, String what, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (RuntimeException e) {
                    throw new BadParameter(new Problem.Violation(where[1], where[0], "must be " + what));
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    /**
     * A parameter of the wrong form. JAX-RS passes a WebApplicationException thrown by a converter
     * through as it is (any other exception becomes a bare 404), and the problem mapper answers it
     * with the violation.
     */
    public static final class BadParameter extends jakarta.ws.rs.BadRequestException {
        private final transient Problem.Violation violation;

        BadParameter(Problem.Violation violation) {
            super(violation.field() + ": " + violation.message());
            this.violation = violation;
        }

        public Problem.Violation violation() {
            return violation;
        }
    }

    /** {in, name} of a parameter JAX-RS binds from the request; null for others. */
    private static String[] where(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return new String[] {"query", q.value()};
            }
            if (a instanceof PathParam p) {
                return new String[] {"path", p.value()};
            }
            if (a instanceof HeaderParam h) {
                return new String[] {"header", h.value()};
            }
        }
        return null;
    }
}
