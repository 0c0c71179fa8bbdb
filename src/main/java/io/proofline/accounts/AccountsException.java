package io.proofline.accounts;

import java.time.Instant;

/**
 * Why an account operation was refused. Messages are fixed texts and opaque ids only, never a value the
 * user entered.
 */
public class AccountsException extends RuntimeException {

    AccountsException(String message) {
        super(message);
    }

    public static class EmailAlreadyRegistered extends AccountsException {
        EmailAlreadyRegistered() {
            super("An account with this email already exists");
        }
    }

    public static class PasswordTooShort extends AccountsException {
        PasswordTooShort(int minimum) {
            super("A password needs at least " + minimum + " characters");
        }
    }

    /** A wrong password at a re-entry (profile encryption, decryption, recovery); counts as a sign-in failure. */
    public static class WrongPassword extends AccountsException {
        private final int remainingAttempts;

        WrongPassword(int remainingAttempts) {
            super("Wrong password; " + remainingAttempts + " attempts left");
            this.remainingAttempts = remainingAttempts;
        }

        public int remainingAttempts() {
            return remainingAttempts;
        }
    }

    public static class WrongPersonalKey extends AccountsException {
        private final int remainingAttempts;

        WrongPersonalKey(int remainingAttempts) {
            super("Wrong personal key; " + remainingAttempts + " attempts left");
            this.remainingAttempts = remainingAttempts;
        }

        public int remainingAttempts() {
            return remainingAttempts;
        }
    }

    /** Too many failures: nothing is checked until the lockout ends. */
    public static class Locked extends AccountsException {
        private final Instant until;

        Locked(String what, Instant until) {
            super(what + " locked until " + until);
            this.until = until;
        }

        public Instant until() {
            return until;
        }
    }

    /** Another account already holds a verified identity with this SSN. */
    public static class DuplicateSsn extends AccountsException {
        DuplicateSsn() {
            super("Another account holds a verified identity with this SSN");
        }
    }

    public static class NoSuchAccount extends AccountsException {
        NoSuchAccount() {
            super("No such account");
        }
    }

    public static class NoProfile extends AccountsException {
        NoProfile(String why) {
            super(why);
        }
    }

    /** Every account keeps at least one second method. */
    public static class LastMethod extends AccountsException {
        LastMethod() {
            super("The account's last second method cannot be removed");
        }
    }

    public static class NoSuchMethod extends AccountsException {
        NoSuchMethod() {
            super("No such second method on this account");
        }
    }
}
