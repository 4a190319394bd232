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
        // The rest of CSS Color Module Level 4's named colours, with their CSS values (the names above
        // keep the tones chosen for them, which read better under the renderer's sun than pure CSS).
        String css = "aliceblue=F0F8FF antiquewhite=FAEBD7 aquamarine=7FFFD4 azure=F0FFFF bisque=FFE4C4 "
            + "blanchedalmond=FFEBCD blueviolet=8A2BE2 burlywood=DEB887 cadetblue=5F9EA0 chartreuse=7FFF00 "
            + "chocolate=D2691E cornflowerblue=6495ED cornsilk=FFF8DC darkblue=00008B darkcyan=008B8B "
            + "darkgoldenrod=B8860B darkgray=A9A9A9 darkgreen=006400 darkgrey=A9A9A9 darkkhaki=BDB76B "
            + "darkmagenta=8B008B darkolivegreen=556B2F darkorange=FF8C00 darkorchid=9932CC darkred=8B0000 "
            + "darksalmon=E9967A darkseagreen=8FBC8F darkslateblue=483D8B darkslategray=2F4F4F "
            + "darkslategrey=2F4F4F darkturquoise=00CED1 darkviolet=9400D3 deeppink=FF1493 deepskyblue=00BFFF "
            + "dimgray=696969 dimgrey=696969 dodgerblue=1E90FF firebrick=B22222 floralwhite=FFFAF0 "
            + "forestgreen=228B22 fuchsia=FF00FF gainsboro=DCDCDC ghostwhite=F8F8FF goldenrod=DAA520 "
            + "greenyellow=ADFF2F honeydew=F0FFF0 hotpink=FF69B4 indianred=CD5C5C ivory=FFFFF0 "
            + "lavenderblush=FFF0F5 lawngreen=7CFC00 lemonchiffon=FFFACD lightblue=ADD8E6 lightcoral=F08080 "
            + "lightcyan=E0FFFF lightgoldenrodyellow=FAFAD2 lightgray=D3D3D3 lightgrey=D3D3D3 lightgreen=90EE90 "
            + "lightpink=FFB6C1 lightsalmon=FFA07A lightseagreen=20B2AA lightskyblue=87CEFA "
            + "lightslategray=778899 lightslategrey=778899 lightsteelblue=B0C4DE lightyellow=FFFFE0 "
            + "linen=FAF0E6 mediumaquamarine=66CDAA mediumblue=0000CD mediumorchid=BA55D3 mediumpurple=9370DB "
            + "mediumseagreen=3CB371 mediumslateblue=7B68EE mediumspringgreen=00FA9A mediumturquoise=48D1CC "
            + "mediumvioletred=C71585 midnightblue=191970 mintcream=F5FFFA mistyrose=FFE4E1 moccasin=FFE4B5 "
            + "navajowhite=FFDEAD oldlace=FDF5E6 olivedrab=6B8E23 orangered=FF4500 orchid=DA70D6 "
            + "palegoldenrod=EEE8AA palegreen=98FB98 paleturquoise=AFEEEE palevioletred=DB7093 "
            + "papayawhip=FFEFD5 peachpuff=FFDAB9 peru=CD853F plum=DDA0DD powderblue=B0E0E6 "
            + "rebeccapurple=663399 rosybrown=BC8F8F royalblue=4169E1 saddlebrown=8B4513 sandybrown=F4A460 "
            + "seagreen=2E8B57 seashell=FFF5EE sienna=A0522D skyblue=87CEEB slateblue=6A5ACD slategray=708090 "
            + "slategrey=708090 snow=FFFAFA springgreen=00FF7F steelblue=4682B4 thistle=D8BFD8 tomato=FF6347 "
            + "wheat=F5DEB3 whitesmoke=F5F5F5 yellowgreen=9ACD32 limegreen=32CD32";
        for (String pair : css.split(" ")) {
            String[] nv = pair.split("=");
            if (!NAMES.containsKey(nv[0])) put(nv[0], Integer.parseInt(nv[1], 16));
        }
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
