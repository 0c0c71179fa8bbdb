package io.proofline.system;

/** Whether a user name and password belong to an operator (an administrator of the engine's identity store). */
public interface OperatorCredentials {

    boolean isOperator(String username, String password);
}
