package dev.diorama.cli;

import dev.diorama.server.ApiKeys;
import dev.diorama.server.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code diorama keys create|list|revoke}: the server's API keys, in the data directory's job
 * store. A key's secret is printed once, when it is created; only its SHA-256 is stored.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Create, list and revoke the server's API keys.",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected a command: create, list or revoke");
    }

    static final class DataOption {
        @Option(names = "--data", paramLabel = "DIR", description = "data directory of the server (default ./diorama-data)")
        Path data = Path.of("diorama-data");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key and print its secret (shown only this once) on stdout.")
    static final class Create implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption o;
        @Option(names = "--name", paramLabel = "NAME", description = "a label for the key (default: unnamed)")
        String name = "unnamed";
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Store store = new Store(o.data)) {
                ApiKeys.Created k = ApiKeys.create(store, name, Instant.now().getEpochSecond());
                PrintWriter out = spec.commandLine().getOut();
                out.println(k.secret());
                out.flush();
                spec.commandLine().getErr().println("diorama: created " + k.id() + " (" + name + "); its secret above is "
                        + "shown only once: send it as 'Authorization: Bearer SECRET'");
                spec.commandLine().getErr().flush();
            }
            return Main.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption o;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = new Store(o.data)) {
                out.printf("%-16s %-12s %-24s %-22s %s%n", "ID", "SECRET", "NAME", "CREATED", "REVOKED");
                for (Store.Key k : store.keys()) {
                    out.printf("%-16s %-12s %-24s %-22s %s%n", k.id(), k.prefix(), k.name(), Instant.ofEpochSecond(k.createdAt()),
                            k.revokedAt() == null ? "-" : Instant.ofEpochSecond(k.revokedAt()).toString());
                }
            }
            out.flush();
            return Main.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a key: from now on its requests are 401s (its videos stay until they expire).")
    static final class Revoke implements Callable<Integer> {
        @CommandLine.Mixin
        DataOption o;
        @Parameters(index = "0", paramLabel = "KEY_ID", description = "the key's id, as `keys list` shows it (key_...)")
        String id;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Store store = new Store(o.data)) {
                if (!store.revokeKey(id, Instant.now().getEpochSecond())) {
                    throw new BadInput("keys revoke: no live key with id '" + id + "'; `diorama keys list` shows the keys");
                }
            }
            spec.commandLine().getErr().println("diorama: revoked " + id);
            spec.commandLine().getErr().flush();
            return Main.OK;
        }
    }
}
