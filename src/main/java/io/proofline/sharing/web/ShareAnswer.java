package io.proofline.sharing.web;

/** The journey's last step: {@code answer} is {@code agree} or {@code decline} (the button pressed), or continue. */
record ShareAnswer(String answer) {

    boolean agreed() {
        return "agree".equals(answer);
    }

    boolean declined() {
        return "decline".equals(answer);
    }
}
