package dev.diorama.worldmodel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diorama.audio.SoundTrack;
import dev.diorama.prompt.PromptParser;
import dev.diorama.scene.ContactEvent;
import dev.diorama.scene.Scene;
import dev.diorama.scene.SceneJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The model sits the physics exam: for every scenario of a {@code diorama eval-physics --export}
 * directory it continues the conditioning clip, conditioned on the scenario's prompt, and writes
 * {@code ID.mp4} (the continuation alone, with its synthesised sound) for
 * {@code diorama eval-physics --videos}. All scenarios are rolled out together, as one batch.
 *
 * <p>With {@code --clip CLIP.bin} the answers are made by a {@link ClipModel} (the whole-clip
 * denoiser, on MODEL.bin's compression network) instead of the frame model's roll-out.
 *
 * <p>With {@code --known K} (0 to the conditioning's frame count) the frame model sees only the
 * conditioning clip's first K pictures and draws every later one, and each answer is the whole
 * clip (the K pictures and the rest; the exam scores the continuation's frames): K = 0 is a film
 * from words alone, K = 1 a film from words and its first picture, as {@code diorama generate
 * --backend neural} makes them.
 *
 * <pre>java -cp ... dev.diorama.worldmodel.ExamAnswers EXPORT_DIR ANSWERS_DIR [MODEL.bin] [--clip CLIP.bin] [--known K] [--seed N] [--steps N] [--temperature T] [--guidance none|caption:W|memory:W|context:W]</pre>
 */
public final class ExamAnswers {
    private ExamAnswers() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ExamAnswers EXPORT_DIR ANSWERS_DIR [MODEL.bin] [--clip CLIP.bin] [--known K] [--seed N] [--steps N] [--temperature T]"
                    + " [--guidance none|caption:W|memory:W|context:W]");
            System.exit(2);
        }
        Path export = Path.of(args[0]), answers = Path.of(args[1]);
        Path modelFile = null, clipFile = null;
        long seed = 0;
        int steps = Neural.DEFAULT_STEPS, knownFrames = -1;
        float temperature = Neural.DEFAULT_TEMPERATURE;
        WorldModel.Guidance guidance = Neural.DEFAULT_GUIDANCE;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--seed")) seed = Long.parseLong(args[++i]);
            else if (args[i].equals("--steps")) steps = Integer.parseInt(args[++i]);
            else if (args[i].equals("--temperature")) temperature = Float.parseFloat(args[++i]);
            else if (args[i].equals("--clip")) clipFile = Path.of(args[++i]);
            else if (args[i].equals("--known")) knownFrames = Integer.parseInt(args[++i]);
            else if (args[i].equals("--guidance")) guidance = WorldModel.Guidance.parse(args[++i]);
            else modelFile = Path.of(args[i]);
        }
        Neural.configureEngine(Integer.getInteger("threads", 1));
        JsonNode index = SceneJson.MAPPER.readTree(Files.readString(export.resolve("index.json")));
        Files.createDirectories(answers);
        List<String> ids = new ArrayList<>(), prompts = new ArrayList<>();
        List<List<float[]>> contexts = new ArrayList<>();
        List<byte[]> lastKnown = new ArrayList<>();
        List<List<byte[]>> firstKnown = new ArrayList<>();
        int frames = 0, fps = index.path("fps").asInt();
        for (JsonNode s : index.path("scenarios")) {
            ids.add(s.path("id").asText());
            prompts.add(s.path("prompt").asText());
            frames = s.path("continuationFrames").asInt();
            List<byte[]> known = ClipSet.decode(export.resolve(s.path("conditioning").asText()), 64, 64);
            if (knownFrames >= 0) {
                if (knownFrames > known.size()) throw new WorldModelException("--known: the conditioning clips have " + known.size() + " pictures, asked " + knownFrames);
                if (clipFile != null) throw new WorldModelException("--known: only with the frame model, not with --clip");
                frames += known.size() - knownFrames;
                known = known.subList(0, knownFrames);
            }
            List<float[]> ctx = new ArrayList<>();
            for (byte[] f : known) ctx.add(Neural.toPlanar(f, 64, 64, 64));
            contexts.add(ctx);
            lastKnown.add(known.isEmpty() ? null : known.get(known.size() - 1));
            firstKnown.add(known);
        }
        try (WorldModel model = Neural.load(modelFile)) {
            long t0 = System.nanoTime();
            List<List<float[]>> out;
            if (clipFile == null) {
                out = model.rollout(contexts, prompts, frames, steps, temperature, seed, guidance);
            } else {
                try (var in = new java.io.BufferedInputStream(Files.newInputStream(clipFile), 1 << 16);
                     ClipModel clip = ClipModel.load(in, clipFile.toString(), model)) {
                    if (clip.config().predicted() != frames) {
                        throw new WorldModelException(clipFile + " makes " + clip.config().predicted() + " frames; the exam asks " + frames);
                    }
                    out = clip.continueClips(contexts, prompts, steps, temperature, seed);
                }
            }
            double rollout = (System.nanoTime() - t0) / 1e9;
            int heard = 0;
            for (int i = 0; i < ids.size(); i++) {
                List<byte[]> pics = Neural.toBgr(out.get(i), 64);
                int before = knownFrames >= 0 ? firstKnown.get(i).size() : 0;   // the known pictures the answer starts with
                Scene scene = PromptParser.parse(prompts.get(i), new PromptParser.Options(seed, (before + pics.size()) / (double) fps, fps, 64, 64, true)).scene();
                List<ContactEvent> impacts = Neural.impacts(scene, Neural.bounces(lastKnown.get(i), pics, 64, 64, fps), before / (double) fps, fps);
                heard += impacts.size();
                if (knownFrames >= 0) {
                    List<byte[]> whole = new ArrayList<>(firstKnown.get(i));
                    whole.addAll(pics);
                    pics = whole;
                }
                try (SoundTrack sound = new SoundTrack(scene, impacts, SoundTrack.Options.FILM)) {
                    Neural.writeFilm(answers.resolve(ids.get(i) + ".mp4"), pics, 64, 64, fps, null, sound, 0);
                }
            }
            System.err.printf(Locale.ROOT, "wrote %d answers to %s: %d frames each, made together in %.1f s (%s, %d flow steps, temperature %s); %d impacts heard%n",
                    ids.size(), answers, frames, rollout, clipFile == null ? "frame by frame" : "whole clip", steps, temperature, heard);
        }
    }
}
