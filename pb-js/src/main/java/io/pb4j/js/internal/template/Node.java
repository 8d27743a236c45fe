package io.pb4j.js.internal.template;

import java.util.List;

/** The parsed form of a template: text, actions and their pipelines. */
sealed interface Node {
    record Text(String text) implements Node {
    }

    /** {@code {{pipeline}}}: prints the pipeline's value (escaped), or only declares its variables. */
    record Output(Pipe pipe) implements Node {
    }

    record If(Pipe cond, List<Node> then, List<Node> otherwise) implements Node {
    }

    record Range(Pipe pipe, List<Node> body, List<Node> otherwise) implements Node {
    }

    record With(Pipe pipe, List<Node> body, List<Node> otherwise) implements Node {
    }

    /** {@code {{template "name" pipeline}}} (also what a {@code block} leaves in place). */
    record Call(String name, Pipe pipe) implements Node {
    }

    record Break() implements Node {
    }

    record Continue() implements Node {
    }

    /** {@code $a, $b := cmd | cmd}: declared (or assigned) variables and the commands. */
    record Pipe(List<String> vars, boolean declare, List<List<Arg>> commands) {
    }

    /** One operand of a command. */
    sealed interface Arg {
        record Dot() implements Arg {
        }

        record Field(List<String> path) implements Arg {
        }

        record Var(String name, List<String> path) implements Arg {
        }

        record Literal(Object value) implements Arg {
        }

        record Func(String name) implements Arg {
        }

        record Sub(Pipe pipe) implements Arg {
        }
    }
}
