package org.hotline12345.platform.security;

/** The roles a token may carry in its roles claim. Spring authorities are these with a {@code ROLE_} prefix. */
public final class Roles {

    /** A hotline operator who registers calls. */
    public static final String OPERATOR = "OPERATOR";
    /** A handling unit's user; the token also names the unit. */
    public static final String UNIT = "UNIT";
    /** A centre supervisor who watches and re-dispatches. */
    public static final String SUPERVISOR = "SUPERVISOR";
    /** An analyst who reads the rates and rankings. */
    public static final String ANALYST = "ANALYST";
    /** An administrator who edits rules and reference data. */
    public static final String ADMIN = "ADMIN";
    /**
     * A grid worker who reports problems found on patrol and works the tickets rules send to the grid; the token
     * also names the grid.
     */
    public static final String GRID_WORKER = "GRID_WORKER";
    /** A household liaison (联户长) who reports for the households in their care. */
    public static final String LIAISON = "LIAISON";
    /**
     * A knowledge editor of the centre who reviews the units' knowledge articles, publishes them, sends them back
     * and retires them.
     */
    public static final String KNOWLEDGE_EDITOR = "KNOWLEDGE_EDITOR";

    private Roles() {
    }
}
