package io.pb4j.auth.internal.oauth2.providers;

import java.util.Map;

/**
 * The {@code logo} SVG of a built-in provider, drawn by pb4j (no vendor's logo file is shipped): a rounded tile in the
 * provider's colour with its initials, a few as simple shapes, and a key for OIDC. Clients show it as an image, as
 * they show PocketBase's.
 */
final class ProviderMark {
    /** logo name → tile colour, initials, text colour. */
    private static final Map<String, String[]> TILES = Map.ofEntries(
            Map.entry("bitbucket", new String[] {"#2684ff", "B", "#fff"}),
            Map.entry("box", new String[] {"#0061d5", "box", "#fff"}),
            Map.entry("discord", new String[] {"#5865f2", "D", "#fff"}),
            Map.entry("facebook", new String[] {"#1877f2", "f", "#fff"}),
            Map.entry("gitea", new String[] {"#609926", "G", "#fff"}),
            Map.entry("gitee", new String[] {"#c71d23", "G", "#fff"}),
            Map.entry("github", new String[] {"#24292f", "GH", "#fff"}),
            Map.entry("gitlab", new String[] {"#fc6d26", "GL", "#fff"}),
            Map.entry("google", new String[] {"#fff", "G", "#4285f4"}),
            Map.entry("instagram2", new String[] {"#d6249f", "IG", "#fff"}),
            Map.entry("kakao", new String[] {"#fee500", "K", "#191919"}),
            Map.entry("lark", new String[] {"#00d6b9", "L", "#fff"}),
            Map.entry("linear", new String[] {"#5e6ad2", "Li", "#fff"}),
            Map.entry("livechat", new String[] {"#ff5100", "LC", "#fff"}),
            Map.entry("mailcow", new String[] {"#0f6ab4", "mc", "#fff"}),
            Map.entry("monday", new String[] {"#ff3d57", "m", "#fff"}),
            Map.entry("notion", new String[] {"#fff", "N", "#111"}),
            Map.entry("patreon", new String[] {"#ff424d", "P", "#fff"}),
            Map.entry("planningcenter", new String[] {"#2266f7", "PC", "#fff"}),
            Map.entry("spotify", new String[] {"#1db954", "S", "#fff"}),
            Map.entry("strava", new String[] {"#fc4c02", "S", "#fff"}),
            Map.entry("trakt", new String[] {"#ed1c24", "T", "#fff"}),
            Map.entry("twitch", new String[] {"#9146ff", "Tw", "#fff"}),
            Map.entry("twitter", new String[] {"#111", "X", "#fff"}),
            Map.entry("vk", new String[] {"#0077ff", "VK", "#fff"}),
            Map.entry("wakatime", new String[] {"#111", "W", "#fff"}),
            Map.entry("yandex", new String[] {"#fc3f1d", "Я", "#fff"}));

    private ProviderMark() {
    }

    static String svg(String logoName) {
        String shape = switch (logoName) {
            case "apple" -> tile("#111") + "<path fill=\"#fff\" d=\"M16 11c-4.5-2-8 1-8 6s3 9 5.5 9c1.2 0 1.6-.6 2.5-.6s1.3.6"
                    + " 2.5.6c2.5 0 4.6-3.6 5.3-6.2-2-.8-3-2.4-3-4.3 0-1.6.8-3 2-3.8-1.2-1.5-3-2-4.3-1.6-.9.3-1.6.9-2.5.9z"
                    + "M16.3 9.6c0-2.2 1.6-4 3.6-4.1 0 2.2-1.6 4-3.6 4.1z\"/>";
            case "microsoft" -> tile("#fff") + "<path fill=\"#f25022\" d=\"M7 7h8v8H7z\"/><path fill=\"#7fba00\" d=\"M17 7h8v8h-8z\"/>"
                    + "<path fill=\"#00a4ef\" d=\"M7 17h8v8H7z\"/><path fill=\"#ffb900\" d=\"M17 17h8v8h-8z\"/>";
            default -> {
                String[] t = TILES.get(logoName);
                yield t == null ? key() : tile(t[0]) + initials(t[1], t[2]);
            }
        };
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\" width=\"32\" height=\"32\">" + shape + "</svg>";
    }

    private static String tile(String fill) {
        String stroke = fill.equals("#fff") ? " stroke=\"#d1d5db\"" : "";
        return "<rect x=\"1\" y=\"1\" width=\"30\" height=\"30\" rx=\"7\" fill=\"" + fill + "\"" + stroke + "/>";
    }

    private static String initials(String text, String color) {
        int size = text.length() > 2 ? 11 : text.length() > 1 ? 13 : 18;
        return "<text x=\"16\" y=\"16\" text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"" + color
                + "\" font-family=\"system-ui, sans-serif\" font-weight=\"700\" font-size=\"" + size + "\">" + text + "</text>";
    }

    /** OIDC, and any name without its own mark. */
    private static String key() {
        return tile("#4b5563") + "<circle cx=\"12\" cy=\"16\" r=\"5\" fill=\"none\" stroke=\"#fff\" stroke-width=\"2.5\"/>"
                + "<path d=\"M17 16h9m-3 0v4m-3-4v3\" stroke=\"#fff\" stroke-width=\"2.5\" fill=\"none\" stroke-linecap=\"round\"/>";
    }
}
