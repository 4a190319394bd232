package dev.diorama.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads Libbulletjme's native library once per JVM. The {@code .so} ships inside the SpRelease jar;
 * it is copied to a per-user cache directory named by its content hash (so two versions never
 * collide, and concurrent first runs each write a temp file and move it atomically) and loaded
 * from there.
 */
final class BulletNatives {
    private static final String RESOURCE = "/native/linux/x86_64/libbulletjme.so";
    private static volatile boolean loaded;
    /**
     * Libbulletjme reports every native object's life on java.util.logging; users need none of it.
     * The loggers are held here: java.util.logging keeps only weak references, and a logger
     * collected by the GC comes back at the default level.
     */
    private static final Logger[] QUIET = {Logger.getLogger("com.jme3"), Logger.getLogger("jme3utilities")};

    private BulletNatives() {}

    static synchronized void load() {
        if (loaded) return;
        for (Logger l : QUIET) l.setLevel(Level.WARNING);
        byte[] bytes;
        try (InputStream in = BulletNatives.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Bullet's native library " + RESOURCE
                        + " is not on the class path (the Libbulletjme SpRelease jar is missing)");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Bullet's native library", e);
        }
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
            Path dir = cacheDir().resolve("bullet-" + hash);
            Path lib = dir.resolve("libbulletjme.so");
            if (!Files.isRegularFile(lib) || Files.size(lib) != bytes.length) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "libbulletjme", ".tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            System.load(lib.toAbsolutePath().toString());
            // Bullet greets on stdout when the first physics space is made; stdout is for results.
            com.jme3.bullet.util.NativeLibrary.setStartupMessageEnabled(false);
            loaded = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Bullet's native library", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path cacheDir() {
        String env = System.getenv("DIORAMA_CACHE");
        if (env != null && !env.isBlank()) return Path.of(env);
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "diorama");
        return Path.of(System.getProperty("user.home"), ".cache", "diorama");
    }
}
