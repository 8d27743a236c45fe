package io.pb4j.js.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.graalvm.polyglot.Value;

/**
 * PocketBase's {@code $filepath}: Go's {@code path/filepath} on a Unix system ({@code /} separator, no volume
 * names), with its lexical rules ({@code clean}, {@code rel}, {@code match} …) and its walks in lexical order.
 */
public final class JsFilepath {
    private static final String BAD_PATTERN = "syntax error in pattern";

    public String base(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        if (end == 0) {
            return "/";
        }
        String p = path.substring(0, end);
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** Go's {@code Clean}: the shortest equivalent path, by lexical processing only. */
    public String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        List<String> out = new ArrayList<>();
        int dotdots = 0; // leading ".." of a relative path, which cannot be removed
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (out.size() > dotdots) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add("..");
                    dotdots++;
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    public String dir(String path) {
        int i = path.lastIndexOf('/');
        return clean(path.substring(0, i + 1));
    }

    public String ext(String path) {
        for (int i = path.length() - 1; i >= 0 && path.charAt(i) != '/'; i--) {
            if (path.charAt(i) == '.') {
                return path.substring(i);
            }
        }
        return "";
    }

    public String fromSlash(String path) {
        return path;
    }

    public String toSlash(String path) {
        return path;
    }

    public boolean isAbs(String path) {
        return path.startsWith("/");
    }

    public String join(String... elems) {
        List<String> parts = new ArrayList<>();
        for (String e : elems) {
            if (!e.isEmpty() || !parts.isEmpty()) {
                parts.add(e);
            }
        }
        return parts.isEmpty() ? "" : clean(String.join("/", parts));
    }

    /** Go's {@code Split}: {@code [dir, file]}, dir keeping its trailing slash. */
    public List<String> split(String path) {
        int i = path.lastIndexOf('/');
        return List.of(path.substring(0, i + 1), path.substring(i + 1));
    }

    public List<String> splitList(String path) {
        return path.isEmpty() ? List.of() : List.of(path.split(":", -1));
    }

    /** Go's {@code Rel}: targpath relative to basepath, lexically; an error when it cannot be made relative. */
    public String rel(String basepath, String targpath) {
        String base = clean(basepath);
        String targ = clean(targpath);
        if (targ.equals(base)) {
            return ".";
        }
        if (base.equals(".")) {
            base = "";
        }
        boolean baseSlashed = base.startsWith("/");
        boolean targSlashed = targ.startsWith("/");
        if (baseSlashed != targSlashed) {
            throw new IllegalArgumentException("Rel: can't make " + targpath + " relative to " + basepath);
        }
        int bl = base.length();
        int tl = targ.length();
        int b0 = 0;
        int bi = 0;
        int t0 = 0;
        int ti = 0;
        while (true) {
            while (bi < bl && base.charAt(bi) != '/') {
                bi++;
            }
            while (ti < tl && targ.charAt(ti) != '/') {
                ti++;
            }
            if (!targ.substring(t0, ti).equals(base.substring(b0, bi))) {
                break;
            }
            if (bi < bl) {
                bi++;
            }
            if (ti < tl) {
                ti++;
            }
            b0 = bi;
            t0 = ti;
        }
        if (base.substring(b0, bi).equals("..")) {
            throw new IllegalArgumentException("Rel: can't make " + targpath + " relative to " + basepath);
        }
        if (b0 != bl) {
            int seps = (int) base.substring(b0, bl).chars().filter(c -> c == '/').count();
            StringBuilder sb = new StringBuilder("..");
            for (int k = 0; k < seps; k++) {
                sb.append("/..");
            }
            if (t0 != tl) {
                sb.append('/').append(targ, t0, tl);
            }
            return sb.toString();
        }
        return targ.substring(t0);
    }

    /** Go's {@code Match}: shell patterns where {@code *} and {@code ?} never match {@code /}. */
    public boolean match(String pattern, String name) {
        return Match.match(pattern, name);
    }

    /** Go's {@code Glob}: the paths matching the pattern, in lexical order; nothing for a directory that cannot be read. */
    public List<String> glob(String pattern) {
        Match.check(pattern);
        if (!hasMeta(pattern)) {
            return Files.exists(Path.of(pattern), LinkOption.NOFOLLOW_LINKS) ? List.of(pattern) : List.of();
        }
        List<String> split = split(pattern);
        String dir = split.get(0);
        String file = split.get(1);
        dir = dir.isEmpty() ? "." : dir.equals("/") ? dir : dir.substring(0, dir.length() - 1);
        List<String> dirs = hasMeta(dir) ? glob(dir) : List.of(dir);
        List<String> out = new ArrayList<>();
        for (String d : dirs) {
            if (!Files.isDirectory(Path.of(d))) {
                continue;
            }
            try (Stream<Path> s = Files.list(Path.of(d))) {
                for (String n : s.map(p -> p.getFileName().toString()).sorted().toList()) {
                    if (Match.match(file, n)) {
                        out.add(split.get(0).isEmpty() ? n : join(d, n));
                    }
                }
            } catch (IOException ex) {
                // Go's Glob ignores I/O errors
            }
        }
        return out;
    }

    private static boolean hasMeta(String path) {
        return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '\\');
    }

    /** Go's {@code Walk}: {@code fn(path, info, err)} for the root and everything under it, in lexical order. */
    public void walk(String root, Value fn) {
        walk(root, fn, false);
    }

    /** Go's {@code WalkDir}: {@code fn(path, dirEntry, err)}, in lexical order. */
    public void walkDir(String root, Value fn) {
        walk(root, fn, true);
    }

    private void walk(String root, Value fn, boolean dirEntries) {
        Path p = Path.of(root);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            stop(fn.execute(root, null, "lstat " + root + ": no such file or directory"));
            return;
        }
        visit(root, p, fn, dirEntries);
    }

    private void visit(String path, Path p, Value fn, boolean dirEntries) {
        JsOs.Entry entry = new JsOs.Entry(p);
        Value result = fn.execute(path, new GoView(entry), null);
        if (stop(result) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<String> names;
        try (Stream<Path> s = Files.list(p)) {
            names = s.map(x -> x.getFileName().toString()).sorted().toList();
        } catch (IOException ex) {
            stop(fn.execute(path, new GoView(entry), "open " + path + ": " + ex.getMessage()));
            return;
        }
        for (String n : names) {
            visit(join(path, n), p.resolve(n), fn, dirEntries);
        }
    }

    /** A value the callback returned (Go's non-nil error) ends the walk with it. */
    private static boolean stop(Value result) {
        if (result != null && !result.isNull()) {
            throw new IllegalStateException(result.isString() ? result.asString() : result.toString());
        }
        return false;
    }

    /** Go's {@code filepath.Match} over runes. */
    private static final class Match {
        static void check(String pattern) {
            match(pattern, "");
        }

        static boolean match(String pattern, String name) {
            String pat = pattern;
            String n = name;
            pattern:
            while (!pat.isEmpty()) {
                boolean star = false;
                while (!pat.isEmpty() && pat.charAt(0) == '*') {
                    pat = pat.substring(1);
                    star = true;
                }
                int end = chunkEnd(pat);
                String chunk = pat.substring(0, end);
                pat = pat.substring(end);
                if (star && chunk.isEmpty()) {
                    return n.indexOf('/') < 0;
                }
                String t = matchChunk(chunk, n);
                if (t != null && (t.isEmpty() || !pat.isEmpty())) {
                    n = t;
                    continue;
                }
                if (star) {
                    for (int i = 0; i < n.length() && n.charAt(i) != '/'; i++) {
                        t = matchChunk(chunk, n.substring(i + 1));
                        if (t != null) {
                            if (pat.isEmpty() && !t.isEmpty()) {
                                continue;
                            }
                            n = t;
                            continue pattern;
                        }
                    }
                }
                // the rest of the pattern must still be well formed
                while (!pat.isEmpty()) {
                    while (!pat.isEmpty() && pat.charAt(0) == '*') {
                        pat = pat.substring(1);
                    }
                    int e = chunkEnd(pat);
                    matchChunk(pat.substring(0, e), "");
                    pat = pat.substring(e);
                }
                return false;
            }
            return n.isEmpty();
        }

        private static int chunkEnd(String pat) {
            boolean inRange = false;
            for (int i = 0; i < pat.length(); i++) {
                switch (pat.charAt(i)) {
                    case '\\' -> i++;
                    case '[' -> inRange = true;
                    case ']' -> inRange = false;
                    case '*' -> {
                        if (!inRange) {
                            return i;
                        }
                    }
                    default -> { }
                }
            }
            return pat.length();
        }

        /** The rest of {@code s} after {@code chunk} matched its start, or null; throws on a bad pattern. */
        private static String matchChunk(String chunk, String s) {
            boolean failed = false;
            int i = 0;
            while (!chunk.isEmpty()) {
                if (!failed && i >= s.length()) {
                    failed = true;
                }
                char c = chunk.charAt(0);
                if (c == '[') {
                    int r = 0;
                    if (!failed) {
                        r = s.codePointAt(i);
                        i += Character.charCount(r);
                    }
                    chunk = chunk.substring(1);
                    boolean negated = !chunk.isEmpty() && chunk.charAt(0) == '^';
                    if (negated) {
                        chunk = chunk.substring(1);
                    }
                    boolean matched = false;
                    int nrange = 0;
                    while (true) {
                        if (!chunk.isEmpty() && chunk.charAt(0) == ']' && nrange > 0) {
                            chunk = chunk.substring(1);
                            break;
                        }
                        int[] lo = escaped(chunk);
                        chunk = chunk.substring(lo[1]);
                        int hi = lo[0];
                        if (chunk.startsWith("-")) {
                            int[] h = escaped(chunk.substring(1));
                            hi = h[0];
                            chunk = chunk.substring(1 + h[1]);
                        }
                        if (lo[0] <= r && r <= hi) {
                            matched = true;
                        }
                        nrange++;
                    }
                    if (matched == negated) {
                        failed = true;
                    }
                } else if (c == '?') {
                    if (!failed) {
                        if (s.charAt(i) == '/') {
                            failed = true;
                        }
                        i += Character.charCount(s.codePointAt(i));
                    }
                    chunk = chunk.substring(1);
                } else {
                    if (c == '\\') {
                        chunk = chunk.substring(1);
                        if (chunk.isEmpty()) {
                            throw new IllegalArgumentException(BAD_PATTERN);
                        }
                    }
                    if (!failed) {
                        if (chunk.charAt(0) != s.charAt(i)) {
                            failed = true;
                        }
                        i++;
                    }
                    chunk = chunk.substring(1);
                }
            }
            return failed ? null : s.substring(i);
        }

        /** One possibly escaped rune of a range and how many chars it took; throws on a bad range. */
        private static int[] escaped(String chunk) {
            if (chunk.isEmpty() || chunk.charAt(0) == '-' || chunk.charAt(0) == ']') {
                throw new IllegalArgumentException(BAD_PATTERN);
            }
            int skip = 0;
            if (chunk.charAt(0) == '\\') {
                skip = 1;
                if (chunk.length() < 2) {
                    throw new IllegalArgumentException(BAD_PATTERN);
                }
            }
            int r = chunk.codePointAt(skip);
            return new int[] {r, skip + Character.charCount(r)};
        }
    }
}
