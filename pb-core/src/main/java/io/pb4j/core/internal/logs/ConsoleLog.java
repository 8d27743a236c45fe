package io.pb4j.core.internal.logs;

import java.io.PrintStream;
import java.util.Map;

/**
 * Dev mode's console form of a log entry, as PocketBase prints it: the level word and message in the level's colour,
 * then for request entries their error and details as a tree, for other entries their data.
 */
final class ConsoleLog {
    private static final String RESET = "\u001b[0m";

    private ConsoleLog() {
    }

    static void print(int level, String message, Map<String, Object> data) {
        print(System.out, level, message, data);
    }

    static void print(PrintStream out, int level, String message, Map<String, Object> data) {
        StringBuilder sb = new StringBuilder();
        switch (level) {
            case -4 -> sb.append(color("1;90", "DEBUG ")).append(color("37", message));
            case 0 -> sb.append(color("1;37", "INFO ")).append(color("37", message));
            case 4 -> sb.append(color("1;33", "WARN ")).append(color("33", message));
            case 8 -> sb.append(color("1;31", "ERROR ")).append(color("31", message));
            default -> sb.append(color("1;36", "[" + level + "] ")).append(color("36", message));
        }
        sb.append('\n');
        if ("request".equals(String.valueOf(data.get("type")))) {
            String padding = "";
            for (String key : new String[] {"error", "details"}) {
                Object v = data.get(key);
                if (v != null) {
                    sb.append(color("91", padding + "└─ " + (v instanceof String s ? s : LogJson.writeValue(v))))
                            .append('\n');
                    padding += "   ";
                }
            }
        } else if (!data.isEmpty()) {
            sb.append(color("90", "└─ " + LogJson.write(data))).append('\n');
        }
        out.print(sb);
    }

    private static String color(String code, String text) {
        return "\u001b[" + code + "m" + text + RESET;
    }
}
