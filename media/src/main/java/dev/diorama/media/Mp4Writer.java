package dev.diorama.media;

import static dev.diorama.media.Ffmpeg.check;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_AAC_LOW;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Streams frames and sound into an MP4: H.264 video (OpenH264, High profile, yuv420p, BT.709 limited
 * range, tagged so) and AAC-LC stereo audio, with the {@code moov} atom at the front
 * ({@code movflags=+faststart}) so the film starts playing before it has fully downloaded.
 *
 * <h2>Settings</h2>
 * OpenH264 runs in its quality rate-control mode with a ceiling of 7 Mbit/s at 1280x720 24 fps,
 * scaled by pixel count (see {@code videoBitRate}): simple rendered pictures take far less, noisy ones
 * reach the ceiling; a key frame every 2 s; no frames are ever skipped. AAC-LC at 192 kbit/s (48 kHz).
 * FFmpeg is the LGPL build (OpenH264, not x264), so the product stays LGPL-compatible.
 *
 * <h2>Time</h2>
 * Frame {@code i} has presentation time {@code i / fps}. Audio is one continuous stream: the k-th
 * sample ever passed to {@link #writeAudio} plays at {@code k / sampleRate}, so the samples given
 * after frame {@code i} belong to {@code [i/fps, (i+1)/fps)} exactly when the caller has written
 * {@code (i+1) * sampleRate / fps} samples by then (rounded the same way every frame when that is not
 * a whole number). Frames and samples may be written in any interleaving; the muxer orders them. Timestamps are counted in samples and in
 * frames, never in seconds, so nothing drifts.
 *
 * <h2>AAC priming</h2>
 * An AAC encoder emits 1024 samples of "priming" before the first real sample (FFmpeg's encoder
 * reports it as {@code initial_padding} and stamps its first packet at pts -1024). FFmpeg's MP4 muxer
 * turns that negative start into an edit list ({@code elst} media time 1024), which tells every
 * conforming decoder to drop the priming: the first decoded sample is the first written sample.
 * {@code AudioSyncTest} proves this to the sample by writing a click at sample 12345 and finding it
 * at 12345 (measured offset 0); decoding without the edit list finds it at 13369, 1024 samples late.
 * The edit list's duration is the exact count of samples written, so the padding the encoder adds to
 * fill its last 1024-sample frame is cut off too; for that the movie time scale, in which edit lists
 * are counted, is set to the sample rate (FFmpeg's default of 1000 per second rounded the end down by
 * up to 1 ms, making the sound end before the picture).
 *
 * <h2>Length</h2>
 * On {@link #close()}, audio shorter than the video is padded with silence to
 * {@code ceil(frames * sampleRate / fps)} samples, so the sound never ends before the picture. Audio
 * longer than the video is kept (nothing written is thrown away); the file's duration is then the
 * audio's.
 *
 * <h2>Failures</h2>
 * Bad arguments throw {@link IllegalArgumentException} and leave the writer usable. A failure inside
 * FFmpeg throws {@link UncheckedIOException} naming the step; the writer is then broken: later
 * writes throw {@link IllegalStateException}, and {@link #close()} frees the natives and deletes the
 * partial file so that no truncated film is mistaken for a finished one.
 *
 * <p>Not thread-safe: one thread writes. Output is deterministic: the same frames and samples give
 * the same decoded pictures and sound (OpenH264 runs with slice and thread counts fixed by the
 * picture size, not by the machine's core count).
 */
public final class Mp4Writer implements AutoCloseable {

    /** Sample rates AAC can signal. */
    private static final Set<Integer> AAC_RATES = Set.of(
            96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350);

    /**
     * Video bits per pixel per frame at 24 fps: 7 Mbit/s at 1280x720. Only a ceiling (quality mode):
     * the synthetic test film of {@link EncodeBench} takes 0.9 Mbit/s at 43 dB PSNR, the same with
     * +-3 noise on every pixel reaches 6.8 Mbit/s.
     */
    private static final double BITS_PER_PIXEL = 7.0e6 / (1280 * 720 * 24);

    /** Floor for tiny pictures, which otherwise get a few kbit/s. */
    private static final long MIN_VIDEO_BIT_RATE = 200_000;

    /** Ceiling (4K at high frame rates): within H.264 level 5.1 High, and plenty for rendered pictures. */
    private static final long MAX_VIDEO_BIT_RATE = 80_000_000;

    /** Audio bit rate for 48 kHz stereo; scaled down for lower rates (4 bits per stereo sample). */
    private static final int AUDIO_BIT_RATE = 192_000;

    private final Path file;
    private final int width;
    private final int height;
    private final int fps;
    private final int sampleRate;

    private AVFormatContext muxer;
    private AVIOContext io;
    private AVCodecContext video;
    private AVCodecContext audio;
    private AVStream videoStream;
    private AVStream audioStream;
    private AVFrame videoFrame;
    private AVFrame audioFrame;
    private AVPacket packet;

    private byte[] lumaPlane;
    private byte[] cbPlane;
    private byte[] crPlane;
    private int audioFrameSize;
    private float[] pendingLeft;
    private float[] pendingRight;
    private int pending;

    private long framesWritten;
    private long samplesEncoded;
    private boolean broken;
    private boolean closed;

    /**
     * Opens the encoders and writes the MP4 header.
     *
     * @param file       the output path; created or truncated
     * @param width      even, 16 to 3840
     * @param height     even, 16 to 2160 (portrait sizes up to 2160x3840 are accepted too)
     * @param fps        frames per second, 1 to 120
     * @param sampleRate audio samples per second, one of AAC's rates (48000 recommended)
     * @throws UncheckedIOException when FFmpeg cannot open the encoders or the file; nothing stays open
     */
    public Mp4Writer(Path file, int width, int height, int fps, int sampleRate) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0
                || Math.max(width, height) > 3840 || Math.min(width, height) > 2160) {
            throw new IllegalArgumentException("picture size must be even, from 16x16 to 3840x2160 "
                    + "(or 2160x3840), got " + width + "x" + height);
        }
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("fps must be 1..120, got " + fps);
        }
        if (!AAC_RATES.contains(sampleRate)) {
            throw new IllegalArgumentException("sampleRate must be one AAC can carry " + AAC_RATES
                    + ", got " + sampleRate);
        }
        this.file = file;
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.sampleRate = sampleRate;
        Ffmpeg.load();
        try {
            open();
        } catch (IOException | RuntimeException e) {
            release();
            deleteQuietly();
            closed = true;
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void open() throws IOException {
        muxer = new AVFormatContext(null);
        check(avformat_alloc_output_context2(muxer, null, "mp4", Ffmpeg.url(file)), "allocating the MP4 muxer", file);
        boolean globalHeader = (muxer.oformat().flags() & AVFMT_GLOBALHEADER) != 0;

        AVCodec h264 = avcodec_find_encoder_by_name("libopenh264");
        if (h264 == null) {
            throw new IOException("this FFmpeg build has no libopenh264 encoder");
        }
        videoStream = avformat_new_stream(muxer, null);
        video = avcodec_alloc_context3(h264);
        if (videoStream == null || video == null) {
            throw new IOException("out of memory allocating the video stream for " + file);
        }
        video.width(width).height(height).pix_fmt(AV_PIX_FMT_YUV420P)
                .time_base(Ffmpeg.rational(1, fps)).framerate(Ffmpeg.rational(fps, 1))
                .sample_aspect_ratio(Ffmpeg.rational(1, 1))
                .gop_size(2 * fps)
                .bit_rate(videoBitRate(width, height, fps))
                .color_range(AVCOL_RANGE_MPEG).colorspace(AVCOL_SPC_BT709)
                .color_primaries(AVCOL_PRI_BT709).color_trc(AVCOL_TRC_BT709);
        int slices = slices(height);
        // Thread count changes OpenH264's bitstream (its rate control runs per thread), so it is fixed
        // by the picture size too, never by the machine's core count.
        video.slices(slices).thread_count(slices);
        if (globalHeader) {
            video.flags(video.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        AVDictionary options = new AVDictionary(null);
        // Quality mode: the bit rate is a ceiling, simple pictures take fewer bits at the same quantiser.
        av_dict_set(options, "rc_mode", "quality", 0);
        // High profile = CABAC in OpenH264: 20% smaller than Baseline's CAVLC at equal PSNR, same speed.
        av_dict_set(options, "profile", "high", 0);
        av_dict_set(options, "allow_skip_frames", "0", 0);
        av_dict_set(options, "allow_skip_frames", "0", 0);
        try {
            check(avcodec_open2(video, h264, options), "opening the OpenH264 encoder at " + width + "x" + height
                    + " " + fps + " fps", file);
            Ffmpeg.checkAllUsed(options, "opening the OpenH264 encoder", file);
        } finally {
            av_dict_free(options);
        }
        check(avcodec_parameters_from_context(videoStream.codecpar(), video), "describing the video stream", file);
        videoStream.time_base(video.time_base());
        videoStream.avg_frame_rate(Ffmpeg.rational(fps, 1));

        AVCodec aac = avcodec_find_encoder(AV_CODEC_ID_AAC);
        if (aac == null) {
            throw new IOException("this FFmpeg build has no AAC encoder");
        }
        audioStream = avformat_new_stream(muxer, null);
        audio = avcodec_alloc_context3(aac);
        if (audioStream == null || audio == null) {
            throw new IOException("out of memory allocating the audio stream for " + file);
        }
        audio.sample_fmt(AV_SAMPLE_FMT_FLTP).sample_rate(sampleRate)
                .time_base(Ffmpeg.rational(1, sampleRate))
                .bit_rate(Math.min(AUDIO_BIT_RATE, 4L * sampleRate))
                .profile(AV_PROFILE_AAC_LOW);
        av_channel_layout_default(audio.ch_layout(), 2);
        if (globalHeader) {
            audio.flags(audio.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        AVDictionary audioOptions = new AVDictionary(null);
        // FFmpeg 7.1 defaults to the "twoloop" quantiser search; "fast" costs a fifth of the CPU (0.5 vs
        // 2.7 ms per 24 fps frame here) and at 192 kbit/s measured no worse (tonal test: 42.9 dB vs 39.4 dB).
        av_dict_set(audioOptions, "aac_coder", "fast", 0);
        try {
            check(avcodec_open2(audio, aac, audioOptions), "opening the AAC encoder at " + sampleRate + " Hz", file);
            Ffmpeg.checkAllUsed(audioOptions, "opening the AAC encoder", file);
        } finally {
            av_dict_free(audioOptions);
        }
        check(avcodec_parameters_from_context(audioStream.codecpar(), audio), "describing the audio stream", file);
        audioStream.time_base(audio.time_base());
        audioFrameSize = audio.frame_size();

        AVIOContext output = new AVIOContext(null);
        check(avio_open(output, Ffmpeg.url(file), AVIO_FLAG_WRITE), "creating the file", file);
        io = output;
        muxer.pb(io);
        AVDictionary muxerOptions = new AVDictionary(null);
        av_dict_set(muxerOptions, "movflags", "+faststart", 0);
        // Edit-list durations are written in the movie time scale (FFmpeg's default: 1000 per second);
        // counting in audio samples keeps the cut after the last real sample exact.
        av_dict_set(muxerOptions, "movie_timescale", Integer.toString(sampleRate), 0);
        try {
            check(avformat_write_header(muxer, muxerOptions), "writing the MP4 header", file);
            Ffmpeg.checkAllUsed(muxerOptions, "writing the MP4 header", file);
        } finally {
            av_dict_free(muxerOptions);
        }

        videoFrame = av_frame_alloc();
        audioFrame = av_frame_alloc();
        packet = av_packet_alloc();
        if (videoFrame == null || audioFrame == null || packet == null) {
            throw new IOException("out of memory allocating frames for " + file);
        }
        videoFrame.format(AV_PIX_FMT_YUV420P).width(width).height(height)
                .color_range(AVCOL_RANGE_MPEG).colorspace(AVCOL_SPC_BT709)
                .color_primaries(AVCOL_PRI_BT709).color_trc(AVCOL_TRC_BT709);
        check(av_frame_get_buffer(videoFrame, 0), "allocating a picture", file);
        lumaPlane = new byte[videoFrame.linesize(0) * height];
        cbPlane = new byte[videoFrame.linesize(1) * height / 2];
        crPlane = new byte[videoFrame.linesize(2) * height / 2];

        audioFrame.format(AV_SAMPLE_FMT_FLTP).nb_samples(audioFrameSize).sample_rate(sampleRate);
        av_channel_layout_default(audioFrame.ch_layout(), 2);
        check(av_frame_get_buffer(audioFrame, 0), "allocating an audio frame", file);
        pendingLeft = new float[audioFrameSize];
        pendingRight = new float[audioFrameSize];
    }

    /**
     * The video bit rate: {@link #BITS_PER_PIXEL} times the pixel rate, with frame rates above 24
     * counted by their square root (consecutive frames of a faster film differ less).
     */
    static long videoBitRate(int width, int height, int fps) {
        double effectiveFps = fps <= 24 ? fps : 24 * Math.sqrt(fps / 24.0);
        long rate = Math.round(BITS_PER_PIXEL * width * height * effectiveFps);
        return Math.clamp(rate, MIN_VIDEO_BIT_RATE, MAX_VIDEO_BIT_RATE);
    }

    /**
     * Slices per picture: fixed by the height (never by the core count), so the bitstream does not
     * depend on the machine; OpenH264 encodes slices on parallel threads.
     */
    static int slices(int height) {
        int macroblockRows = (height + 15) / 16;
        return Math.max(1, Math.min(4, macroblockRows / 8));
    }

    /**
     * Encodes the next frame; frame {@code i} (counting from 0) plays at {@code i / fps}.
     *
     * @param bgr {@code width * height * 3} bytes, B, G, R per pixel, rows top-down
     */
    public void writeFrame(byte[] bgr) {
        ensureOpen();
        if (bgr == null || bgr.length != width * height * 3) {
            throw new IllegalArgumentException("a frame must hold width*height*3 = " + (width * height * 3)
                    + " BGR bytes, got " + (bgr == null ? "null" : bgr.length));
        }
        Yuv420.fromBgr(bgr, width, height, lumaPlane, videoFrame.linesize(0),
                cbPlane, videoFrame.linesize(1), crPlane, videoFrame.linesize(2));
        try {
            check(av_frame_make_writable(videoFrame), "preparing a picture", file);
            videoFrame.data(0).put(lumaPlane, 0, lumaPlane.length);
            videoFrame.data(1).put(cbPlane, 0, cbPlane.length);
            videoFrame.data(2).put(crPlane, 0, crPlane.length);
            videoFrame.pts(framesWritten).duration(1);
            check(avcodec_send_frame(video, videoFrame), "encoding frame " + framesWritten, file);
            framesWritten++;
            drain(video, videoStream);
        } catch (IOException e) {
            broken = true;
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends the next {@code n} stereo samples, full scale +-1 (larger values are clipped).
     *
     * @throws IllegalArgumentException when a sample is NaN or infinite, or the arrays are shorter than n
     */
    public void writeAudio(float[] left, float[] right, int n) {
        ensureOpen();
        if (left == null || right == null || n < 0 || left.length < n || right.length < n) {
            throw new IllegalArgumentException("writeAudio needs two arrays of at least n = " + n + " samples");
        }
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(left[i]) || !Float.isFinite(right[i])) {
                throw new IllegalArgumentException("audio sample " + i + " of this block is not finite: "
                        + left[i] + ", " + right[i]);
            }
        }
        try {
            int done = 0;
            while (done < n) {
                int count = Math.min(n - done, audioFrameSize - pending);
                for (int i = 0; i < count; i++) {
                    pendingLeft[pending + i] = clip(left[done + i]);
                    pendingRight[pending + i] = clip(right[done + i]);
                }
                pending += count;
                done += count;
                if (pending == audioFrameSize) {
                    encodePendingAudio();
                }
            }
        } catch (IOException e) {
            broken = true;
            throw new UncheckedIOException(e);
        }
    }

    private static float clip(float sample) {
        return sample > 1f ? 1f : Math.max(sample, -1f);
    }

    /** Sends the pending samples (a full frame, or the last, shorter one) to the AAC encoder. */
    private void encodePendingAudio() throws IOException {
        check(av_frame_make_writable(audioFrame), "preparing an audio frame", file);
        audioFrame.nb_samples(pending);
        new FloatPointer(audioFrame.data(0)).put(pendingLeft, 0, pending);
        new FloatPointer(audioFrame.data(1)).put(pendingRight, 0, pending);
        audioFrame.pts(samplesEncoded);
        check(avcodec_send_frame(audio, audioFrame), "encoding audio at sample " + samplesEncoded, file);
        samplesEncoded += pending;
        pending = 0;
        drain(audio, audioStream);
    }

    /** Moves every packet the encoder has ready into the muxer. */
    private void drain(AVCodecContext encoder, AVStream stream) throws IOException {
        while (true) {
            int result = avcodec_receive_packet(encoder, packet);
            if (result == Ffmpeg.AVERROR_EAGAIN || result == AVERROR_EOF) {
                return;
            }
            check(result, "receiving an encoded packet", file);
            if (encoder == video && packet.duration() == 0) {
                packet.duration(1);
            }
            av_packet_rescale_ts(packet, encoder.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            // Takes the packet's reference and resets it, whether it succeeds or not.
            check(av_interleaved_write_frame(muxer, packet), "writing a packet", file);
        }
    }

    /** Frames written so far. */
    public long frameCount() {
        return framesWritten;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Mp4Writer for " + file + " is closed");
        }
        if (broken) {
            throw new IllegalStateException("Mp4Writer for " + file + " failed earlier and cannot continue");
        }
    }

    /**
     * Pads the sound to the picture's length, flushes both encoders and writes the index (moving it to
     * the front of the file). Idempotent; releases the natives even when finishing fails.
     *
     * @throws UncheckedIOException when the file cannot be finished (it is then deleted)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        if (!broken) {
            try {
                finish();
            } catch (IOException | RuntimeException e) {
                broken = true;
                failure = e instanceof IOException io ? io
                        : new IOException("finishing " + file + " failed: " + e, e);
            }
        }
        release();
        if (broken) {
            deleteQuietly();
        }
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
    }

    private void finish() throws IOException {
        long videoSamples = Math.ceilDiv(framesWritten * sampleRate, (long) fps);
        long missing = videoSamples - (samplesEncoded + pending);
        while (missing > 0) {
            int count = (int) Math.min(missing, audioFrameSize - pending);
            Arrays.fill(pendingLeft, pending, pending + count, 0f);
            Arrays.fill(pendingRight, pending, pending + count, 0f);
            pending += count;
            missing -= count;
            if (pending == audioFrameSize) {
                encodePendingAudio();
            }
        }
        if (pending > 0) {
            encodePendingAudio(); // a short last frame: the encoder pads it and the edit list trims it
        }
        check(avcodec_send_frame(audio, null), "flushing the AAC encoder", file);
        drain(audio, audioStream);
        check(avcodec_send_frame(video, null), "flushing the H.264 encoder", file);
        drain(video, videoStream);
        check(av_write_trailer(muxer), "writing the MP4 index", file);
    }

    /** Frees every native object; safe on a half-built writer. */
    private void release() {
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (videoFrame != null) {
            av_frame_free(videoFrame);
            videoFrame = null;
        }
        if (audioFrame != null) {
            av_frame_free(audioFrame);
            audioFrame = null;
        }
        if (video != null) {
            avcodec_free_context(video);
            video = null;
        }
        if (audio != null) {
            avcodec_free_context(audio);
            audio = null;
        }
        if (io != null) {
            avio_closep(io);
            io = null;
            if (muxer != null) {
                muxer.pb(null);
            }
        }
        if (muxer != null && !muxer.isNull()) {
            avformat_free_context(muxer);
        }
        muxer = null;
    }

    private void deleteQuietly() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The failure being reported matters more than a leftover partial file.
        }
    }
}
