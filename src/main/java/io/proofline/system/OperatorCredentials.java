package io.proofline.system;

import java.util.regex.Pattern;

/** Whether a user name and password belong to an operator (an administrator of the engine's identity store). */
public interface OperatorCredentials {

    /** The names Camunda's identity service accepts (its default pattern, [a-zA-Z0-9]+), at most 64 long. */
    Pattern OPERATOR_NAME = Pattern.compile("[a-zA-Z0-9]{1,64}");

    boolean isOperator(String username, String password);

    /**
     * Whether an operator could have this name. Camunda's identity service answers any other with an exception (HTTP
     * 500): such a name is a wrong name, and nothing is counted against a name that cannot exist.
     */
    static boolean isPossibleName(String username) {
        return OPERATOR_NAME.matcher(username).matches();
    }
}
