package io.pb4j.js.internal.template;

import io.pb4j.js.internal.template.Lexer.Kind;
import io.pb4j.js.internal.template.Lexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses Go template text: actions between {@code {{ }}} with {@code {{-}} / {@code -}}} trimming, comments,
 * {@code if/else if/else}, {@code range}, {@code with}, {@code define}, {@code template}, {@code block},
 * {@code break}/{@code continue} and pipelines. Named templates go into the {@code defines} map.
 */
final class Parser {
    /** One piece of the source: text, or an action's inside. */
    private record Item(boolean action, String text) {
    }

    private final List<Item> items;
    private final Map<String, List<Node>> defines;
    private int pos;

    private Parser(List<Item> items, Map<String, List<Node>> defines) {
        this.items = items;
        this.defines = defines;
    }

    /** The top-level nodes of {@code text}; its {@code define}s and {@code block}s are added to {@code defines}. */
    static List<Node> parse(String text, Map<String, List<Node>> defines) {
        Parser p = new Parser(split(text), defines);
        List<Node> nodes = new ArrayList<>();
        String end = p.list(nodes);
        if (end != null) {
            throw new TemplateException("unexpected {{" + end + "}}");
        }
        return nodes;
    }

    private static List<Item> split(String text) {
        List<Item> out = new ArrayList<>();
        int i = 0;
        boolean trimNext = false;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            String chunk = open < 0 ? text.substring(i) : text.substring(i, open);
            if (trimNext) {
                chunk = chunk.stripLeading();
            }
            if (open < 0) {
                out.add(new Item(false, chunk));
                break;
            }
            int start = open + 2;
            if (start + 1 < text.length() && text.charAt(start) == '-' && Character.isWhitespace(text.charAt(start + 1))) {
                chunk = chunk.stripTrailing();
                start += 1;
            }
            out.add(new Item(false, chunk));
            int close = closing(text, start);
            int endOfContent = close;
            trimNext = false;
            if (close - 1 > start && text.charAt(close - 1) == '-' && Character.isWhitespace(text.charAt(close - 2))) {
                endOfContent = close - 1;
                trimNext = true;
            }
            String content = text.substring(start, endOfContent).strip();
            if (!(content.startsWith("/*") && content.endsWith("*/"))) {
                out.add(new Item(true, content));
            }
            i = close + 2;
        }
        return out;
    }

    /** Where the action that starts at {@code from} ends ({@code }}}), quotes skipped. */
    private static int closing(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '}' && text.charAt(i + 1) == '}') {
                return i;
            }
        }
        throw new TemplateException("unclosed action");
    }

    /** Parses nodes into {@code out} until an {@code end} or {@code else…}; returns that keyword's action, or null at EOF. */
    private String list(List<Node> out) {
        while (pos < items.size()) {
            Item item = items.get(pos++);
            if (!item.action()) {
                if (!item.text().isEmpty()) {
                    out.add(new Node.Text(item.text()));
                }
                continue;
            }
            String a = item.text();
            String word = a.split("\\s+", 2)[0];
            String rest = a.substring(word.length()).strip();
            switch (word) {
                case "end" -> {
                    return "end";
                }
                case "else" -> {
                    return a;
                }
                case "if" -> out.add(conditional(rest, "if"));
                case "with" -> out.add(conditional(rest, "with"));
                case "range" -> {
                    List<Node> body = new ArrayList<>();
                    List<Node> otherwise = new ArrayList<>();
                    String end = list(body);
                    if (end != null && end.equals("else")) {
                        end = list(otherwise);
                    }
                    expectEnd(end, "range");
                    out.add(new Node.Range(pipe(rest), body, otherwise));
                }
                case "define", "block" -> {
                    List<Token> t = Lexer.tokens(rest);
                    if (t.isEmpty() || t.getFirst().kind() != Kind.STRING) {
                        throw new TemplateException("missing name in " + word);
                    }
                    String name = t.getFirst().text();
                    List<Node> body = new ArrayList<>();
                    expectEnd(list(body), word);
                    boolean blank = body.stream().allMatch(n -> n instanceof Node.Text txt && txt.text().isBlank());
                    if (!blank || !defines.containsKey(name)) {
                        defines.put(name, body);
                    }
                    if (word.equals("block")) {
                        out.add(new Node.Call(name, t.size() > 1 ? pipe(t.subList(1, t.size())) : null));
                    }
                }
                case "template" -> {
                    List<Token> t = Lexer.tokens(rest);
                    if (t.isEmpty() || t.getFirst().kind() != Kind.STRING) {
                        throw new TemplateException("missing name in template");
                    }
                    out.add(new Node.Call(t.getFirst().text(), t.size() > 1 ? pipe(t.subList(1, t.size())) : null));
                }
                case "break" -> out.add(new Node.Break());
                case "continue" -> out.add(new Node.Continue());
                default -> out.add(new Node.Output(pipe(a)));
            }
        }
        return null;
    }

    /** {@code if}/{@code with} with their {@code else if}/{@code else with}/{@code else} branches. */
    private Node conditional(String cond, String kind) {
        List<Node> then = new ArrayList<>();
        List<Node> otherwise = new ArrayList<>();
        String end = list(then);
        if (end != null && end.startsWith("else")) {
            String after = end.substring(4).strip();
            if (after.startsWith(kind + " ") || after.equals(kind)) {
                otherwise.add(conditional(after.substring(kind.length()).strip(), kind));
                end = "end";
            } else if (after.isEmpty()) {
                end = list(otherwise);
            } else {
                throw new TemplateException("unexpected {{" + end + "}}");
            }
        }
        expectEnd(end, kind);
        Node.Pipe p = pipe(cond);
        return kind.equals("if") ? new Node.If(p, then, otherwise) : new Node.With(p, then, otherwise);
    }

    private static void expectEnd(String end, String what) {
        if (end == null || !end.equals("end")) {
            throw new TemplateException("unexpected EOF in " + what);
        }
    }

    private static Node.Pipe pipe(String text) {
        if (text.isEmpty()) {
            throw new TemplateException("missing value for command");
        }
        return pipe(Lexer.tokens(text));
    }

    private static Node.Pipe pipe(List<Token> tokens) {
        List<String> vars = new ArrayList<>();
        boolean declare = false;
        int i = 0;
        int decl = -1;
        for (int k = 0; k < tokens.size(); k++) {
            Kind kind = tokens.get(k).kind();
            if (kind == Kind.DECLARE || kind == Kind.ASSIGN) {
                decl = k;
                break;
            }
            if (kind != Kind.VARIABLE && kind != Kind.COMMA) {
                break;
            }
        }
        if (decl > 0) {
            for (int k = 0; k < decl; k++) {
                if (tokens.get(k).kind() == Kind.VARIABLE) {
                    vars.add(tokens.get(k).text());
                }
            }
            declare = tokens.get(decl).kind() == Kind.DECLARE;
            i = decl + 1;
        }
        List<List<Node.Arg>> commands = new ArrayList<>();
        List<Node.Arg> current = new ArrayList<>();
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.kind() == Kind.PIPE) {
                if (current.isEmpty()) {
                    throw new TemplateException("missing command before |");
                }
                commands.add(current);
                current = new ArrayList<>();
                i++;
                continue;
            }
            if (t.kind() == Kind.LPAREN) {
                int depth = 1;
                int j = i + 1;
                while (j < tokens.size() && depth > 0) {
                    if (tokens.get(j).kind() == Kind.LPAREN) {
                        depth++;
                    } else if (tokens.get(j).kind() == Kind.RPAREN) {
                        depth--;
                    }
                    j++;
                }
                if (depth != 0) {
                    throw new TemplateException("unclosed left paren");
                }
                current.add(new Node.Arg.Sub(pipe(tokens.subList(i + 1, j - 1))));
                i = j;
                continue;
            }
            current.add(switch (t.kind()) {
                case STRING -> new Node.Arg.Literal(t.text());
                case NUMBER -> new Node.Arg.Literal(number(t.text()));
                case BOOL -> new Node.Arg.Literal(Boolean.parseBoolean(t.text()));
                case NIL -> new Node.Arg.Literal(null);
                case DOT -> new Node.Arg.Dot();
                case FIELD -> new Node.Arg.Field(List.of(t.text().substring(1).split("\\.")));
                case VARIABLE -> {
                    String[] parts = t.text().split("\\.");
                    yield new Node.Arg.Var(parts[0], List.of(parts).subList(1, parts.length));
                }
                case IDENT -> new Node.Arg.Func(t.text());
                default -> throw new TemplateException("unexpected " + t.text() + " in operand");
            });
            i++;
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        if (commands.isEmpty() && vars.isEmpty()) {
            throw new TemplateException("missing value for command");
        }
        return new Node.Pipe(List.copyOf(vars), declare, commands);
    }

    private static Object number(String s) {
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseLong(s.substring(2), 16);
            }
            return Long.parseLong(s.replace("_", ""));
        } catch (NumberFormatException ex) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException ex2) {
                throw new TemplateException("bad number syntax: " + s);
            }
        }
    }
}
