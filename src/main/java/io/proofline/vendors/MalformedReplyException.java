package io.proofline.vendors;

/** Thrown by a {@link ReplyInterpreter} when a reply lacks a field or has a value we do not know. */
public class MalformedReplyException extends RuntimeException {

    public MalformedReplyException(String whatIsWrong) {
        // Name the field, never quote the value: replies carry personal data.
        super(whatIsWrong, null, false, false);
    }
}
