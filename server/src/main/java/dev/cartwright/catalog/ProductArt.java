package dev.cartwright.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Draws a small flat SVG picture of a product: a background tinted from the sku, a simple illustration picked by
 * motif, and the product name as a caption. The output is self-contained (no external references, scripts or
 * named fonts), so it can be served as {@code image/svg+xml} or inlined as is.
 */
final class ProductArt {

    static final int WIDTH = 400;
    static final int HEIGHT = 300;

    /** Longest caption drawn; longer names are cut with an ellipsis so the text stays inside the frame. */
    private static final int MAX_CAPTION = 44;

    private static final String INK = "#2b2a28";
    private static final String STEEL = "#d7dbe0";
    private static final String STEEL_SHADE = "#9aa1a9";
    private static final String LEAF = "#4f8a5b";
    private static final String LEAF_LIGHT = "#73aa72";
    private static final String FLAME = "#f4a93b";
    private static final String FLAME_CORE = "#fff1b3";
    private static final String GLOW = "#fff4c7";

    private record Palette(String background, String accent, String dark, String light) {}

    private static final Map<String, Function<Palette, String>> MOTIFS = Map.ofEntries(
            Map.entry("mug", ProductArt::mug),
            Map.entry("kettle", ProductArt::kettle),
            Map.entry("notebook", ProductArt::notebook),
            Map.entry("pen", ProductArt::pen),
            Map.entry("bag", ProductArt::bag),
            Map.entry("lamp", ProductArt::lamp),
            Map.entry("plant", ProductArt::plant),
            Map.entry("bottle", ProductArt::bottle),
            Map.entry("knife", ProductArt::knife),
            Map.entry("blanket", ProductArt::blanket),
            Map.entry("candle", ProductArt::candle),
            Map.entry("tent", ProductArt::tent));

    private ProductArt() {}

    /** The motif names {@link #svg} draws; any other motif gets a plain parcel box. */
    static Set<String> motifs() {
        return MOTIFS.keySet();
    }

    static boolean supports(String motif) {
        return motif != null && MOTIFS.containsKey(normalise(motif));
    }

    static String svg(String sku, String name, String motif) {
        Palette palette = paletteFor(Objects.requireNonNullElse(sku, ""));
        String caption = caption(Objects.requireNonNullElse(name, ""));
        Function<Palette, String> drawing = motif == null ? null : MOTIFS.get(normalise(motif));
        String illustration = drawing == null ? box(palette) : drawing.apply(palette);
        String label = escape(caption);

        return """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s">
                <title>%s</title>
                <rect width="%d" height="%d" fill="%s"/>
                <ellipse cx="200" cy="214" rx="96" ry="9" fill="%s" fill-opacity="0.16"/>
                %s<rect y="236" width="%d" height="64" fill="#ffffff" fill-opacity="0.72"/>
                <text x="200" y="276" text-anchor="middle" font-family="sans-serif" font-size="%d" font-weight="600" fill="%s">%s</text>
                </svg>
                """.formatted(
                WIDTH, HEIGHT, WIDTH, HEIGHT, label,
                label,
                WIDTH, HEIGHT, palette.background(),
                palette.dark(),
                illustration, WIDTH,
                fontSize(caption), INK, label);
    }

    private static String normalise(String motif) {
        return motif.strip().toLowerCase(Locale.ROOT);
    }

    // --- colour -------------------------------------------------------------------------------------------------

    private static Palette paletteFor(String sku) {
        int hash = fnv1a(sku);
        int hue = Integer.remainderUnsigned(hash, 360);
        // Spare hash bits nudge saturation and lightness, so two skus with nearly the same hue still look different.
        int saturation = 38 + ((hash >>> 12) & 0xF);
        int lightness = 78 + ((hash >>> 20) & 0x7);
        return new Palette(
                hsl(hue, saturation, lightness),
                hsl(hue, 46, 44),
                hsl(hue, 32, 22),
                hsl(hue, 55, 93));
    }

    /**
     * 32-bit FNV-1a over the UTF-8 bytes. Chosen over {@code String.hashCode()} because similar skus
     * ("mug-1", "mug-2") should land on clearly different hues, and the result must not depend on the JVM.
     */
    private static int fnv1a(String text) {
        int hash = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x01000193;
        }
        return hash;
    }

    /** Converts HSL to a hex colour; hex rather than hsl() because some SVG renderers only know SVG 1.1 colours. */
    private static String hsl(int hue, int saturationPercent, int lightnessPercent) {
        double s = saturationPercent / 100.0;
        double l = lightnessPercent / 100.0;
        double chroma = (1 - Math.abs(2 * l - 1)) * s;
        double sector = hue / 60.0;
        double x = chroma * (1 - Math.abs(sector % 2 - 1));
        double r = 0;
        double g = 0;
        double b = 0;
        switch ((int) sector) {
            case 0 -> { r = chroma; g = x; }
            case 1 -> { r = x; g = chroma; }
            case 2 -> { g = chroma; b = x; }
            case 3 -> { g = x; b = chroma; }
            case 4 -> { r = x; b = chroma; }
            default -> { r = chroma; b = x; }
        }
        double m = l - chroma / 2;
        return String.format(Locale.ROOT, "#%02x%02x%02x", channel(r + m), channel(g + m), channel(b + m));
    }

    private static int channel(double value) {
        return (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
    }

    // --- text ---------------------------------------------------------------------------------------------------

    private static String caption(String name) {
        String text = name.strip().replaceAll("\\s+", " ");
        if (text.codePointCount(0, text.length()) <= MAX_CAPTION) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CAPTION - 1)).strip() + "\u2026";
    }

    /** Shrinks the caption for long names; roughly 0.56 em per character in a generic sans-serif. */
    private static int fontSize(String caption) {
        int length = Math.max(1, caption.codePointCount(0, caption.length()));
        int fitting = (int) Math.floor(360 / (length * 0.56));
        return Math.max(12, Math.min(24, fitting));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (isXmlChar(c)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /**
     * Control characters and lone surrogates are not legal in XML 1.0 even when escaped, so they are dropped
     * rather than allowed to break the whole document.
     */
    private static boolean isXmlChar(int c) {
        return c == '\t' || c == '\n' || c == '\r'
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    // --- motifs -------------------------------------------------------------------------------------------------
    // Each drawing sits roughly in x 100..300, y 35..215, above the shared ground shadow and the caption band.

    private static String mug(Palette p) {
        return """
                <path d="M250 118 h12 a24 24 0 0 1 0 48 h-12" fill="none" stroke="%1$s" stroke-width="13"/>
                <rect x="138" y="96" width="114" height="116" rx="16" fill="%1$s"/>
                <rect x="138" y="96" width="114" height="14" rx="7" fill="%2$s" fill-opacity="0.25"/>
                <rect x="152" y="122" width="10" height="70" rx="5" fill="#ffffff" fill-opacity="0.28"/>
                <g fill="none" stroke="#ffffff" stroke-width="6" stroke-linecap="round" stroke-opacity="0.85">
                <path d="M172 82 c-10 -12 10 -20 0 -34"/>
                <path d="M196 82 c-10 -12 10 -20 0 -34"/>
                <path d="M220 82 c-10 -12 10 -20 0 -34"/>
                </g>
                """.formatted(p.accent(), p.dark());
    }

    private static String kettle(Palette p) {
        return """
                <path d="M152 112 Q200 40 248 112" fill="none" stroke="%2$s" stroke-width="10" stroke-linecap="round"/>
                <path d="M142 160 L100 124 L109 116 L150 142 Z" fill="%1$s"/>
                <path d="M130 204 L142 124 Q200 92 258 124 L270 204 Z" fill="%1$s"/>
                <ellipse cx="200" cy="110" rx="36" ry="9" fill="%2$s"/>
                <circle cx="200" cy="97" r="8" fill="%2$s"/>
                <rect x="124" y="198" width="152" height="14" rx="5" fill="%2$s"/>
                <path d="M156 134 Q162 124 176 118" fill="none" stroke="#ffffff" stroke-width="6" stroke-linecap="round" stroke-opacity="0.35"/>
                """.formatted(p.accent(), p.dark());
    }

    private static String notebook(Palette p) {
        return """
                <rect x="141" y="44" width="130" height="170" rx="8" fill="%3$s"/>
                <rect x="135" y="40" width="130" height="170" rx="8" fill="%1$s"/>
                <rect x="135" y="40" width="18" height="170" rx="6" fill="%2$s" fill-opacity="0.3"/>
                <rect x="244" y="40" width="8" height="170" fill="%2$s"/>
                <rect x="172" y="76" width="60" height="28" rx="3" fill="%3$s"/>
                <rect x="180" y="86" width="44" height="3" fill="%2$s" fill-opacity="0.5"/>
                <rect x="180" y="93" width="30" height="3" fill="%2$s" fill-opacity="0.5"/>
                """.formatted(p.accent(), p.dark(), p.light());
    }

    private static String pen(Palette p) {
        return """
                <g transform="rotate(-32 200 130)">
                <rect x="100" y="117" width="170" height="26" rx="13" fill="%1$s"/>
                <rect x="100" y="115" width="66" height="30" rx="13" fill="%2$s"/>
                <rect x="112" y="107" width="48" height="7" rx="3.5" fill="%3$s"/>
                <path d="M268 120 L306 130 L268 140 Z" fill="%2$s"/>
                <circle cx="306" cy="130" r="2.5" fill="%3$s"/>
                <rect x="176" y="121" width="84" height="5" rx="2.5" fill="#ffffff" fill-opacity="0.3"/>
                </g>
                """.formatted(p.accent(), p.dark(), p.light());
    }

    private static String bag(Palette p) {
        return """
                <path d="M166 112 V88 a34 34 0 0 1 68 0 V112" fill="none" stroke="%2$s" stroke-width="9" stroke-linecap="round"/>
                <path d="M128 108 L272 108 L262 212 L138 212 Z" fill="%1$s"/>
                <rect x="128" y="108" width="144" height="12" fill="%2$s" fill-opacity="0.22"/>
                <rect x="168" y="146" width="64" height="44" rx="4" fill="%3$s" fill-opacity="0.55"/>
                """.formatted(p.accent(), p.dark(), p.light());
    }

    private static String lamp(Palette p) {
        return """
                <path d="M136 126 L264 126 L292 206 L108 206 Z" fill="%3$s" fill-opacity="0.45"/>
                <rect x="195" y="124" width="10" height="80" fill="%2$s"/>
                <ellipse cx="200" cy="206" rx="52" ry="10" fill="%2$s"/>
                <path d="M162 56 L238 56 L268 128 L132 128 Z" fill="%1$s"/>
                <rect x="162" y="56" width="76" height="8" fill="%2$s" fill-opacity="0.25"/>
                <circle cx="200" cy="134" r="9" fill="%3$s"/>
                """.formatted(p.accent(), p.dark(), GLOW);
    }

    private static String plant(Palette p) {
        return """
                <path d="M200 150 C168 126 160 84 180 52 C204 84 212 122 200 150 Z" fill="%3$s"/>
                <path d="M198 150 C160 144 128 118 122 86 C160 90 188 114 198 150 Z" fill="%4$s"/>
                <path d="M202 150 C240 144 272 118 278 86 C240 90 212 114 202 150 Z" fill="%4$s"/>
                <path d="M200 150 C214 120 232 98 252 70" fill="none" stroke="%3$s" stroke-width="5" stroke-linecap="round"/>
                <path d="M162 150 L238 150 L228 212 L172 212 Z" fill="%1$s"/>
                <rect x="152" y="140" width="96" height="18" rx="4" fill="%2$s"/>
                """.formatted(p.accent(), p.dark(), LEAF, LEAF_LIGHT);
    }

    private static String bottle(Palette p) {
        return """
                <rect x="182" y="56" width="36" height="40" rx="6" fill="%1$s"/>
                <rect x="178" y="38" width="44" height="22" rx="6" fill="%2$s"/>
                <rect x="162" y="84" width="76" height="128" rx="20" fill="%1$s"/>
                <rect x="162" y="128" width="76" height="46" fill="%3$s"/>
                <rect x="176" y="140" width="48" height="4" fill="%2$s" fill-opacity="0.45"/>
                <rect x="184" y="150" width="32" height="4" fill="%2$s" fill-opacity="0.45"/>
                <rect x="172" y="96" width="8" height="100" rx="4" fill="#ffffff" fill-opacity="0.3"/>
                """.formatted(p.accent(), p.dark(), p.light());
    }

    private static String knife(Palette p) {
        return """
                <g transform="rotate(-14 200 130)">
                <path d="M86 146 Q160 98 248 112 L248 146 Z" fill="%3$s"/>
                <path d="M86 146 L248 146 L248 140 L100 140 Z" fill="%4$s"/>
                <rect x="244" y="108" width="12" height="42" rx="3" fill="%4$s"/>
                <rect x="254" y="112" width="74" height="34" rx="9" fill="%1$s"/>
                <circle cx="274" cy="129" r="4" fill="%5$s"/>
                <circle cx="306" cy="129" r="4" fill="%5$s"/>
                <rect x="258" y="116" width="66" height="5" rx="2.5" fill="#ffffff" fill-opacity="0.25"/>
                </g>
                """.formatted(p.accent(), p.dark(), STEEL, STEEL_SHADE, p.light());
    }

    private static String blanket(Palette p) {
        return """
                <rect x="116" y="166" width="168" height="44" rx="12" fill="%1$s"/>
                <rect x="124" y="124" width="152" height="44" rx="12" fill="%3$s"/>
                <rect x="132" y="82" width="136" height="44" rx="12" fill="%1$s"/>
                <g fill="%2$s" fill-opacity="0.3">
                <rect x="116" y="184" width="168" height="7"/>
                <rect x="124" y="142" width="152" height="7"/>
                <rect x="132" y="100" width="136" height="7"/>
                </g>
                <g stroke="%2$s" stroke-width="3" stroke-linecap="round" stroke-opacity="0.5">
                <path d="M284 172 v32 M290 176 v24"/>
                <path d="M268 88 v32 M274 92 v24"/>
                </g>
                """.formatted(p.accent(), p.dark(), p.light());
    }

    private static String candle(Palette p) {
        return """
                <circle cx="200" cy="70" r="32" fill="%4$s" fill-opacity="0.55"/>
                <ellipse cx="200" cy="208" rx="62" ry="10" fill="%1$s"/>
                <rect x="164" y="96" width="72" height="112" rx="6" fill="%3$s"/>
                <rect x="164" y="150" width="72" height="22" fill="%1$s" fill-opacity="0.8"/>
                <path d="M176 96 v16 a5 5 0 0 0 10 0 v-16 Z" fill="%3$s"/>
                <rect x="198" y="80" width="4" height="18" rx="2" fill="%2$s"/>
                <path d="M200 46 C216 64 213 78 200 84 C187 78 184 64 200 46 Z" fill="%5$s"/>
                <ellipse cx="200" cy="72" rx="5" ry="9" fill="%4$s"/>
                """.formatted(p.accent(), p.dark(), p.light(), FLAME_CORE, FLAME);
    }

    private static String tent(Palette p) {
        return """
                <g stroke="%2$s" stroke-width="2.5" stroke-linecap="round">
                <path d="M160 112 L76 208"/>
                <path d="M240 112 L324 208"/>
                </g>
                <path d="M200 52 L200 36 L222 43 L200 50" fill="%3$s"/>
                <path d="M200 52 L304 208 L96 208 Z" fill="%1$s"/>
                <path d="M200 52 L304 208 L252 208 Z" fill="%2$s" fill-opacity="0.25"/>
                <path d="M200 96 L236 208 L164 208 Z" fill="%2$s"/>
                <path d="M200 96 L188 208 L164 208 Z" fill="%3$s" fill-opacity="0.35"/>
                """.formatted(p.accent(), p.dark(), p.light());
    }

    /** Fallback for unknown motifs: a taped parcel, which reads as "something from the shop". */
    private static String box(Palette p) {
        return """
                <path d="M200 62 L284 96 L200 130 L116 96 Z" fill="%3$s"/>
                <path d="M116 96 L200 130 L200 212 L116 178 Z" fill="%1$s"/>
                <path d="M200 130 L284 96 L284 178 L200 212 Z" fill="%2$s" fill-opacity="0.75"/>
                <path d="M158 79 L242 113 L242 150" fill="none" stroke="%1$s" stroke-width="12" stroke-opacity="0.55"/>
                """.formatted(p.accent(), p.dark(), p.light());
    }
}
