package io.pb4j.js.internal.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A compact Go {@code html/template}: the template of the first file (or the string) with every {@code define} and
 * {@code block} of all of them, executed over plain Java data (maps, lists, strings, numbers, booleans). Every
 * printed value is HTML-escaped as Go escapes text ({@code & < > " ' +}), except what {@code raw} (PocketBase's
 * function) or {@code html} return; inside attributes, URLs, scripts and styles values are escaped for that context
 * as Go does ({@link HtmlContext}). Method calls on values and {@code call} are not supported.
 */
public final class Template {
    private final String main;
    private final Map<String, List<Node>> templates;

    private Template(String main, Map<String, List<Node>> templates) {
        this.main = main;
        this.templates = templates;
    }

    /** Parses {@code text} as the template named {@code ""}. */
    public static Template parse(String text) {
        Map<String, List<Node>> t = new HashMap<>();
        t.put("", Parser.parse(text, t));
        return new Template("", t);
    }

    /** Parses files (base name to text, in order) as Go's {@code ParseFiles}: the first one's body is executed. */
    public static Template parseFiles(LinkedHashMap<String, String> files) {
        Map<String, List<Node>> t = new HashMap<>();
        String first = null;
        for (var f : files.entrySet()) {
            List<Node> body = Parser.parse(f.getValue(), t);
            t.put(f.getKey(), body);
            if (first == null) {
                first = f.getKey();
            }
        }
        if (first == null) {
            throw new TemplateException("no files named");
        }
        return new Template(first, t);
    }

    /** Executes the main template over {@code data}. */
    public String execute(Object data) {
        StringBuilder out = new StringBuilder();
        Exec exec = new Exec(templates, out, data);
        exec.run(templates.get(main), data, 0);
        return out.toString();
    }

    /** What {@code raw} and {@code html} return: HTML that is printed as it is. */
    record SafeHtml(String html) {
        @Override
        public String toString() {
            return html;
        }
    }

    private static final class Exec {
        private final Map<String, List<Node>> templates;
        private final StringBuilder out;
        private final List<Map<String, Object>> scopes = new ArrayList<>();
        private final HtmlContext context = new HtmlContext();

        Exec(Map<String, List<Node>> templates, StringBuilder out, Object root) {
            this.templates = templates;
            this.out = out;
            Map<String, Object> top = new HashMap<>();
            top.put("$", root);
            scopes.add(top);
        }

        private static final class Break extends RuntimeException {
            Break() {
                super(null, null, false, false);
            }
        }

        private static final class Continue extends RuntimeException {
            Continue() {
                super(null, null, false, false);
            }
        }

        void run(List<Node> nodes, Object dot, int depth) {
            if (depth > 100) {
                throw new TemplateException("exceeded maximum template depth (100)");
            }
            for (Node n : nodes) {
                switch (n) {
                    case Node.Text t -> out.append(t.text());
                    case Node.Output o -> {
                        Object v = pipe(o.pipe(), dot);
                        if (o.pipe().vars().isEmpty()) {
                            out.append(context.escape(out, v));
                        }
                    }
                    case Node.If i -> {
                        scoped(() -> {
                            if (Funcs.truth(pipe(i.cond(), dot))) {
                                run(i.then(), dot, depth);
                            } else {
                                run(i.otherwise(), dot, depth);
                            }
                        });
                    }
                    case Node.With w -> {
                        scoped(() -> {
                            Object v = pipe(w.pipe(), dot);
                            if (Funcs.truth(v)) {
                                run(w.body(), v, depth);
                            } else {
                                run(w.otherwise(), dot, depth);
                            }
                        });
                    }
                    case Node.Range r -> range(r, dot, depth);
                    case Node.Call c -> {
                        List<Node> body = templates.get(c.name());
                        if (body == null) {
                            throw new TemplateException("no such template \"" + c.name() + "\"");
                        }
                        Object arg = c.pipe() == null ? null : pipe(c.pipe(), dot);
                        List<Map<String, Object>> saved = new ArrayList<>(scopes);
                        scopes.clear();
                        Map<String, Object> top = new HashMap<>();
                        top.put("$", arg);
                        scopes.add(top);
                        try {
                            run(body, arg, depth + 1);
                        } finally {
                            scopes.clear();
                            scopes.addAll(saved);
                        }
                    }
                    case Node.Break b -> throw new Break();
                    case Node.Continue c -> throw new Continue();
                }
            }
        }

        private void scoped(Runnable r) {
            scopes.add(new HashMap<>());
            try {
                r.run();
            } finally {
                scopes.removeLast();
            }
        }

        private void range(Node.Range r, Object dot, int depth) {
            scopes.add(new HashMap<>());
            try {
                Node.Pipe p = r.pipe();
                Node.Pipe valueOnly = new Node.Pipe(List.of(), false, p.commands());
                Object v = pipe(valueOnly, dot);
                List<Object[]> pairs = new ArrayList<>();
                switch (v) {
                    case null -> { }
                    case Map<?, ?> m -> new TreeMap<>(stringKeys(m)).forEach((k, x) -> pairs.add(new Object[] {k, x}));
                    case Collection<?> c -> {
                        long i = 0;
                        for (Object x : c) {
                            pairs.add(new Object[] {i++, x});
                        }
                    }
                    case Long n -> {
                        for (long i = 0; i < n; i++) {
                            pairs.add(new Object[] {i, i});
                        }
                    }
                    default -> throw new TemplateException("range can't iterate over " + Funcs.text(v, false));
                }
                if (pairs.isEmpty()) {
                    run(r.otherwise(), dot, depth);
                    return;
                }
                for (Object[] pair : pairs) {
                    if (p.vars().size() == 1) {
                        set(p.vars().getFirst(), pair[1], true);
                    } else if (p.vars().size() >= 2) {
                        set(p.vars().get(0), pair[0], true);
                        set(p.vars().get(1), pair[1], true);
                    }
                    try {
                        run(r.body(), pair[1], depth);
                    } catch (Continue c) {
                        // next element
                    } catch (Break b) {
                        break;
                    }
                }
            } finally {
                scopes.removeLast();
            }
        }

        private static Map<String, Object> stringKeys(Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }

        private void set(String name, Object value, boolean declare) {
            if (!declare) {
                for (int i = scopes.size() - 1; i >= 0; i--) {
                    if (scopes.get(i).containsKey(name)) {
                        scopes.get(i).put(name, value);
                        return;
                    }
                }
                throw new TemplateException("undefined variable: " + name);
            }
            scopes.getLast().put(name, value);
        }

        private Object variable(String name) {
            for (int i = scopes.size() - 1; i >= 0; i--) {
                if (scopes.get(i).containsKey(name)) {
                    return scopes.get(i).get(name);
                }
            }
            throw new TemplateException("undefined variable: " + name);
        }

        Object pipe(Node.Pipe p, Object dot) {
            Object value = null;
            boolean first = true;
            for (List<Node.Arg> cmd : p.commands()) {
                value = command(cmd, dot, first ? null : new Object[] {value});
                first = false;
            }
            for (String v : p.vars()) {
                set(v, value, p.declare());
            }
            return value;
        }

        private Object command(List<Node.Arg> cmd, Object dot, Object[] piped) {
            Node.Arg head = cmd.getFirst();
            if (head instanceof Node.Arg.Func f) {
                List<Object> args = new ArrayList<>();
                for (int i = 1; i < cmd.size(); i++) {
                    args.add(arg(cmd.get(i), dot));
                }
                if (piped != null) {
                    args.add(piped[0]);
                }
                return Funcs.call(f.name(), args);
            }
            if (cmd.size() > 1 || piped != null) {
                throw new TemplateException("can't give argument to non-function " + describe(head));
            }
            return arg(head, dot);
        }

        private Object arg(Node.Arg a, Object dot) {
            return switch (a) {
                case Node.Arg.Dot d -> dot;
                case Node.Arg.Literal l -> l.value();
                case Node.Arg.Field f -> Funcs.path(dot, f.path());
                case Node.Arg.Var v -> Funcs.path(variable(v.name()), v.path());
                case Node.Arg.Sub s -> pipe(s.pipe(), dot);
                case Node.Arg.Func f -> Funcs.call(f.name(), List.of());
            };
        }

        private static String describe(Node.Arg a) {
            return switch (a) {
                case Node.Arg.Field f -> "." + String.join(".", f.path());
                case Node.Arg.Var v -> v.name();
                default -> a.toString();
            };
        }
    }
}
