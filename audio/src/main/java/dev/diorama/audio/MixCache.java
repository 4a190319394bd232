package dev.diorama.audio;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A film's un-gained stereo mix (the voices, the rolling and the room), kept on disk as 32-bit
 * floats, so that what the loudness pre-pass rendered once is read back, not rendered again, by its
 * later passes and by the film itself. On disk and not on the heap: a film's memory must not grow
 * with its length (23 MB a minute here).
 *
 * <p>The file is unlinked as soon as it is open: nothing is left behind, whatever ends the process;
 * its space returns when the channel closes ({@link #close}, or when the owner is collected).
 *
 * <p>Written once, in order, by one thread ({@link #append}); then read by any number of threads,
 * one at a time ({@link #read}). Samples outside what was written read as silence. A plain file,
 * not a {@code FileChannel}: a channel closes for good when a thread using it is interrupted, and a
 * cancelled film's thread may be.
 */
final class MixCache implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int BYTES_PER_FRAME = 2 * Float.BYTES;

    private final RandomAccessFile file;
    private final Cleaner.Cleanable cleanable;
    /** Frames (stereo samples) written so far. */
    private volatile long frames;
    private volatile boolean closed;
    private ByteBuffer writeBuffer = ByteBuffer.allocate(0);

    /** A cache for {@code owner}, whose collection closes it if {@link #close} was not called. */
    MixCache(Object owner) {
        try {
            Path path = Files.createTempFile("diorama-mix-", ".f32");
            RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw");
            try {
                Files.delete(path);
            } catch (IOException e) {
                f.close();
                throw e;
            }
            file = f;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the sound's temporary mix file in "
                    + System.getProperty("java.io.tmpdir"), e);
        }
        RandomAccessFile f = file;
        cleanable = CLEANER.register(owner, () -> {
            try {
                f.close();
            } catch (IOException ignored) {
                // Closing an unlinked file: nothing to report, nothing left behind.
            }
        });
    }

    /** Appends samples [0, n) of each channel, rounded to float, after those written so far. */
    void append(double[] left, double[] right, int n) {
        if (writeBuffer.capacity() < n * BYTES_PER_FRAME) {
            writeBuffer = ByteBuffer.allocate(n * BYTES_PER_FRAME).order(ByteOrder.nativeOrder());
        }
        ByteBuffer b = writeBuffer.clear();
        for (int i = 0; i < n; i++) {
            b.putFloat((float) left[i]);
            b.putFloat((float) right[i]);
        }
        synchronized (file) {
            try {
                file.seek(frames * BYTES_PER_FRAME);
                file.write(b.array(), 0, n * BYTES_PER_FRAME);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the sound's temporary mix file", e);
            }
        }
        frames += n;
    }

    /** The frames written. */
    long frames() {
        return frames;
    }

    /** Samples [start, start + n) of each channel into left[0..n) and right[0..n); silence outside what was written. */
    void read(long start, double[] left, double[] right, int n) {
        long lo = Math.max(start, 0), hi = Math.min(start + n, frames);
        int before = (int) Math.min(n, Math.max(0, lo - start));
        java.util.Arrays.fill(left, 0, before, 0);
        java.util.Arrays.fill(right, 0, before, 0);
        if (hi > lo) {
            int count = (int) (hi - lo);
            if (closed) throw new IllegalStateException("the sound track was closed: its mix is gone");
            ByteBuffer b = ByteBuffer.allocate(count * BYTES_PER_FRAME).order(ByteOrder.nativeOrder());
            synchronized (file) {
                try {
                    file.seek(lo * BYTES_PER_FRAME);
                    file.readFully(b.array());
                } catch (IOException e) {
                    throw new UncheckedIOException("could not read the sound's temporary mix file", e);
                }
            }
            for (int i = 0; i < count; i++) {
                left[before + i] = b.getFloat();
                right[before + i] = b.getFloat();
            }
        }
        int after = before + (int) Math.max(0, hi - lo);
        java.util.Arrays.fill(left, after, n, 0);
        java.util.Arrays.fill(right, after, n, 0);
    }

    @Override
    public void close() {
        closed = true;
        cleanable.clean();
    }
}
