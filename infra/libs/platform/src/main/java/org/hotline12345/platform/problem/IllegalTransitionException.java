package org.hotline12345.platform.problem;

/**
 * The current state of a resource does not allow what was asked: answered 409 with the current state and, where
 * known, the action asked for and the rule that forbids it.
 */
public class IllegalTransitionException extends RuntimeException {

    private final String action;
    private final String currentState;
    private final String rule;

    public IllegalTransitionException(String verb, String currentState) {
        this(verb, currentState, null);
    }

    /** {@code verb} says in English what was asked ("accept"); the problem names no {@code action}. */
    public IllegalTransitionException(String verb, String currentState, String rule) {
        this(null, verb, currentState, rule);
    }

    /**
     * @param action a stable name of what was asked, e.g. {@code ACCEPT}, for pages to say in their language
     * @param verb the same in English for the message, e.g. {@code accept}
     */
    public IllegalTransitionException(String action, String verb, String currentState, String rule) {
        super("Cannot " + verb + " a ticket that is " + currentState + (rule == null ? "." : ": " + rule + "."));
        this.action = action;
        this.currentState = currentState;
        this.rule = rule;
    }

    public String currentState() {
        return currentState;
    }

    /** The stable name of what was asked, or null. */
    public String action() {
        return action;
    }

    /** The rule that forbids the change, or null. */
    public String rule() {
        return rule;
    }
}
