package dev.diorama.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_count;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;

/**
 * The one door to FFmpeg's natives: loads them once, keeps FFmpeg quiet, and turns its negative
 * return codes into {@link IOException}s that say what was being done.
 *
 * <p>JavaCPP unpacks the FFmpeg libraries to {@code ~/.javacpp/cache} on first use (about 144 MB,
 * once per machine). FFmpeg's log level is set to errors only, so encoder chatter never reaches the
 * console, and even its error lines are not printed: they are kept per thread and added to the
 * exception of the call that failed ("Invalid data found when processing input; FFmpeg said: moov atom
 * not found").
 */
final class Ffmpeg {

    /** {@code AVERROR(EAGAIN)}; EAGAIN is 11 on Linux, the only platform whose natives we ship. */
    static final int AVERROR_EAGAIN = -11;

    private static boolean loaded;

    /** The last error line FFmpeg logged on each thread, until a checked call consumes it. */
    private static final ThreadLocal<String> LAST_ERROR = new ThreadLocal<>();

    /** Receives only lines at or above the error level: the native side filters by av_log level. */
    private static final class ErrorCapture extends LogCallback {
        @Override
        public void call(int level, BytePointer message) {
            String line = message == null ? "" : message.getString(StandardCharsets.UTF_8).strip();
            if (!line.isEmpty()) {
                LAST_ERROR.set(line);
            }
        }
    }

    /** Held for the life of the JVM: FFmpeg keeps calling it. */
    private static final ErrorCapture ERROR_CAPTURE = new ErrorCapture();

    private Ffmpeg() {}

    /** Loads the FFmpeg natives (idempotent, thread-safe) and silences FFmpeg's console logging. */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            Loader.load(avutil.class);
            Loader.load(avcodec.class);
            Loader.load(avformat.class);
            Loader.load(swscale.class);
        } catch (Throwable e) {
            throw new IllegalStateException("FFmpeg natives could not be loaded (JavaCPP unpacks them to "
                    + "~/.javacpp/cache; is the org.bytedeco:ffmpeg linux-x86_64 jar on the class path?): " + e, e);
        }
        av_log_set_level(AV_LOG_ERROR);
        setLogCallback(ERROR_CAPTURE);
        loaded = true;
    }

    /** FFmpeg's text for an error code, e.g. "No such file or directory". */
    static String describe(int error) {
        byte[] buffer = new byte[256];
        if (av_strerror(error, buffer, buffer.length) < 0) {
            return "FFmpeg error " + error;
        }
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.UTF_8) + " (" + error + ")";
    }

    /** Returns {@code result} when it is not negative, else throws naming the step and the file. */
    static int check(int result, String step, Path file) throws IOException {
        String logged = LAST_ERROR.get();
        if (logged != null) {
            LAST_ERROR.remove();
        }
        if (result < 0) {
            throw new IOException(step + " failed for " + file + ": " + describe(result)
                    + (logged == null ? "" : "; FFmpeg said: " + logged));
        }
        return result;
    }

    /**
     * Throws when FFmpeg left any of {@code options} unused: a misspelt or unsupported option would
     * otherwise be dropped in silence and the file made with other settings than the code says.
     */
    static void checkAllUsed(AVDictionary options, String step, Path file) throws IOException {
        if (options != null && !options.isNull() && av_dict_count(options) > 0) {
            StringBuilder names = new StringBuilder();
            AVDictionaryEntry entry = null;
            while ((entry = av_dict_get(options, "", entry, AV_DICT_IGNORE_SUFFIX)) != null) {
                names.append(names.isEmpty() ? "" : ", ").append(entry.key().getString());
            }
            throw new IOException(step + " for " + file + ": FFmpeg did not accept the option(s) " + names);
        }
    }

    /**
     * The URL FFmpeg opens for a local path. The explicit {@code file:} protocol keeps a colon in the
     * name from being read as a protocol ("a:b.mp4").
     */
    static String url(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    static AVRational rational(int num, int den) {
        return new AVRational().num(num).den(den);
    }
}
