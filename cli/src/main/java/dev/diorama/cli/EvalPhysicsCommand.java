package dev.diorama.cli;

import dev.diorama.engine.Progress;
import dev.diorama.eval.EvalException;
import dev.diorama.eval.ExamRun;
import dev.diorama.eval.Family;
import dev.diorama.eval.Scenario;
import dev.diorama.eval.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code diorama eval-physics}: the physics exam. Marks the held-still and linear baselines and
 * the simulator's own rerun on every chosen scenario, and a directory of answers when given; prints
 * the score table (Markdown) on stdout.
 */
@Command(name = "eval-physics", mixinStandardHelpOptions = true,
        description = {"Score videos on Diorama's physics exam (Physics-IQ-style: motion-mask IoUs and MSE against the "
                + "simulated truth, normalised by the physical variance between two runs 0.1 mm apart = 100).",
            "Always reports two baselines (the last conditioning frame held still; linear extrapolation of the motion) "
                + "and the simulator's own score."})
final class EvalPhysicsCommand implements Callable<Integer> {
    @Option(names = "--videos", paramLabel = "DIR", description = "answers to score: ID.mp4 per scenario (the continuation or the whole clip)")
    Path videos;
    @Option(names = "--export", paramLabel = "DIR", description = "write each scenario's conditioning clip, prompt, truth continuation and ground truth into DIR (new or empty)")
    Path export;
    @Option(names = "--json", paramLabel = "FILE", description = "write every score and measure as JSON")
    Path json;
    @Option(names = "--family", split = ",", paramLabel = "NAME", description = "only these families: fall, collision, rolling, toppling, permanence, ramp, pendulum")
    List<String> families;
    @Option(names = "--threads", paramLabel = "N", description = "render threads (default: all cores); the scores do not depend on it")
    Integer threads;
    @Option(names = "--quiet", description = "no progress")
    boolean quiet;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        try {
            return exam();
        } catch (EvalException e) {
            throw new BadInput(e.getMessage());
        }
    }

    private int exam() throws IOException {
        List<Scenario> chosen = chosen();
        if (threads != null && threads < 0) throw new BadInput("--threads: expected 0 (all cores) or more, found " + threads);
        if (json != null) {
            Path dir = json.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new BadInput("--json: the directory " + dir + " does not exist; expected an existing directory");
            }
            if (Files.isDirectory(json)) throw new BadInput("--json: " + json + " is a directory; expected a file name");
        }
        Map<String, Path> answers = videos == null ? Map.of() : ExamRun.answers(videos, chosen);
        int t = threads == null ? 0 : threads;
        ProgressBar bar = new ProgressBar(main.err);
        Progress progress = quiet ? Progress.NONE : bar;
        try {
            if (export != null) {
                ExamRun.export(chosen, export, t, progress);
                if (!quiet) main.err.println("diorama: wrote " + chosen.size() + " scenarios to " + export);
            }
            ExamRun.Results results = ExamRun.run(chosen, answers, t, progress);
            bar.finish();
            if (json != null) {
                Path tmp = Files.createTempFile(json.toAbsolutePath().getParent(), "." + json.getFileName(), ".part");
                try {
                    Files.writeString(tmp, ExamRun.toJson(results).toPrettyString() + "\n");
                    Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            var out = spec.commandLine().getOut();
            out.print(ExamRun.table(results));
            out.flush();
        } finally {
            bar.finish();
        }
        return Main.OK;
    }

    private List<Scenario> chosen() {
        if (families == null || families.isEmpty()) return Suite.all();
        List<Family> fams = new ArrayList<>();
        for (String name : families) {
            Family f = Family.of(name.trim());
            if (f == null) {
                throw new BadInput("--family: unknown family '" + name + "'; expected one or more of "
                        + Arrays.stream(Family.values()).map(Family::id).collect(Collectors.joining(", ")));
            }
            fams.add(f);
        }
        return Suite.of(fams);
    }
}
