package dev.diorama.scene;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Colour names people use, with their CSS sRGB values. */
public final class Colors {
    private static final Map<String, Rgb> NAMES = new LinkedHashMap<>();

    static {
        put("red", 0xE02020); put("green", 0x2E8B3A); put("blue", 0x2050D0); put("yellow", 0xF2D21B);
        put("orange", 0xF28C18); put("purple", 0x7B2FA8); put("violet", 0xEE82EE); put("pink", 0xFFA0C0);
        put("white", 0xF5F5F5); put("black", 0x141414); put("grey", 0x808080); put("gray", 0x808080);
        put("brown", 0x7B4A24); put("cyan", 0x00C8D8); put("magenta", 0xD020A0); put("gold", 0xFFD700);
        put("silver", 0xC0C0C0); put("beige", 0xF5F5DC); put("navy", 0x000080); put("teal", 0x008080);
        put("maroon", 0x800000); put("olive", 0x808000); put("lime", 0x32CD32); put("turquoise", 0x40E0D0);
        put("crimson", 0xDC143C); put("indigo", 0x4B0082); put("ivory", 0xFFFFF0); put("tan", 0xD2B48C);
        put("coral", 0xFF7F50); put("salmon", 0xFA8072); put("khaki", 0xF0E68C); put("lavender", 0xE6E6FA);
        put("aqua", 0x00FFFF); put("amber", 0xFFBF00); put("scarlet", 0xFF2400); put("emerald", 0x50C878);
    }

    private Colors() {}

    private static void put(String name, int rgb) {
        NAMES.put(name, new Rgb(((rgb >> 16) & 255) / 255.0, ((rgb >> 8) & 255) / 255.0, (rgb & 255) / 255.0));
    }

    /** The colour called {@code name} (case-insensitive), or null. */
    public static Rgb named(String name) { return NAMES.get(name.toLowerCase(Locale.ROOT)); }

    /** The name of a colour exactly equal to one in the table, or null. */
    public static String nameOf(Rgb c) {
        for (Map.Entry<String, Rgb> e : NAMES.entrySet()) if (e.getValue().equals(c)) return e.getKey();
        return null;
    }

    public static Map<String, Rgb> all() { return Collections.unmodifiableMap(NAMES); }
}
