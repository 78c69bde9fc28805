package vn.actionmonth.events;

/**
 * A payload of the contract. Its simple class name is its CloudEvents {@code type}; it knows the
 * topic it belongs on, its record key and its subject.
 */
public interface EventPayload {

    String topic();

    String key();

    String subject();

    default String type() {
        return getClass().getSimpleName();
    }
}
