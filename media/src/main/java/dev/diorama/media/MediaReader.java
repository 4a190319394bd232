package dev.diorama.media;

import static dev.diorama.media.Ffmpeg.check;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG2_SKIP_MANUAL;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16P;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * Reads a media file back: its description, its pictures one by one as BGR24, and all of its sound.
 * For tests and for evaluating films; it decodes with FFmpeg like the players people use.
 *
 * <p>Sound is returned on the film's clock: sample {@code k} of {@link #readAllAudio()} plays at
 * {@code k / sampleRate}, as frame {@code i} of {@link #nextFrame()} plays at {@code i / fps}. The
 * MP4 edit list does the work (see {@link Mp4Writer}): the demuxer marks the encoder's priming samples
 * and the decoder drops them, moving the first frame's timestamp to 0; this reader then places the
 * first decoded block at its timestamp (silence before it, nothing before zero) and cuts the end at
 * the stream's declared duration, so the encoder's padding of its last block is not returned either.
 *
 * <p>Not thread-safe.
 */
public final class MediaReader implements AutoCloseable {

    private final Path file;
    private AVFormatContext demuxer;
    private AVCodecContext videoDecoder;
    private AVPacket packet;
    private AVFrame frame;
    private SwsContext scaler;
    private final int videoIndex;
    private final MediaInfo info;
    private boolean flushed;
    private boolean finished;
    private boolean closed;

    private byte[] lumaPlane = new byte[0];
    private byte[] cbPlane = new byte[0];
    private byte[] crPlane = new byte[0];

    /**
     * Opens the file and its video decoder.
     *
     * @throws UncheckedIOException when the file cannot be opened or decoded
     */
    public MediaReader(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        this.file = file;
        Ffmpeg.load();
        try {
            demuxer = openDemuxer(file, false);
            videoIndex = av_find_best_stream(demuxer, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            int audioIndex = av_find_best_stream(demuxer, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0);
            info = describe(demuxer, videoIndex, audioIndex);
            if (videoIndex >= 0) {
                videoDecoder = openDecoder(demuxer.streams(videoIndex), file);
            }
            packet = av_packet_alloc();
            frame = av_frame_alloc();
            if (packet == null || frame == null) {
                throw new IOException("out of memory opening " + file);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The file's streams and declared timing. */
    public MediaInfo info() {
        return info;
    }

    /**
     * Decodes the next video frame.
     *
     * @return {@code width * height * 3} BGR bytes, rows top-down, or null after the last frame
     */
    public byte[] nextFrame() {
        if (closed) {
            throw new IllegalStateException("MediaReader for " + file + " is closed");
        }
        if (finished || videoDecoder == null) {
            return null;
        }
        try {
            while (true) {
                int result = avcodec_receive_frame(videoDecoder, frame);
                if (result == 0) {
                    try {
                        return toBgr(frame);
                    } finally {
                        av_frame_unref(frame);
                    }
                }
                if (result == AVERROR_EOF) {
                    finished = true;
                    return null;
                }
                if (result != Ffmpeg.AVERROR_EAGAIN) {
                    check(result, "decoding video", file);
                }
                result = av_read_frame(demuxer, packet);
                if (result == AVERROR_EOF) {
                    if (flushed) {
                        finished = true;
                        return null;
                    }
                    flushed = true;
                    check(avcodec_send_packet(videoDecoder, null), "flushing the video decoder", file);
                    continue;
                }
                check(result, "reading a packet", file);
                try {
                    if (packet.stream_index() == videoIndex) {
                        check(avcodec_send_packet(videoDecoder, packet), "decoding video", file);
                    }
                } finally {
                    av_packet_unref(packet);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes the whole audio stream from the start, independently of {@link #nextFrame()}.
     *
     * @return {@code [channel][sample]}, sample {@code k} at {@code k / sampleRate} on the film's
     *         clock, full scale +-1; {@code [0][0]} when the file has no audio
     * @throws UncheckedIOException when the audio cannot be decoded
     */
    public float[][] readAllAudio() {
        if (closed) {
            throw new IllegalStateException("MediaReader for " + file + " is closed");
        }
        try {
            return decodeAudio(file, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes the audio as the encoder produced it, ignoring the edit list: every decoded sample from
     * the first packet on, priming included. For measuring the priming delay in tests.
     */
    static float[][] readRawAudio(Path file) {
        Ffmpeg.load();
        try {
            return decodeAudio(file, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float[][] decodeAudio(Path file, boolean onFilmClock) throws IOException {
        AVFormatContext input = null;
        AVCodecContext decoder = null;
        AVPacket pkt = null;
        AVFrame decoded = null;
        try {
            input = openDemuxer(file, !onFilmClock);
            int index = av_find_best_stream(input, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0);
            if (index < 0) {
                return new float[0][0];
            }
            AVStream stream = input.streams(index);
            decoder = openDecoder(stream, file);
            if (!onFilmClock) {
                // Keep the samples the decoder would drop for skip-samples side data.
                decoder.flags2(decoder.flags2() | AV_CODEC_FLAG2_SKIP_MANUAL);
            }
            int channels = decoder.ch_layout().nb_channels();
            int rate = decoder.sample_rate();
            AVRational sampleBase = Ffmpeg.rational(1, rate);
            pkt = av_packet_alloc();
            decoded = av_frame_alloc();
            if (pkt == null || decoded == null) {
                throw new IOException("out of memory decoding " + file);
            }
            SampleBuffer out = new SampleBuffer(channels);
            boolean eof = false;
            while (true) {
                int result = avcodec_receive_frame(decoder, decoded);
                if (result == 0) {
                    if (!out.started) {
                        // The first block is placed at its timestamp; the rest follow it without gaps.
                        long pts = decoded.best_effort_timestamp();
                        out.length = onFilmClock && pts != AV_NOPTS_VALUE
                                ? av_rescale_q(pts, stream.time_base(), sampleBase) : 0;
                        out.started = true;
                    }
                    out.append(decoded, file);
                    av_frame_unref(decoded);
                    continue;
                }
                if (result == AVERROR_EOF) {
                    break;
                }
                if (result != Ffmpeg.AVERROR_EAGAIN) {
                    check(result, "decoding audio", file);
                }
                if (eof) {
                    break;
                }
                result = av_read_frame(input, pkt);
                if (result == AVERROR_EOF) {
                    eof = true;
                    check(avcodec_send_packet(decoder, null), "flushing the audio decoder", file);
                    continue;
                }
                check(result, "reading a packet", file);
                try {
                    if (pkt.stream_index() == index) {
                        check(avcodec_send_packet(decoder, pkt), "decoding audio", file);
                    }
                } finally {
                    av_packet_unref(pkt);
                }
            }
            long end = Math.max(0, out.length);
            if (onFilmClock && stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
                long start = stream.start_time() == AV_NOPTS_VALUE ? 0 : stream.start_time();
                end = Math.min(end, av_rescale_q(start + stream.duration(), stream.time_base(), sampleBase));
            }
            return out.toArray(end);
        } finally {
            if (decoded != null) {
                av_frame_free(decoded);
            }
            if (pkt != null) {
                av_packet_free(pkt);
            }
            if (decoder != null) {
                avcodec_free_context(decoder);
            }
            if (input != null) {
                avformat_close_input(input);
            }
        }
    }

    /** Growable [channel][sample] store that keeps samples at their position on the film's clock. */
    private static final class SampleBuffer {
        private float[][] data;
        /** Position of the next sample on the film's clock (negative: before time zero, dropped). */
        long length;
        /** Whether the first block has fixed the start. */
        boolean started;
        private float[] scratch = new float[0];
        private short[] shorts = new short[0];

        SampleBuffer(int channels) {
            data = new float[channels][1 << 16];
        }

        void append(AVFrame f, Path file) throws IOException {
            int n = f.nb_samples();
            int channels = data.length;
            long start = length;
            length += n;
            int skip = start < 0 ? (int) Math.min(n, -start) : 0;
            if (length <= 0) {
                return;
            }
            ensure(length);
            int format = f.format();
            for (int c = 0; c < channels; c++) {
                float[] dst = data[c];
                if (format == AV_SAMPLE_FMT_FLTP) {
                    grow(n);
                    new FloatPointer(f.data(c)).get(scratch, 0, n);
                    System.arraycopy(scratch, skip, dst, (int) (start + skip), n - skip);
                } else if (format == AV_SAMPLE_FMT_FLT) {
                    grow(n * channels);
                    new FloatPointer(f.data(0)).get(scratch, 0, n * channels);
                    for (int i = skip; i < n; i++) {
                        dst[(int) (start + i)] = scratch[i * channels + c];
                    }
                } else if (format == AV_SAMPLE_FMT_S16P || format == AV_SAMPLE_FMT_S16) {
                    boolean planar = format == AV_SAMPLE_FMT_S16P;
                    int count = planar ? n : n * channels;
                    if (shorts.length < count) {
                        shorts = new short[count];
                    }
                    new ShortPointer(f.data(planar ? c : 0)).get(shorts, 0, count);
                    for (int i = skip; i < n; i++) {
                        dst[(int) (start + i)] = shorts[planar ? i : i * channels + c] / 32768f;
                    }
                } else {
                    throw new IOException("unsupported decoded sample format " + format + " in " + file);
                }
            }
        }

        private void grow(int n) {
            if (scratch.length < n) {
                scratch = new float[n];
            }
        }

        private void ensure(long size) {
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("audio too long to hold in memory");
            }
            if (size > data[0].length) {
                int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(size, 2L * data[0].length));
                for (int c = 0; c < data.length; c++) {
                    data[c] = Arrays.copyOf(data[c], capacity);
                }
            }
        }

        float[][] toArray(long end) {
            int n = (int) Math.max(0, end);
            float[][] result = new float[data.length][];
            for (int c = 0; c < data.length; c++) {
                result[c] = Arrays.copyOf(data[c], n);
            }
            return result;
        }
    }

    private byte[] toBgr(AVFrame f) throws IOException {
        int width = f.width();
        int height = f.height();
        byte[] bgr = new byte[width * height * 3];
        int format = f.format();
        if (format == AV_PIX_FMT_YUV420P || format == AV_PIX_FMT_YUVJ420P) {
            int chromaHeight = (height + 1) / 2;
            lumaPlane = copyPlane(f, 0, height, lumaPlane);
            cbPlane = copyPlane(f, 1, chromaHeight, cbPlane);
            crPlane = copyPlane(f, 2, chromaHeight, crPlane);
            int space = f.colorspace();
            boolean bt709 = space == AVCOL_SPC_BT709 || (space == AVCOL_SPC_UNSPECIFIED && height >= 720);
            boolean fullRange = format == AV_PIX_FMT_YUVJ420P || f.color_range() == AVCOL_RANGE_JPEG;
            Yuv420.toBgr(lumaPlane, f.linesize(0), cbPlane, f.linesize(1), crPlane, f.linesize(2), width, height,
                    bt709 ? Yuv420.Matrix.BT709 : Yuv420.Matrix.BT601, fullRange, bgr);
            return bgr;
        }
        // Any other layout: let swscale convert it.
        scaler = sws_getCachedContext(scaler, width, height, format, width, height, AV_PIX_FMT_BGR24,
                SWS_BILINEAR, null, null, (DoublePointer) null);
        if (scaler == null) {
            throw new IOException("cannot convert pixel format " + format + " of " + file + " to BGR");
        }
        try (BytePointer out = new BytePointer((long) bgr.length);
             PointerPointer<BytePointer> dst = new PointerPointer<>(out);
             IntPointer dstStride = new IntPointer(new int[] {width * 3, 0, 0, 0})) {
            sws_scale(scaler, f.data(), f.linesize(), 0, height, dst, dstStride);
            out.get(bgr);
        }
        return bgr;
    }

    private static byte[] copyPlane(AVFrame f, int plane, int rows, byte[] reuse) throws IOException {
        int stride = f.linesize(plane);
        if (stride <= 0) {
            throw new IOException("unsupported picture layout (line size " + stride + ")");
        }
        int size = stride * rows;
        byte[] target = reuse.length >= size ? reuse : new byte[size];
        f.data(plane).get(target, 0, size);
        return target;
    }

    private static AVFormatContext openDemuxer(Path file, boolean ignoreEditList) throws IOException {
        AVFormatContext input = new AVFormatContext(null);
        AVDictionary options = new AVDictionary(null);
        if (ignoreEditList) {
            av_dict_set(options, "ignore_editlist", "1", 0);
        }
        try {
            // On failure FFmpeg frees the context itself.
            check(avformat_open_input(input, Ffmpeg.url(file), null, options), "opening", file);
        } finally {
            av_dict_free(options);
        }
        int result = avformat_find_stream_info(input, (PointerPointer<?>) null);
        if (result < 0) {
            avformat_close_input(input);
            check(result, "reading the stream headers", file);
        }
        return input;
    }

    private static AVCodecContext openDecoder(AVStream stream, Path file) throws IOException {
        AVCodecParameters parameters = stream.codecpar();
        AVCodec codec = avcodec_find_decoder(parameters.codec_id());
        if (codec == null) {
            throw new IOException("no decoder for codec " + avcodec_get_name(parameters.codec_id()).getString()
                    + " in " + file);
        }
        AVCodecContext decoder = avcodec_alloc_context3(codec);
        if (decoder == null) {
            throw new IOException("out of memory opening a decoder for " + file);
        }
        try {
            check(avcodec_parameters_to_context(decoder, parameters), "configuring the decoder", file);
            decoder.pkt_timebase(stream.time_base());
            decoder.thread_count(Math.min(4, Runtime.getRuntime().availableProcessors()));
            check(avcodec_open2(decoder, codec, (AVDictionary) null), "opening the "
                    + avcodec_get_name(parameters.codec_id()).getString() + " decoder", file);
            return decoder;
        } catch (IOException | RuntimeException e) {
            avcodec_free_context(decoder);
            throw e;
        }
    }

    private static MediaInfo describe(AVFormatContext input, int videoIndex, int audioIndex) {
        String videoCodec = null;
        String audioCodec = null;
        int width = 0;
        int height = 0;
        double fps = 0;
        long frameCount = -1;
        int sampleRate = 0;
        int channels = 0;
        if (videoIndex >= 0) {
            AVStream stream = input.streams(videoIndex);
            AVCodecParameters p = stream.codecpar();
            videoCodec = avcodec_get_name(p.codec_id()).getString();
            width = p.width();
            height = p.height();
            AVRational rate = stream.avg_frame_rate();
            if (rate.num() <= 0 || rate.den() <= 0) {
                rate = stream.r_frame_rate();
            }
            fps = rate.num() > 0 && rate.den() > 0 ? av_q2d(rate) : 0;
            frameCount = stream.nb_frames() > 0 ? stream.nb_frames() : -1;
        }
        if (audioIndex >= 0) {
            AVCodecParameters p = input.streams(audioIndex).codecpar();
            audioCodec = avcodec_get_name(p.codec_id()).getString();
            sampleRate = p.sample_rate();
            channels = p.ch_layout().nb_channels();
        }
        double duration = input.duration() == AV_NOPTS_VALUE ? 0 : input.duration() / (double) AV_TIME_BASE;
        return new MediaInfo(videoCodec, audioCodec, width, height, fps, duration, frameCount,
                sampleRate, channels, input.nb_streams());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (scaler != null) {
            sws_freeContext(scaler);
            scaler = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (videoDecoder != null) {
            avcodec_free_context(videoDecoder);
            videoDecoder = null;
        }
        if (demuxer != null) {
            avformat_close_input(demuxer);
            demuxer = null;
        }
    }
}
