package io.pb4j.cli;

/** A command line that cannot be run; {@code topic} is the command whose usage should follow the message. */
final class UsageException extends RuntimeException {
    private final String topic;

    UsageException(String message, String topic) {
        super(message);
        this.topic = topic;
    }

    String topic() {
        return topic;
    }
}
