package dev.diorama.engine;

import dev.diorama.scene.Keyframe;
import dev.diorama.scene.LiquidFrame;
import dev.diorama.scene.Pose;
import dev.diorama.scene.Quat;
import dev.diorama.scene.Vec3;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A film's keyframes on disk, so that memory does not grow with the film's length: the simulation
 * appends them as it goes, and the sidecar, the sound and the picture read them back one at a time
 * through {@link #frames()}. Each keyframe is written exactly (its index, its time and, per pose,
 * the position, the rotation and the instant of a contact frame as doubles; per liquid, its
 * particle count, volume and positions as floats), so what is read back equals what was written. The file is a temporary one, deleted on {@link #close()}.
 */
final class FrameFile implements AutoCloseable {
    private static final int POSE_BYTES = 8 * 8;
    private final Path file;
    private final FileChannel channel;
    private long[] offsets = new long[256];
    private int count;
    private long end;

    FrameFile() throws IOException {
        file = Files.createTempFile("diorama-frames-", ".bin");
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
    }

    /** Appends the next keyframe. */
    void append(Keyframe k) {
        int liquidBytes = 4;
        for (LiquidFrame l : k.liquids()) liquidBytes += 4 + 8 + 4 * l.positions().length;
        ByteBuffer b = ByteBuffer.allocate(4 + 4 + 8 + k.poses().size() * POSE_BYTES + liquidBytes);
        b.putInt(k.index()).putInt(k.poses().size()).putDouble(k.t());
        for (Pose p : k.poses()) {
            Vec3 v = p.position();
            Quat q = p.rotation();
            b.putDouble(v.x()).putDouble(v.y()).putDouble(v.z());
            b.putDouble(q.x()).putDouble(q.y()).putDouble(q.z()).putDouble(q.w());
            b.putDouble(p.sampledAt());
        }
        b.putInt(k.liquids().size());
        for (LiquidFrame l : k.liquids()) {
            b.putInt(l.count()).putDouble(l.volume());
            for (float f : l.positions()) b.putFloat(f);
        }
        b.flip();
        try {
            long at = end;
            while (b.hasRemaining()) at += channel.write(b, at);
            end = at;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the film's keyframes to " + file, e);
        }
        if (count == offsets.length) offsets = Arrays.copyOf(offsets, 2 * count);
        offsets[count++] = end;
    }

    /** The keyframes written so far, read from the file on each {@code get}. */
    List<Keyframe> frames() {
        return new Frames();
    }

    private final class Frames extends AbstractList<Keyframe> implements RandomAccess {
        @Override
        public Keyframe get(int i) {
            if (i < 0 || i >= count) throw new IndexOutOfBoundsException(i);
            long from = i == 0 ? 0 : offsets[i - 1];
            ByteBuffer b = ByteBuffer.allocate((int) (offsets[i] - from));
            try {
                while (b.hasRemaining()) {
                    if (channel.read(b, from + b.position()) < 0) throw new IOException("end of file");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the film's keyframes from " + file, e);
            }
            b.flip();
            int index = b.getInt(), n = b.getInt();
            double t = b.getDouble();
            Pose[] poses = new Pose[n];
            for (int k = 0; k < n; k++) {
                Vec3 v = new Vec3(b.getDouble(), b.getDouble(), b.getDouble());
                Quat q = new Quat(b.getDouble(), b.getDouble(), b.getDouble(), b.getDouble());
                poses[k] = new Pose(v, q, b.getDouble());
            }
            int liquids = b.getInt();
            LiquidFrame[] lf = new LiquidFrame[liquids];
            for (int k = 0; k < liquids; k++) {
                int count = b.getInt();
                double volume = b.getDouble();
                float[] xyz = new float[3 * count];
                for (int c = 0; c < xyz.length; c++) xyz[c] = b.getFloat();
                lf[k] = new LiquidFrame(count, volume, xyz);
            }
            return new Keyframe(index, t, List.of(poses), List.of(lf));
        }

        @Override
        public int size() { return count; }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
