package dev.diorama.media;

/**
 * What a media file holds, as its container and streams declare it.
 *
 * @param videoCodec      FFmpeg's short name of the video codec ("h264"), or null without video
 * @param audioCodec      FFmpeg's short name of the audio codec ("aac"), or null without audio
 * @param width           picture width in pixels (0 without video)
 * @param height          picture height in pixels (0 without video)
 * @param fps             average frames per second (0 when unknown)
 * @param durationSeconds the container's duration, the longest stream's, in seconds (0 when unknown)
 * @param frameCount      video frames in the file, or -1 when the container does not say
 * @param sampleRate      audio samples per second (0 without audio)
 * @param channels        audio channels (0 without audio)
 * @param streams         number of streams of any kind in the file
 */
public record MediaInfo(String videoCodec, String audioCodec, int width, int height, double fps,
                        double durationSeconds, long frameCount, int sampleRate, int channels, int streams) {}
