package dev.diorama.worldmodel;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Is training deterministic? Trains a fresh model on a dataset, one PyTorch thread, printing after
 * every step its loss and a hash of the weights it trains (the autoencoder's, then the
 * transformer's), and the hash of the encoded latents between the phases. Run it several times and
 * compare the outputs line by line (docs/world-model.md, "Is training reproducible?").
 *
 * <p>Not compiled by Maven. After {@code mvn -o install -DskipTests}:
 * <pre>
 * ./diorama dataset --count 12 --out /tmp/ds --seconds 2.5 --seed 1 --threads 1 --families
 * javac -d /tmp/detp -cp 'worldmodel/target/classes:cli/target/lib/*' worldmodel/diagnostics/DetProbe.java
 * for i in 1 2 3 4 5 6; do java --enable-native-access=ALL-UNNAMED -cp '/tmp/detp:worldmodel/target/classes:cli/target/lib/*' \
 *     dev.diorama.worldmodel.DetProbe /tmp/ds 30 60 2>/dev/null > /tmp/detp/run$i.txt; done; md5sum /tmp/detp/run*.txt
 * </pre>
 */
public final class DetProbe {
    private DetProbe() {}

    static String hash(WorldModel m, String prefix) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (String n : m.params().names()) {
            if (!n.startsWith(prefix)) continue;
            float[] v = m.params().get(n).toFloatArray();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * v.length);
            for (float f : v) b.putFloat(f);
            md.update(b.array());
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 12);
    }

    public static void main(String[] a) throws Exception {
        Neural.configureEngine(1);
        ClipSet data = ClipSet.read(Path.of(a[0]), ClipSet.Options.FULL);
        int ae = Integer.parseInt(a[1]), dit = Integer.parseInt(a[2]);
        Training.Settings s = new Training.Settings(ae, dit, 32, 0, 2e-3f, 5e-4f, 100, WorldModel.Config.DEFAULT);
        try (WorldModel model = WorldModel.create(s.config(), Vocabulary.of(data.captions()), s.seed())) {
            List<String> aeNames = new ArrayList<>(), ditNames = new ArrayList<>();
            for (String n : model.params().names()) (n.startsWith("ae.") ? aeNames : ditNames).add(n);
            Adam aeOpt = new Adam(model.params(), aeNames), ditOpt = new Adam(model.params(), ditNames);
            for (int step = 0; step < ae; step++) {
                double loss = Training.autoencoderStep(model, aeOpt, data, s, step);
                System.out.printf("ae %d %.7f %s%n", step, loss, hash(model, "ae."));
            }
            Training.measureLatents(model, data);
            float[][][] latents = Training.encodeAll(model, data);
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (float[][] clip : latents) {
                for (float[] f : clip) {
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * f.length);
                    for (float x : f) b.putFloat(x);
                    md.update(b.array());
                }
            }
            System.out.println("latents " + HexFormat.of().formatHex(md.digest()).substring(0, 12));
            for (int step = 0; step < dit; step++) {
                double loss = Training.transformerStep(model, ditOpt, latents, data, s, step);
                System.out.printf("dit %d %.9f %s%n", step, loss, hash(model, "dit."));
            }
        }
    }
}
