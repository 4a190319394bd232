package dev.diorama.prompt;

import dev.diorama.scene.Colors;
import dev.diorama.scene.Material;
import dev.diorama.scene.Shape;
import dev.diorama.scene.Vec3;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words Diorama understands, in one place: the reader looks words up here, and the "did you
 * mean" suggestions are drawn from here. Everything is lower case.
 */
final class Vocabulary {
    private Vocabulary() {}

    /** Shape nouns, singular and plural. */
    static final Map<String, Shape> SHAPES = new LinkedHashMap<>();
    /** Plural shape nouns (a bare plural with no number makes {@link #UNSPECIFIED_PLURAL} objects). */
    static final Set<String> PLURALS = new LinkedHashSet<>();
    /** Material words, adjective or noun ("a wooden block", "a block of wood"). */
    static final Map<String, Material> MATERIALS = new LinkedHashMap<>();
    /** Size words and the factor they apply to the shape's default size. */
    static final Map<String, Double> SIZE_WORDS = new LinkedHashMap<>();
    /** Colour modifiers: "dark", "light", "pale", "bright", "deep". */
    static final Set<String> COLOR_MODIFIERS = Set.of("dark", "deep", "light", "pale", "bright");
    /** Units of length, in metres. */
    static final Map<String, Double> LENGTH_UNITS = new LinkedHashMap<>();
    /** Units of duration, in seconds. */
    static final Map<String, Double> TIME_UNITS = new LinkedHashMap<>();
    /** Number words. */
    static final Map<String, Integer> NUMBER_WORDS = new LinkedHashMap<>();
    /** Determiners that stand for a number of objects without saying it exactly. */
    static final Map<String, Integer> VAGUE_COUNTS = new LinkedHashMap<>();
    /** Verbs of the one action understood so far: the objects start at rest and fall. */
    static final Set<String> DROP_VERBS = new LinkedHashSet<>();
    /** Words that name the floor. */
    static final Set<String> FLOOR_NOUNS = Set.of("floor", "ground", "surface", "flooring");
    /** Words that name an indoor room. */
    static final Set<String> ROOM_NOUNS = Set.of("room", "hall", "studio", "chamber");
    /** Words that name an outdoor place. */
    static final Set<String> OUTDOOR_NOUNS = Set.of("garden", "park", "yard", "backyard", "field", "courtyard",
            "street", "open");
    /** Words that say indoors or outdoors on their own. */
    static final Set<String> INDOOR_WORDS = Set.of("indoors", "indoor", "inside");
    static final Set<String> OUTDOOR_WORDS = Set.of("outdoors", "outdoor", "outside");

    /**
     * Structural words: they carry no meaning of their own for the scene and are consumed silently
     * when they attach to a phrase that was understood (see {@link PromptReader}).
     */
    static final Set<String> FILLERS = Set.of(
            "a", "an", "the", "and", "with", "of", "onto", "on", "into", "in", "at", "to", "upon", "top",
            "its", "their", "each", "other", "another", "together", "both", "then", "is", "are", "was", "were",
            "be", "being", "been", "it", "they", "them", "there", "this", "that", "these", "those", "which",
            "who", "while", "as", "very", "all", "just", "down", "from", "some", "lets", "let", "we", "see",
            "watch", "film", "video", "clip", "movie", "shot", "scene", "animation", "showing", "shows",
            "show", "made", "long", "over", "same", "time", "once", "simultaneously",
            "first", "second", "third", "fourth", "fifth", "next", "also", "where", "here", "gets", "get", "s",
            "for", "more", "identical", "similar", "around", "about", "can", "could", "will", "would", "should",
            "may", "might", "does", "do", "camera", "cameras", "lens", "view", "city",
            "through", "using", "seen", "filmed", "viewed", "looking");

    /**
     * Words people use that Diorama cannot act on yet, with what it does instead: they go to
     * ignoredWords with this note rather than a spelling suggestion.
     */
    static final Map<String, String> NOT_YET = new LinkedHashMap<>();

    /**
     * Nouns that are a shape with defaults of their own ("a marble": a glass ball 16 mm across), by
     * singular and plural word; see {@link Draft.Noun}.
     */
    static final Map<String, Draft.Noun> NOUNS = new LinkedHashMap<>();
    /** Two-word nouns ("tennis ball"), by their two words. */
    static final Map<String, Draft.Noun> COMPOUNDS = new LinkedHashMap<>();
    /**
     * The shells of hollow balls, by noun, metres at the noun's own size, chosen so that the ball
     * weighs what its rules say (its material's density, and its sealed air): a basketball (size 7,
     * 24 cm) 3.2 mm of rubber, 0.63 kg (FIBA: 567-650 g); a football (size 5, 22 cm) 2.6 mm, 0.43 kg
     * (FIFA: 410-450 g); a volleyball (21 cm) 1.8 mm, 0.27 kg (FIVB: 260-280 g); a tennis ball
     * (6.7 cm) 4.3 mm, 58 g (ITF: 56.0-59.4 g); a ping-pong ball (40 mm) 0.46 mm of plastic, 2.7 g
     * (ITTF: 2.7 g); a beach ball (50 cm) 0.15 mm of vinyl, 0.22 kg with its air.
     */
    static final Map<String, Double> WALLS = Map.of("basketball", 0.0032, "basket-ball", 0.0032, "football", 0.0026,
            "soccer-ball", 0.0026, "volleyball", 0.0018, "tennis-ball", 0.0043, "ping-pong-ball", 0.00046,
            "pingpong-ball", 0.00046, "beach-ball", 0.00015);
    /** Default colours of nouns, by noun ("a die" is white). */
    static final Map<String, String> NOUN_COLORS = new LinkedHashMap<>();
    /** The pool balls' colours by number: the solids 1 to 8; ball n + 8 is striped in ball n's colour. */
    private static final String[] POOL_BALL_COLOURS = {"gold", "blue", "red", "purple", "orange", "green", "maroon", "black"};
    private static final String[] POOL_NUMBER_WORDS = {"", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"};

    /** Pool ball {@code n}'s colour (1 to 15). */
    static String poolColour(int n) {
        return POOL_BALL_COLOURS[n <= POOL_BALL_COLOURS.length ? n - 1 : n - 1 - POOL_BALL_COLOURS.length];
    }

    /** How many objects "some balls", or plain "balls", makes. */
    static final int UNSPECIFIED_PLURAL = 3;

    static {
        shape(Shape.BALL, "ball", "balls", "sphere", "spheres", "bead", "beads");
        shape(Shape.CUBE, "cube", "cubes", "box", "boxes", "block", "blocks");
        shape(Shape.CYLINDER, "cylinder", "cylinders", "tube", "tubes", "pipe", "pipes");
        shape(Shape.PLANK, "plank", "planks", "board", "boards", "beam", "beams");

        material(Material.RUBBER, "rubber", "rubbery", "latex");
        material(Material.STEEL, "steel", "metal", "metallic", "stainless");
        material(Material.CHROME, "chrome", "chromed", "mirror", "mirrored");
        material(Material.WOOD, "wood", "wooden", "timber", "hardwood", "plywood", "parquet", "walnut", "maple",
                "birch", "beech", "bamboo");
        material(Material.GLASS, "glass", "crystal");
        material(Material.PLASTIC, "plastic", "acrylic", "vinyl", "lego");
        material(Material.STONE, "stone", "slate", "rock", "limestone", "sandstone", "cobblestone",
                "cobbled", "flagstone", "flagstones");
        material(Material.IRON, "iron", "cast-iron");
        material(Material.COPPER, "copper", "brass", "bronze");
        material(Material.GOLD, "gold", "golden");
        material(Material.ALUMINIUM, "aluminium", "aluminum", "tin");
        material(Material.OAK, "oak", "oaken");
        material(Material.MAPLE, "maple");
        material(Material.RESIN, "resin", "phenolic");
        material(Material.CLOTH, "baize");
        material(Material.PINE, "pine", "softwood");
        material(Material.ICE, "ice", "icy", "frozen");
        material(Material.MARBLE, "marble");
        material(Material.GRANITE, "granite");
        material(Material.CONCRETE, "concrete", "cement", "asphalt", "tarmac", "pavement");
        material(Material.BRICK, "brick", "brickwork");
        material(Material.CERAMIC, "ceramic", "ceramics", "stoneware", "earthenware", "terracotta", "tile",
                "tiled", "tiles");
        material(Material.PORCELAIN, "porcelain", "china");
        material(Material.CARDBOARD, "cardboard", "carton");
        material(Material.PAPER, "paper", "papier");
        material(Material.CLAY, "clay", "plasticine", "playdough");
        material(Material.FOAM, "foam", "styrofoam", "sponge", "polystyrene");
        material(Material.SAND, "sand", "sandy");
        material(Material.GRASS, "grass", "grassy", "turf");
        material(Material.CARPET, "carpet", "carpeted", "rug");
        material(Material.HELIUM, "helium", "helium-filled");
        material(Material.CORK, "cork");

        noun("marble", Shape.BALL, Material.GLASS, 0.016, null, "marble", "marbles");
        noun("pebble", Shape.BALL, Material.STONE, 0.04, null, "pebble", "pebbles");
        // A stone or a rock is drawn round, like a pebble (no irregular shape yet): "a stone floor"
        // and "a rock wall" keep them materials (PromptReader.materialBeforeNoun).
        noun("stone", Shape.BALL, Material.STONE, 0.07, null, "stone", "stones");
        noun("rock", Shape.BALL, Material.STONE, 0.15, null, "rock", "rocks");
        noun("boulder", Shape.BALL, Material.STONE, 0.8, null, "boulder", "boulders");
        // A cannonball: a 12-pounder's cast iron ball, 117 mm across (6 kg of iron).
        noun("cannonball", Shape.BALL, Material.IRON, 0.117, null, "cannonball", "cannonballs");
        // A projectile, as a physics lesson says it: a 5 cm steel ball (its air drag small beside its weight).
        noun("projectile", Shape.BALL, Material.STEEL, 0.05, null, "projectile", "projectiles");
        compound("cannon ball", Shape.BALL, Material.IRON, 0.117, null);
        noun("orb", Shape.BALL, null, 0, null, "orb", "orbs");
        // Fruit, drawn round (no fruit's own shape yet), of fruit flesh that floats and thuds.
        noun("apple", Shape.BALL, Material.FRUIT, 0.08, "firebrick", "apple", "apples");
        noun("orange", Shape.BALL, Material.FRUIT, 0.08, "darkorange", "orange", "oranges");
        noun("lemon", Shape.BALL, Material.FRUIT, 0.065, "gold", "lemon", "lemons");
        noun("tomato", Shape.BALL, Material.FRUIT, 0.065, "red", "tomato", "tomatoes");
        noun("melon", Shape.BALL, Material.FRUIT, 0.18, "khaki", "melon", "melons");
        noun("watermelon", Shape.BALL, Material.FRUIT, 0.28, "darkgreen", "watermelon", "watermelons");
        noun("pumpkin", Shape.BALL, Material.FRUIT, 0.3, "darkorange", "pumpkin", "pumpkins");
        noun("die", Shape.CUBE, Material.PLASTIC, 0.016, "white", "die", "dice");
        // Things the air holds up: a feather lying flat (20 x 4 cm, half a gram), a party balloon
        // 28 cm across blown up with air; "a helium balloon" rises.
        noun("feather", Shape.PLANK, Material.FEATHER, 0, "white", "feather", "feathers");
        // A wine cork: a cylinder of cork 24 mm across and 44 mm long ("a cork ball" keeps cork a material).
        noun("cork", Shape.CYLINDER, Material.CORK, 0, null, "cork", "corks", "stopper", "stoppers");
        noun("balloon", Shape.BALL, Material.BALLOON, 0.28, "red", "balloon", "balloons");
        noun("crate", Shape.CUBE, Material.WOOD, 0.5, null, "crate", "crates");
        // A hardback book lying flat: a block of paper 23 x 3 x 15 cm (no cover that opens).
        noun("book", Shape.CUBE, Material.PAPER, 0, "darkred", "book", "books");
        noun("coin", Shape.CYLINDER, Material.COPPER, 0, null, "coin", "coins");
        noun("can", Shape.CYLINDER, Material.ALUMINIUM, 0, null, "can", "cans", "tin", "tins");
        noun("log", Shape.CYLINDER, Material.WOOD, 0, null, "log", "logs");
        noun("domino", Shape.DOMINO, Material.WOOD, 0, "ivory", "domino", "dominoes", "dominos");
        noun("brick", Shape.BRICK, Material.BRICK, 0, "firebrick", "brick", "bricks");
        // A slab standing on its edge, as the exam's occluder (eval Suite): 40 cm wide, 50 cm tall, 8 cm thick.
        noun("slab", Shape.CUBE, Material.STONE, 0, null, "slab", "slabs");
        noun("basketball", Shape.BALL, Material.RUBBER, 0.24, "darkorange", "basketball", "basketballs");
        noun("football", Shape.BALL, Material.RUBBER, 0.22, "white", "football", "footballs", "soccerball");
        noun("volleyball", Shape.BALL, Material.RUBBER, 0.21, "white", "volleyball", "volleyballs");
        noun("baseball", Shape.BALL, Material.PLASTIC, 0.074, "white", "baseball", "baseballs");
        noun("snooker-ball", Shape.BALL, Material.RESIN, 0.0525, null, "snookerball");
        // A toy boat: a solid pine hull 30 cm long with a flat deck (Shape.BOAT), painted red; it floats
        // half under. (No sail, no cabin, not open: "a sailboat", "a rowboat" are not it.)
        noun("boat", Shape.BOAT, Material.PINE, 0, "firebrick", "boat", "boats");
        compound("toy boat", Shape.BOAT, Material.PINE, 0, "firebrick");
        // A spinning top: a wooden cone 6 cm across and 4 cm tall set on its point, spinning (Arranging.tops).
        // The reader's idioms make "spinning top", "toy top" and "a top spins" this word.
        noun("spinning-top", Shape.CONE, Material.WOOD, 0.06, "crimson", "spintop", "spintops");
        // Things and vessels: the shapes of Shape with the sizes and materials of the everyday object.
        noun("cone", Shape.CONE, Material.PLASTIC, 0, null, "cone", "cones");
        noun("pyramid", Shape.PYRAMID, Material.STONE, 0, null, "pyramid", "pyramids");
        noun("wedge", Shape.WEDGE, Material.WOOD, 0, null, "wedge", "wedges", "doorstop", "doorstops");
        noun("bowl", Shape.BOWL, Material.CERAMIC, 0, null, "bowl", "bowls");
        noun("cup", Shape.CUP, Material.CERAMIC, 0, null, "cup", "cups", "mug", "mugs", "teacup", "teacups");
        noun("glass", Shape.CUP, Material.GLASS, 0, null, "glass", "glasses", "tumbler", "tumblers");
        noun("bottle", Shape.BOTTLE, Material.GLASS, 0, null, "bottle", "bottles");
        noun("jug", Shape.JUG, Material.CERAMIC, 0, null, "jug", "jugs", "pitcher", "pitchers");
        noun("vase", Shape.JUG, Material.PORCELAIN, 0, null, "vase", "vases");
        // A tenpin bowling pin: maple, white under its plastic coat; pins stand racked (Arranging).
        noun("pin", Shape.PIN, Material.MAPLE, 0, "white", "pin", "pins", "skittle", "skittles", "tenpin", "tenpins");
        noun("bucket", Shape.CUP, Material.PLASTIC, 0, null, "bucket", "buckets", "pail", "pails");
        // Glass tanks (an open box of glass): they stand fixed; an aquarium or a fish tank holds water unless said empty.
        noun("tank", Shape.TANK, Material.GLASS, 0, null, "tank", "tanks");
        noun("aquarium", Shape.TANK, Material.GLASS, 0, null, "aquarium", "aquariums", "aquaria");
        compound("fish tank", Shape.TANK, Material.GLASS, 0, null);
        // A bathtub: an open box of enamel (porcelain here), 170 x 60 x 75 cm, fixed; empty unless said full.
        noun("bathtub", Shape.TANK, Material.PORCELAIN, 0, null, "bathtub", "bathtubs", "bath", "baths");
        // A cooking pot: a steel vessel 20 cm across and 15 cm tall.
        noun("pot", Shape.CUP, Material.STEEL, 0, null, "pot", "pots", "saucepan", "saucepans");
        compound("cooking pot", Shape.CUP, Material.STEEL, 0, null);
        // Water lying on the ground: a shallow stone tray holding water (Liquids.PUDDLE_WATER), rain's usual target.
        noun("puddle", Shape.TANK, Material.STONE, 0, null, "puddle", "puddles");
        noun("pond", Shape.TANK, Material.STONE, 0, null, "pond", "ponds");
        compound("traffic cone", Shape.CONE, Material.PLASTIC, 0, "orangered");
        compound("wine glass", Shape.CUP, Material.GLASS, 0, null);
        compound("drinking glass", Shape.CUP, Material.GLASS, 0, null);
        compound("coffee cup", Shape.CUP, Material.CERAMIC, 0, null);
        compound("tea cup", Shape.CUP, Material.PORCELAIN, 0, null);
        compound("fruit bowl", Shape.BOWL, Material.CERAMIC, 0, null);
        compound("salad bowl", Shape.BOWL, Material.WOOD, 0, null);
        compound("water bottle", Shape.BOTTLE, Material.PLASTIC, 0, null);
        compound("wine bottle", Shape.BOTTLE, Material.GLASS, 0, "darkgreen");
        compound("beer bottle", Shape.BOTTLE, Material.GLASS, 0, "saddlebrown");
        // Fixed props: they never move; things go on them or roll down them (Props).
        prop("ramp", Shape.WEDGE, Material.WOOD, Draft.Role.RAMP, "ramp", "ramps", "slope", "slopes", "incline",
                "inclines");
        // A hill: a grassy slope, larger than a ramp, that things roll down.
        prop("hill", Shape.WEDGE, Material.GRASS, Draft.Role.RAMP, "hill", "hills", "hillside", "hillsides");
        prop("table", Shape.TABLE, Material.WOOD, Draft.Role.SURFACE, "table", "tables", "desk", "desks");
        prop("shelf", Shape.SHELF, Material.WOOD, Draft.Role.SURFACE, "shelf", "shelves", "bookshelf", "bookshelves",
                "bookcase", "bookcases", "shelving");
        prop("stairs", Shape.STAIRS, Material.WOOD, Draft.Role.SURFACE, "stairs", "staircase", "staircases", "steps",
                "stairway");
        prop("pedestal", Shape.CYLINDER, Material.MARBLE, Draft.Role.SURFACE, "pedestal", "pedestals", "plinth",
                "plinths", "podium", "podiums", "column");
        // A plate: a thin ceramic disc, fixed on the floor, that things land on and honey pours onto.
        prop("plate", Shape.CYLINDER, Material.CERAMIC, Draft.Role.SURFACE, "plate", "plates", "dish", "dishes", "saucer",
                "saucers");
        propCompound("coffee table", Shape.TABLE, Material.WOOD, Draft.Role.SURFACE);
        propCompound("dining table", Shape.TABLE, Material.WOOD, Draft.Role.SURFACE);
        // A pool table: a 9 ft table of green cloth over slate, with a cushion along each edge (no pockets).
        propCompound("pool table", Shape.POOL_TABLE, Material.CLOTH, Draft.Role.SURFACE);
        propCompound("billiard table", Shape.POOL_TABLE, Material.CLOTH, Draft.Role.SURFACE);
        propCompound("billiards table", Shape.POOL_TABLE, Material.CLOTH, Draft.Role.SURFACE);
        propCompound("snooker table", Shape.POOL_TABLE, Material.CLOTH, Draft.Role.SURFACE);
        // Rigs: several objects and joints (Props).
        prop("pendulum", Shape.BALL, Material.STEEL, Draft.Role.PENDULUM, "pendulum", "pendulums", "pendula");
        prop("cradle", Shape.BALL, Material.MARBLE, Draft.Role.CRADLE, "cradle", "cradles");
        propCompound("newtons cradle", Shape.BALL, Material.MARBLE, Draft.Role.CRADLE);
        propCompound("newton cradle", Shape.BALL, Material.MARBLE, Draft.Role.CRADLE);
        prop("seesaw", Shape.PLANK, Material.WOOD, Draft.Role.SEESAW, "seesaw", "seesaws", "teetertotter", "saw", "totter");
        propCompound("see saw", Shape.PLANK, Material.WOOD, Draft.Role.SEESAW);
        propCompound("teeter totter", Shape.PLANK, Material.WOOD, Draft.Role.SEESAW);

        // A double pendulum: a second bob hung from the first (Props.doublePendulum).
        COMPOUNDS.put("double pendulum", new Draft.Noun("double-pendulum", Shape.BALL, Material.STEEL,
                nounSize("pendulum", Shape.BALL, 0), Draft.Role.PENDULUM, null));
        // A wrecking ball: a steel ball on a long cable, swung into what it knocks down (Props.pendulum).
        propCompound("wrecking ball", Shape.BALL, Material.STEEL, Draft.Role.PENDULUM);
        // A Jenga block: 7.5 x 1.5 x 2.5 cm of wood; a tower of them stands in crossed layers of three (Arranging).
        compound("jenga block", Shape.PLANK, Material.WOOD, 0, "burlywood");
        compound("jenga brick", Shape.PLANK, Material.WOOD, 0, "burlywood");
        compound("snooker ball", Shape.BALL, Material.RESIN, 0.0525, "red");
        compound("billiard ball", Shape.BALL, Material.RESIN, 0.057, null);
        compound("cue ball", Shape.BALL, Material.RESIN, 0.057, "white");
        compound("pool ball", Shape.BALL, Material.RESIN, 0.057, null);
        // "the eight ball", "the 3 ball": a numbered pool ball in its colour (the stripes, 9 to 15, all in
        // their stripe's colour). PromptReader reads a number before "ball" as its name, not a count, when
        // the prompt speaks of pool (or the number is 8).
        for (int n = 1; n <= POOL_BALL_COLOURS.length * 2 - 1; n++) {
            String name = POOL_NUMBER_WORDS[n] + " ball";
            compound(name, Shape.BALL, Material.RESIN, 0.057, poolColour(n));
            COMPOUNDS.put(n + " ball", COMPOUNDS.get(name));
        }
        compound("tennis ball", Shape.BALL, Material.RUBBER, 0.067, "greenyellow");
        compound("golf ball", Shape.BALL, Material.PLASTIC, 0.043, "white");
        compound("beach ball", Shape.BALL, Material.PLASTIC, 0.5, "deepskyblue");
        compound("ping pong ball", Shape.BALL, Material.PLASTIC, 0.04, "white");
        compound("pingpong ball", Shape.BALL, Material.PLASTIC, 0.04, "white");
        compound("bowling ball", Shape.BALL, Material.PLASTIC, 0.218, "black");
        compound("bowling pin", Shape.PIN, Material.MAPLE, 0, "white");
        compound("basket ball", Shape.BALL, Material.RUBBER, 0.24, "darkorange");
        compound("soccer ball", Shape.BALL, Material.RUBBER, 0.22, "white");
        compound("bouncy ball", Shape.BALL, Material.RUBBER, 0.05, null);
        compound("ball bearing", Shape.BALL, Material.STEEL, 0.01, null);
        compound("sugar cube", Shape.CUBE, Material.PAPER, 0.016, "white");
        compound("ice cube", Shape.CUBE, Material.ICE, 0.03, null);
        compound("helium balloon", Shape.BALL, Material.HELIUM, 0.28, "red");
        compound("party balloon", Shape.BALL, Material.BALLOON, 0.28, "red");
        compound("soup can", Shape.CYLINDER, Material.ALUMINIUM, 0, null);

        for (String w : List.of("small", "tiny", "little")) SIZE_WORDS.put(w, 0.5);
        for (String w : List.of("large", "big", "huge")) SIZE_WORDS.put(w, 2.0);
        for (String w : List.of("medium", "normal", "regular")) SIZE_WORDS.put(w, 1.0);

        for (String w : List.of("m", "metre", "metres", "meter", "meters")) LENGTH_UNITS.put(w, 1.0);
        for (String w : List.of("km", "kilometre", "kilometres", "kilometer", "kilometers")) LENGTH_UNITS.put(w, 1000.0);
        for (String w : List.of("cm", "centimetre", "centimetres", "centimeter", "centimeters")) LENGTH_UNITS.put(w, 0.01);
        for (String w : List.of("mm", "millimetre", "millimetres", "millimeter", "millimeters")) LENGTH_UNITS.put(w, 0.001);
        for (String w : List.of("ft", "foot", "feet")) LENGTH_UNITS.put(w, 0.3048);
        for (String w : List.of("inch", "inches")) LENGTH_UNITS.put(w, 0.0254);

        for (String w : List.of("s", "sec", "secs", "second", "seconds")) TIME_UNITS.put(w, 1.0);
        for (String w : List.of("min", "mins", "minute", "minutes")) TIME_UNITS.put(w, 60.0);
        for (String w : List.of("h", "hr", "hrs", "hour", "hours")) TIME_UNITS.put(w, 3600.0);

        String[] small = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen", "twenty"};
        for (int k = 0; k < small.length; k++) NUMBER_WORDS.put(small[k], k);
        String[] tens = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int k = 0; k < tens.length; k++) NUMBER_WORDS.put(tens[k], 30 + 10 * k);
        NUMBER_WORDS.put("dozen", 12);
        NUMBER_WORDS.put("hundred", 100);

        VAGUE_COUNTS.put("some", UNSPECIFIED_PLURAL);
        VAGUE_COUNTS.put("few", 3);
        VAGUE_COUNTS.put("several", 4);
        VAGUE_COUNTS.put("many", 12);

        DROP_VERBS.addAll(List.of("drop", "drops", "dropped", "dropping", "fall", "falls", "fell", "falling",
                "fallen", "bounce", "bounces", "bounced", "bouncing", "land", "lands", "landed", "landing", "hit",
                "hits", "hitting", "released", "release", "releases", "let", "go",
                // into a liquid: "a red ball splashes into a tank of water"
                "splash", "splashes", "splashed", "splashing", "plunge", "plunges", "plunged", "plunging", "plop", "plops",
                "plopped"));

        String floor = "is not a floor material yet; a floor can be any material of an object, or sand, grass or carpet";
        for (String w : List.of("dirt", "mud", "muddy", "snow", "snowy", "soil", "gravel", "earth")) {
            NOT_YET.put(w, floor);
        }
        for (String w : LiquidWords.KINDS.keySet()) {
            NOT_YET.put(w, "makes a liquid only in something that holds it or as a pour: \"a glass of " + w
                    + "\", \"a tank of " + w + "\", \"" + w + " pours from a jug into a glass\"");
        }
        for (String w : LiquidWords.UNSUPPORTED.keySet()) {
            NOT_YET.put(w, "is not a liquid Diorama simulates; the liquids are water, oil and honey (did you mean \""
                    + LiquidWords.UNSUPPORTED.get(w) + "\"?)");
        }
        String motion = "is not understood yet: the objects start at rest and fall";
        for (String w : List.of("fly", "flies", "flying", "float", "floats", "floating", "explode", "explodes",
                "shatter", "shatters", "break", "breaks", "smash", "smashes", "balance", "balanced",
                "quickly", "fast", "hard")) {
            NOT_YET.put(w, motion);
        }
        NOT_YET.put("apart", "is not understood yet: objects are spaced about their own size apart");
        for (String w : List.of("sea", "seas", "ocean", "oceans", "lake", "lakes", "river", "rivers", "harbour", "harbor")) {
            NOT_YET.put(w, "is not built yet: open water is too large for the liquid solver; water in a tank, a bathtub, a pond"
                    + " or a puddle is (\"a cannonball falls into a tank of water\")");
        }
        for (String w : List.of("waterfall", "waterfalls", "fountain", "fountains", "wave", "waves", "surf", "tide")) {
            NOT_YET.put(w, "is not built yet: the liquids are water, oil and honey in a vessel, a tank, a pond or a puddle,"
                    + " poured (\"water pours from a jug into a glass\"), a dam break or rain");
        }
        NOT_YET.put("swimming", "(a swimming pool) is not built yet: it is too large for the liquid solver; water in a tank,"
                + " a bathtub, a pond or a puddle is (\"a tennis ball drops into a tank of water\")");
        for (String w : List.of("pocket", "pockets", "pocketed", "potted")) {
            NOT_YET.put(w, "is not built yet: the pool table has cushions but no pockets, so the balls stay on the cloth");
        }
        String object = "is not an object Diorama can build yet; the shapes are ball, cube, cylinder, plank, cone,"
                + " pyramid, wedge, domino, brick, boat, bowl, cup, glass, bottle, jug, bucket, tank, aquarium, puddle, pond, plate, table,"
                + " shelf,"
                + " stairs, ramp, pedestal,"
                + " pendulum, Newton's cradle, seesaw and models (.glb, .gltf, .obj files)";
        for (String w : List.of("chair", "chairs", "sofa", "couch", "egg", "eggs", "funnel", "track", "trampoline",
                "marble-run", "shoe", "shoes", "sneaker", "sneakers", "car", "cars", "spring", "rope", "string")) {
            NOT_YET.put(w, object);
        }
    }

    private static void prop(String word, Shape s, Material m, Draft.Role role, String... words) {
        Draft.Noun n = new Draft.Noun(word, s, m, nounSize(word, s, 0), role, null);
        for (String w : words) {
            NOUNS.put(w, n);
            SHAPES.put(w, s);
            if (!w.equals(words[0]) && isPluralForm(w)) PLURALS.add(w);
        }
    }

    private static void propCompound(String words, Shape s, Material m, Draft.Role role) {
        String last = words.substring(words.lastIndexOf(' ') + 1);
        Draft.Noun base = NOUNS.get(last);
        String word = base != null && base.role() == role && base.shape() == s ? base.word() : words.replace(' ', '-');
        Vec3 size = switch (words) {
            case "coffee table" -> new Vec3(1.0, 0.45, 0.6);
            case "pool table", "billiard table", "billiards table", "snooker table" -> Shape.POOL_TABLE.proportions(2.74);
            default -> base != null ? base.size() : nounSize(word, s, 0);
        };
        COMPOUNDS.put(words, new Draft.Noun(word, s, m, size, role, null));
    }

    private static void noun(String word, Shape s, Material m, double size, String color, String... words) {
        Draft.Noun n = new Draft.Noun(word, s, m != null ? m : Staging.defaultMaterial(s), nounSize(word, s, size));
        if (color != null) NOUN_COLORS.put(word, color);
        for (String w : words) {
            NOUNS.put(w, n);
            SHAPES.put(w, s);
            if (!w.equals(words[0]) && isPluralForm(w)) PLURALS.add(w);
        }
    }

    /** The plural forms among a noun's words: "-s" words and a few others ("dice"), not "steps" (a staircase) or "tin". */
    private static boolean isPluralForm(String w) {
        if (Set.of("steps").contains(w)) return false;
        return w.endsWith("s") || Set.of("dice", "pendula").contains(w);
    }

    private static void compound(String words, Shape s, Material m, double size, String color) {
        String word = words.replace(' ', '-');
        COMPOUNDS.put(words, new Draft.Noun(word, s, m, nounSize(word, s, size)));
        if (color != null) NOUN_COLORS.put(word, color);
    }

    /** A noun's own size: one number is a ball's diameter or a cube's edge; the others are written out. */
    private static Vec3 nounSize(String word, Shape s, double size) {
        return switch (word) {
            // A domino stands on its end, its face toward the next one along x: 7.5 x 48 x 24 mm.
            case "domino" -> new dev.diorama.scene.Vec3(0.0075, 0.048, 0.024);
            // A standard brick (UK): 215 x 65 x 102.5 mm, lying flat.
            case "brick" -> new dev.diorama.scene.Vec3(0.215, 0.065, 0.1025);
            case "slab" -> new dev.diorama.scene.Vec3(0.4, 0.5, 0.08);
            // A coin of 24 mm, 2 mm thick; a drinks can, 66 x 122 mm; a log, 15 cm by 60 cm.
            case "coin" -> new dev.diorama.scene.Vec3(0.024, 0.002, 0.024);
            case "can", "soup-can" -> new dev.diorama.scene.Vec3(0.066, 0.122, 0.066);
            case "log" -> new dev.diorama.scene.Vec3(0.15, 0.6, 0.15);
            // A drinking glass 7.5 cm across and 10 cm tall; a mug 9 x 10 cm; a vase 30 cm tall; a bucket 30 cm.
            case "glass" -> new Vec3(0.075, 0.1, 0.075);
            case "cup" -> new Vec3(0.09, 0.1, 0.09);
            case "vase" -> s.proportions(0.3);
            case "bucket" -> new Vec3(0.3, 0.3, 0.3);
            case "book" -> new Vec3(0.23, 0.03, 0.15);
            case "feather" -> new Vec3(0.2, 0.002, 0.04);
            case "cork" -> new Vec3(0.024, 0.044, 0.024);
            case "pot", "cooking-pot" -> new Vec3(0.2, 0.15, 0.2);
            case "bathtub" -> new Vec3(1.7, 0.6, 0.75);
            case "cone" -> s.proportions(0.3);
            case "wedge" -> s.proportions(0.3);
            case "traffic-cone" -> new Vec3(0.35, 0.5, 0.35);
            // A squat top: a tall one (6 x 6 cm) barely spins fast enough at 40 turns a second to stay up.
            case "spinning-top" -> new Vec3(0.06, 0.04, 0.06);
            case "wine-glass" -> new Vec3(0.08, 0.2, 0.08);
            // A ramp 1.2 m long and 40 cm wide at 25 degrees (its height follows from the angle: Props).
            case "ramp" -> new Vec3(1.2, 1.2 * Math.tan(Math.toRadians(25)), 0.4);
            // A hill: 4 m of grass, 2 m wide, rising at a ramp's angle (Props.RAMP_DEGREES, or the one said).
            case "hill" -> new Vec3(4, 4 * Math.tan(Math.toRadians(Props.RAMP_DEGREES)), 2);
            // A dining table 1.2 x 0.75 x 0.8 m; a bookcase 0.8 x 1.8 x 0.3 m; three steps of 18 cm.
            case "table" -> Shape.TABLE.proportions(1.2);
            case "shelf" -> Shape.SHELF.proportions(1.8);
            case "stairs" -> new Vec3(0.9, 0.54, 0.8);
            // A museum plinth: a column 35 cm across and 90 cm tall.
            case "pedestal" -> new Vec3(0.35, 0.9, 0.35);
            // A puddle: a stone tray 40 x 30 cm and 2.5 cm tall (1 cm walls and floor); a pond, 80 x 60 cm and 4.5 cm.
            case "puddle" -> Liquids.PUDDLE;
            case "pond" -> Liquids.POND;
            // A dinner plate, 26 cm across and 1.5 cm thick.
            case "plate" -> new Vec3(0.26, 0.015, 0.26);
            // A pendulum's bob, 10 cm; a cradle's balls, 5 cm; a seesaw's plank, 2 m.
            case "pendulum" -> new Vec3(0.1, 0.1, 0.1);
            // A wrecking ball of half a metre: 514 kg of steel (crane balls weigh 450 to 5,400 kg).
            case "wrecking-ball" -> new Vec3(0.5, 0.5, 0.5);
            case "jenga-block", "jenga-brick" -> new Vec3(0.075, 0.015, 0.025);
            case "cradle" -> new Vec3(0.05, 0.05, 0.05);
            case "seesaw" -> new Vec3(2, 0.05, 0.3);
            default -> size > 0 ? new dev.diorama.scene.Vec3(size, size, size) : Staging.defaultSize(s);
        };
    }

    private static void shape(Shape s, String... words) {
        for (String w : words) {
            SHAPES.put(w, s);
            if (w.endsWith("s") && !w.equals(words[0])) PLURALS.add(w);
        }
    }

    private static void material(Material m, String... words) {
        for (String w : words) MATERIALS.put(w, m);
    }

    static boolean isFiller(String w) { return FILLERS.contains(w); }

    /** Every word that contributes to a scene: the candidates for "did you mean". */
    static List<String> contentWords() {
        Set<String> all = new LinkedHashSet<>();
        all.addAll(SHAPES.keySet());
        all.addAll(MATERIALS.keySet());
        all.addAll(Colors.all().keySet());
        all.addAll(COLOR_MODIFIERS);
        all.addAll(SIZE_WORDS.keySet());
        all.addAll(LENGTH_UNITS.keySet());
        all.addAll(TIME_UNITS.keySet());
        all.addAll(NUMBER_WORDS.keySet());
        all.addAll(DROP_VERBS);
        all.addAll(FLOOR_NOUNS);
        all.addAll(ROOM_NOUNS);
        all.addAll(OUTDOOR_NOUNS);
        all.addAll(INDOOR_WORDS);
        all.addAll(OUTDOOR_WORDS);
        all.addAll(List.of("noon", "midday", "midnight", "morning", "afternoon", "evening", "night", "sunset",
                "sunrise", "dusk", "dawn", "sundown", "daybreak", "pair", "couple", "walls", "wall", "ceiling",
                "minus", "negative", "height", "high", "diameter", "across", "wide", "tall", "above",
                "lasting", "pm", "am", "oclock", "painted", "coloured", "colored", "several", "few", "many",
                "twilight", "golden", "hour"));
        all.addAll(SettingWords.WORDS);
        all.addAll(SettingWords.MONTHS.keySet());
        all.addAll(SettingWords.SEASONS.keySet());
        all.addAll(SettingWords.WORLDS.keySet());
        all.addAll(List.of("gravity", "weightless", "weightlessness"));
        all.addAll(CameraWords.WORDS);
        all.addAll(ActionWords.WORDS);
        all.addAll(NOUNS.keySet());
        all.addAll(LiquidWords.WORDS);
        return new ArrayList<>(all);
    }
}
