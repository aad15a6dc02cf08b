package org.hotline12345.platform.problem;

/**
 * The current state of a resource does not allow what was asked: answered 409 with the current state and, where
 * known, the rule that forbids it.
 */
public class IllegalTransitionException extends RuntimeException {

    private final String currentState;
    private final String rule;

    public IllegalTransitionException(String action, String currentState) {
        this(action, currentState, null);
    }

    public IllegalTransitionException(String action, String currentState, String rule) {
        super("Cannot " + action + " a ticket that is " + currentState + (rule == null ? "." : ": " + rule + "."));
        this.currentState = currentState;
        this.rule = rule;
    }

    public String currentState() {
        return currentState;
    }

    /** The rule that forbids the change, or null. */
    public String rule() {
        return rule;
    }
}
