package io.pb4j.js.internal.template;

/** A template that does not parse or does not execute; the message is Go's where pb4j has the same case. */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }
}
