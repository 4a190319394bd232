package dev.diorama.prompt;

import dev.diorama.prompt.Draft.Angle;
import dev.diorama.prompt.Draft.Move;
import dev.diorama.prompt.Draft.Said;
import dev.diorama.prompt.Draft.Shot;
import dev.diorama.prompt.Draft.Target;
import dev.diorama.scene.Colors;
import dev.diorama.scene.Material;
import dev.diorama.scene.Shape;
import java.util.Set;

/**
 * Camera language, for {@link PromptReader}: the shot size ("wide shot", "medium shot",
 * "close-up"), the angle ("at eye level", "low angle", "from below", "high angle", "from above",
 * "bird's-eye view", "top-down", "overhead"), the lens ("wide-angle", "telephoto", "fov 35", "a
 * 35 mm lens") and the move ("static camera", "pans left 45 degrees", "tilts up", "dolly in",
 * "pulls back", "zooms in", "orbits", "circles around the balls", "a full circle", "tracking the red
 * ball", "follows the steel ball"). "slowly" halves a move whose amount the words do not give.
 * Each matcher returns the index after its words, or {@code i}.
 */
final class CameraWords {
    /** Words of this reader that no other table holds: for "did you mean" and the notes. */
    static final Set<String> WORDS = Set.of("close", "closeup", "establishing", "angle", "level", "eye", "low",
            "birds", "overhead", "telephoto", "fov", "static", "pan", "pans", "panning", "tilt", "tilts", "dolly",
            "zoom", "zooms", "orbit", "orbits", "orbiting", "circles", "circling", "tracking", "follows", "following",
            "left", "right", "clockwise", "counterclockwise", "anticlockwise", "degrees", "slowly");
    private static final Set<String> PAN = Set.of("pan", "pans", "panning", "panned");
    private static final Set<String> TILT = Set.of("tilt", "tilts", "tilting", "tilted");
    private static final Set<String> ORBIT = Set.of("orbit", "orbits", "orbiting", "orbited", "circle", "circles",
            "circling", "circled", "revolves", "revolving", "turntable");
    private static final Set<String> DOLLY = Set.of("dolly", "dollies", "dollying");
    private static final Set<String> PUSH = Set.of("push", "pushes", "pushing");
    private static final Set<String> PULL = Set.of("pull", "pulls", "pulling");
    private static final Set<String> ZOOM = Set.of("zoom", "zooms", "zooming");
    private static final Set<String> TRACK = Set.of("track", "tracks", "tracking", "follow", "follows", "following",
            "followed");
    private static final Set<String> DEGREES = Set.of("degrees", "degree", "deg");
    private static final Set<String> SLOW = Set.of("slowly", "slow", "gently", "gentle");
    private static final java.util.Map<String, Integer> ORDINALS = java.util.Map.of("first", 1, "second", 2,
            "third", 3, "fourth", 4, "fifth", 5, "sixth", 6, "seventh", 7, "eighth", 8, "ninth", 9, "last", -1);

    private final PromptReader r;

    CameraWords(PromptReader reader) {
        this.r = reader;
    }

    int match(int i) {
        int e;
        if ((e = lens(i)) > i) return e;
        if ((e = shot(i)) > i) return e;
        if ((e = angle(i)) > i) return e;
        return move(i);
    }

    // ---- shot size ----

    private int shot(int i) {
        String a = r.w(i), b = r.w(i + 1);
        Shot shot = null;
        int end = i + 2;
        if ((a.equals("wide") || a.equals("long") || a.equals("establishing") || a.equals("full"))
                && (b.equals("shot") || b.equals("view"))) {
            shot = Shot.WIDE;
        } else if ((a.equals("medium") || a.equals("mid")) && b.equals("shot")) {
            shot = Shot.MEDIUM;
        } else if (a.equals("midshot")) {
            shot = Shot.MEDIUM;
            end = i + 1;
        } else if (a.equals("closeup") || a.equals("closeups")) {
            shot = Shot.CLOSE;
            end = i + 1;
        } else if (a.equals("close") && (b.equals("up") || b.equals("ups") || b.equals("shot"))) {
            shot = Shot.CLOSE;
        } else if (a.equals("extreme") && (r.w(i + 1).equals("closeup") || r.w(i + 1).equals("close"))) {
            int k = r.w(i + 1).equals("closeup") ? i + 2 : r.w(i + 2).equals("up") ? i + 3 : i;
            if (k == i) return i;
            shot = Shot.CLOSE;
            end = k;
        }
        if (shot == null) return i;
        if (r.w(end).equals("shot")) end++;
        String words = r.text(i, end);
        if (r.draft.shot != null && r.draft.shot.value() != shot) {
            throw new PromptException(words, "the shot size is given twice (also as \"" + r.draft.shot.words()
                    + "\"); expected one of wide, medium, close-up");
        }
        r.draft.shot = new Said<>(shot, words);
        r.use(i, end);
        return end;
    }

    // ---- angle ----

    private int angle(int i) {
        String a = r.w(i), b = r.w(i + 1), c = r.w(i + 2);
        Angle angle = null;
        int end = i + 2;
        if (a.equals("eye") && b.equals("level")) angle = Angle.EYE_LEVEL;
        else if (a.equals("low") && b.equals("angle")) angle = Angle.LOW;
        else if (a.equals("from") && b.equals("below")) angle = Angle.LOW;
        else if ((a.equals("worms") || a.equals("frogs")) && b.equals("eye")) angle = Angle.LOW;
        else if (a.equals("ground") && b.equals("level")) angle = Angle.LOW;
        else if (a.equals("high") && b.equals("angle")) angle = Angle.HIGH;
        else if (a.equals("from") && b.equals("above")) angle = Angle.HIGH;
        else if (a.equals("birds") && b.equals("eye")) angle = Angle.TOP;
        else if (a.equals("birdseye")) {
            angle = Angle.TOP;
            end = i + 1;
        } else if (a.equals("top") && b.equals("down")) angle = Angle.TOP;
        else if (a.equals("topdown") || a.equals("overhead")) {
            angle = Angle.TOP;
            end = i + 1;
        } else if (a.equals("from") && b.equals("directly") && c.equals("above")) {
            angle = Angle.TOP;
            end = i + 3;
        } else if (a.equals("straight") && b.equals("down")) angle = Angle.TOP;
        if (angle == null) return i;
        if (Set.of("view", "shot", "angle").contains(r.w(end))) end++;
        String words = r.text(i, end);
        if (r.draft.angle != null && r.draft.angle.value() != angle) {
            throw new PromptException(words, "the camera angle is given twice (also as \"" + r.draft.angle.words()
                    + "\"); expected one of eye level, low, high, bird's-eye");
        }
        r.draft.angle = new Said<>(angle, words);
        r.use(i, end);
        return end;
    }

    // ---- lens ----

    /** "wide-angle (lens)", "fisheye", "telephoto (lens)", "long lens", "fov 35", "field of view of 35 degrees", "a 35 mm lens". */
    private int lens(int i) {
        // "a field of view of 35 degrees": the article goes with it (else "a field" is a place)
        if (Set.of("a", "the").contains(r.w(i)) && r.w(i + 1).equals("field") && r.w(i + 2).equals("of")
                && r.w(i + 3).equals("view")) {
            int e = lens(i + 1);
            if (e > i + 1) r.use(i, i + 1);
            return e > i + 1 ? e : i;
        }
        String a = r.w(i), b = r.w(i + 1);
        double fov = Double.NaN;
        int end = i;
        if (a.equals("wide") && b.equals("angle") || a.equals("wideangle")) {
            fov = Framing.WIDE_ANGLE_FOV;
            end = a.equals("wideangle") ? i + 1 : i + 2;
        } else if (a.equals("fisheye") || a.equals("fish") && b.equals("eye")) {
            fov = Framing.FISHEYE_FOV;
            end = a.equals("fisheye") ? i + 1 : i + 2;
        } else if (a.equals("telephoto") || a.equals("long") && b.equals("lens")) {
            fov = Framing.TELEPHOTO_FOV;
            end = a.equals("telephoto") ? i + 1 : i + 2;
        } else if (a.equals("fov") || a.equals("field") && b.equals("of") && r.w(i + 2).equals("view")) {
            int k = a.equals("fov") ? i + 1 : i + 3;
            if (r.w(k).equals("of") || r.w(k).equals("is")) k++;
            PromptReader.Num n = r.number(k);
            if (n == null || n.article()) return i;
            fov = n.value();
            end = DEGREES.contains(r.w(n.end())) ? n.end() + 1 : n.end();
        } else {
            PromptReader.Num n = r.tok(i) != null && r.tok(i).isNumber() ? r.number(i) : null;
            if (n == null) return i;
            int k = n.end();
            if (DEGREES.contains(r.w(k)) && (r.w(k + 1).equals("fov")
                    || r.w(k + 1).equals("field") && r.w(k + 2).equals("of") && r.w(k + 3).equals("view"))) {
                fov = n.value();
                end = r.w(k + 1).equals("fov") ? k + 2 : k + 4;
            } else if (r.w(k).equals("mm") && r.w(k + 1).equals("lens")) {
                if (!(n.value() >= 2 && n.value() <= 2000)) {
                    throw new PromptException(r.text(i, k + 2), "expected a focal length from 2 to 2000 mm");
                }
                fov = Framing.fovOfFocalLength(n.value());
                end = k + 1;
            } else {
                return i;
            }
        }
        if (Set.of("lens", "shot", "view").contains(r.w(end))) end++;
        String words = r.text(i, end);
        if (!(fov > 1 && fov < 170)) {
            throw new PromptException(words, "expected a field of view greater than 1 and less than 170 degrees");
        }
        if (r.draft.fov != null && r.draft.fov.value() != fov) {
            throw new PromptException(words, "the field of view is given twice (also as \"" + r.draft.fov.words()
                    + "\"); expected one lens");
        }
        r.draft.fov = new Said<>(fov, words);
        r.use(i, end);
        return end;
    }

    // ---- moves ----

    private int move(int i) {
        int j = i;
        boolean slow = false;
        if (SLOW.contains(r.w(j))) {
            slow = true;
            j++;
        }
        // "a 90 degree pan", "a 360 orbit": the amount before the verb
        double before = Double.NaN;
        if (r.tok(j) != null && r.tok(j).isNumber()) {
            int k = DEGREES.contains(r.w(j + 1)) ? j + 2 : j + 1;
            String v = r.w(k);
            if (!(PAN.contains(v) || TILT.contains(v) || ORBIT.contains(v) || v.equals("turn"))) return i;
            before = r.tok(j).number();
            j = k;
        }
        String a = r.w(j);
        int[] end = {j + 1};
        Move move;
        if (a.equals("static") || a.equals("still") && r.w(j + 1).equals("camera")
                || a.equals("fixed") && r.w(j + 1).equals("camera") || a.equals("tripod")
                || a.equals("locked") && r.w(j + 1).equals("off") || a.equals("lockedoff")) {
            if (a.equals("locked")) end[0] = j + 2;
            if (Set.of("camera", "shot").contains(r.w(end[0]))) end[0]++;
            move = new Move.Still();
        } else if (PAN.contains(a)) {
            move = turn("pan", j + 1, end, slow);
        } else if (TILT.contains(a)) {
            move = turn("tilt", j + 1, end, slow);
            boolean said = ((Move.Turn) move).amountSaid() || end[0] > j + 1 || r.w(j - 1).equals("camera")
                    || !Double.isNaN(before);
            if (!said) return i;  // "a tilted plank" is not a camera move
        } else if (ORBIT.contains(a) || a.equals("turn") && !Double.isNaN(before)) {
            move = turn("orbit", j + 1, end, slow);
        } else if (DOLLY.contains(a) || PUSH.contains(a) && r.w(j + 1).equals("in")
                || PULL.contains(a) && Set.of("out", "back", "away").contains(r.w(j + 1))) {
            boolean in = PUSH.contains(a) || DOLLY.contains(a) && !Set.of("out", "back", "backward", "backwards", "away")
                    .contains(r.w(j + 1));
            int k = j + 1;
            if (Set.of("in", "out", "back", "backward", "backwards", "away", "forward", "forwards", "closer")
                    .contains(r.w(k))) k++;
            double metres = Double.NaN;
            int m = r.w(k).equals("by") ? k + 1 : k;
            PromptReader.Len len = r.length(m);
            if (len != null) {
                if (!(len.metres() > 0 && len.metres() <= 100)) {
                    throw new PromptException(r.text(j, len.end()), "expected a dolly of more than 0 and at most 100 m");
                }
                metres = in ? len.metres() : -len.metres();
                k = len.end();
            }
            end[0] = k;
            move = new Move.Dolly(in, metres);
        } else if (ZOOM.contains(a) && (r.w(j + 1).equals("in") || r.w(j + 1).equals("out"))) {
            end[0] = j + 2;
            move = new Move.Zoom(r.w(j + 1).equals("in"));
        } else if (TRACK.contains(a)) {
            int k = j + 1;
            if (r.w(k).equals("shot")) {
                k++;
                if (r.w(k).equals("of")) k++;
            }
            int[] refEnd = new int[1];
            Target t = reference(k, refEnd);
            if (t == null && !(r.w(j + 1).equals("shot"))) return i;
            end[0] = t == null ? k : refEnd[0];
            move = new Move.Track(t);
        } else {
            return i;
        }
        if (!Double.isNaN(before) && move instanceof Move.Turn t) {
            if (t.amountSaid() || !(before > 0 && before <= dev.diorama.scene.CameraMove.MAX_DEGREES)) {
                throw new PromptException(r.text(i, end[0]), "expected one turn of more than 0 and at most "
                        + (int) dev.diorama.scene.CameraMove.MAX_DEGREES + " degrees");
            }
            move = new Move.Turn(t.kind(), Math.signum(t.degrees()) * before, true);
        }
        int stop = end[0];
        if (SLOW.contains(r.w(stop))) stop++;
        String words = r.text(i, stop);
        if (r.draft.move != null && !r.draft.move.value().equals(move)) {
            throw new PromptException(words, "the camera's move is given twice (also as \"" + r.draft.move.words()
                    + "\"); expected one move");
        }
        r.draft.move = new Said<>(move, words);
        r.use(i, stop);
        return stop;
    }

    /**
     * The rest of a pan, tilt or orbit after its verb, at k: directions (left, right, up, down,
     * clockwise, counterclockwise), an amount ("by 45 degrees", "90°", "a quarter turn", "half way
     * around", "a full circle", "all the way around") and what it turns around ("around the balls");
     * its end into end[0]. Positive is right, up, and for an orbit the camera's right.
     */
    private Move.Turn turn(String kind, int k, int[] end, boolean slow) {
        double sign = 1, degrees = Double.NaN;
        boolean any = true;
        while (any) {
            any = false;
            String x = r.w(k);
            if (x.equals("to") && r.w(k + 1).equals("the") && Set.of("left", "right").contains(r.w(k + 2))) {
                sign = r.w(k + 2).equals("left") ? -1 : 1;
                k += 3;
                any = true;
            } else if (Set.of("left", "right", "up", "upward", "upwards", "down", "downward", "downwards").contains(x)) {
                boolean negative = x.equals("left") || x.startsWith("down");
                sign = negative ? -1 : 1;
                k++;
                any = true;
            } else if (x.equals("clockwise")) {
                sign = -1;  // seen from above: to the camera's left
                k++;
                any = true;
            } else if (Set.of("counterclockwise", "anticlockwise").contains(x)
                    || (Set.of("counter", "anti").contains(x) && r.w(k + 1).equals("clockwise"))) {
                sign = 1;
                k += x.equals("counter") || x.equals("anti") ? 2 : 1;
                any = true;
            } else if (SLOW.contains(x)) {
                slow = true;
                k++;
                any = true;
            } else if (Set.of("around", "round", "about").contains(x)) {
                k++;
                int[] refEnd = new int[1];
                if (reference(k, refEnd) != null) k = refEnd[0];
                else if (Set.of("them", "it", "everything").contains(r.w(k))) k++;
                else if (r.w(k).equals("the") && Set.of("scene", "objects", "action").contains(r.w(k + 1))) k += 2;
                any = true;
            } else if (Double.isNaN(degrees)) {
                int m = x.equals("by") || x.equals("through") ? k + 1 : k;
                PromptReader.Num n = r.number(m);
                if (n != null && !n.article() && r.tok(m).isNumber()) {
                    degrees = n.value();
                    k = DEGREES.contains(r.w(n.end())) ? n.end() + 1 : n.end();
                    any = true;
                } else if (fraction(m) > 0) {
                    int[] fEnd = new int[1];
                    degrees = fraction(m, fEnd);
                    k = fEnd[0];
                    any = true;
                }
            }
        }
        end[0] = k;
        boolean said = !Double.isNaN(degrees);
        String words = r.text(k - 1, k);
        if (said && !(degrees > 0 && degrees <= dev.diorama.scene.CameraMove.MAX_DEGREES)) {
            throw new PromptException(words, "expected a turn of more than 0 and at most "
                    + (int) dev.diorama.scene.CameraMove.MAX_DEGREES + " degrees");
        }
        double amount = said ? degrees : Framing.defaultTurn(kind) * (slow ? 0.5 : 1);
        return new Move.Turn(kind, sign * amount, said);
    }

    private double fraction(int m) {
        return fraction(m, new int[1]);
    }

    /** "a quarter turn" (90), "half way around" (180), "a full circle", "all the way around" (360); end into end[0]. */
    private double fraction(int m, int[] end) {
        int k = m;
        if (r.w(k).equals("a") || r.w(k).equals("one")) k++;
        String x = r.w(k);
        if (x.equals("quarter") && Set.of("turn", "circle", "way").contains(r.w(k + 1))) {
            end[0] = r.w(k + 1).equals("way") && r.w(k + 2).equals("around") ? k + 3 : k + 2;
            return 90;
        }
        if (x.equals("half") || x.equals("halfway")) {
            int e = k + 1;
            if (x.equals("half")) {
                if (!Set.of("turn", "circle", "way").contains(r.w(e))) return 0;
                e++;
            }
            if (r.w(e).equals("around") || r.w(e).equals("round")) e++;
            end[0] = e;
            return 180;
        }
        if ((x.equals("full") || x.equals("complete") || x.equals("whole")) && Set.of("circle", "turn", "orbit", "revolution").contains(r.w(k + 1))) {
            end[0] = k + 2;
            return 360;
        }
        if (x.equals("all") && r.w(k + 1).equals("the") && r.w(k + 2).equals("way") && Set.of("around", "round").contains(r.w(k + 3))) {
            end[0] = k + 4;
            return 360;
        }
        return 0;
    }

    /**
     * An object the words point at without making one: "the red ball", "the steel cube", "the
     * balls", "it"; its end into end[0], or null. The shape noun is required.
     */
    Target reference(int k, int[] end) {
        int j = k;
        if (Set.of("the", "a", "an", "that", "this").contains(r.w(j))) j++;
        String colorName = null;
        Material material = null;
        int start = j, ordinal = 0;
        for (int guard = 0; guard < 5; guard++) {
            String x = r.w(j);
            if (ORDINALS.containsKey(x) && ordinal == 0) {
                ordinal = ORDINALS.get(x);
                j++;
            } else if (Vocabulary.COLOR_MODIFIERS.contains(x) && Colors.named(r.w(j + 1)) != null) {
                colorName = x + "-" + r.w(j + 1);
                j += 2;
            } else if (Colors.named(x) != null) {
                colorName = x;
                j++;
            } else if (Vocabulary.MATERIALS.containsKey(x)) {
                material = Vocabulary.MATERIALS.get(x);
                j++;
            } else if (Vocabulary.SIZE_WORDS.containsKey(x)) {
                j++;
            } else {
                break;
            }
        }
        Shape shape = Vocabulary.SHAPES.get(r.w(j));
        if (shape == null) return null;
        end[0] = j + 1;
        return new Target(shape, material, colorName, ordinal, r.text(start, j + 1));
    }
}
