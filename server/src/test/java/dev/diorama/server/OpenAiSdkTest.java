package dev.diorama.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoDeleteResponse;
import com.openai.models.videos.VideoDownloadContentParams;
import com.openai.models.videos.VideoEditParams;
import com.openai.models.videos.VideoExtendParams;
import com.openai.models.videos.VideoListParams;
import com.openai.models.videos.VideoModel;
import com.openai.models.videos.VideoRemixParams;
import com.openai.models.videos.VideoSeconds;
import com.openai.models.videos.VideoSize;
import dev.diorama.media.MediaInfo;
import dev.diorama.media.MediaReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official OpenAI Java SDK, unchanged but for its base URL and key, against a real Diorama
 * server on a loopback port: code written for OpenAI's Videos API works here. (The SDK marks its
 * Videos API deprecated since OpenAI shut the service down; that is the code this server keeps alive.)
 */
@SuppressWarnings("deprecation")
class OpenAiSdkTest {
    @TempDir
    static Path data;
    @TempDir
    static Path downloads;
    static TestServer server;
    static OpenAIClient client;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(data);
        client = OpenAIOkHttpClient.builder().baseUrl(server.base() + "/v1").apiKey(server.key).build();
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
        if (server != null) server.close();
    }

    static Video poll(String id) throws InterruptedException {
        return pollWith(client, id);
    }

    static Video pollWith(OpenAIClient client, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(TestServer.PATIENCE);
        Video v = client.videos().retrieve(id);
        while (v.status().equals(Video.Status.QUEUED) || v.status().equals(Video.Status.IN_PROGRESS)) {
            assertTrue(v.progress() >= 0 && v.progress() <= 100, "progress is a percentage: " + v.progress());
            assertTrue(Instant.now().isBefore(deadline), "gave up waiting on " + id);
            Thread.sleep(100);   // pacing of the poll, not an assertion
            v = client.videos().retrieve(id);
        }
        return v;
    }

    static byte[] download(String id, VideoDownloadContentParams.Variant variant) throws Exception {
        return downloadWith(client, id, variant);
    }

    static byte[] downloadWith(OpenAIClient client, String id, VideoDownloadContentParams.Variant variant) throws Exception {
        try (HttpResponse r = client.videos().downloadContent(id, VideoDownloadContentParams.builder().variant(variant).build());
             InputStream in = r.body()) {
            assertEquals(200, r.statusCode());
            return in.readAllBytes();
        }
    }

    @Test
    void aVideoIsCreatedPolledDownloadedRemixedEditedListedAndDeleted() throws Exception {
        Video created = client.videos().create(VideoCreateParams.builder()
                .prompt("a red rubber ball drops onto a wooden floor")
                .model(VideoModel.SORA_2).seconds(VideoSeconds._4).size(VideoSize.of("320x180")).build());
        assertTrue(created.id().matches("video_[0-9a-f]{32}"), created.id());
        assertEquals("video", created._object_().asStringOrThrow());
        assertEquals(Video.Status.QUEUED, created.status());
        assertEquals(VideoSeconds._4, created.seconds());
        assertEquals("320x180", created.size().asString());
        assertEquals(VideoModel.SORA_2, created.model());
        assertTrue(created.createdAt() > 0);
        assertTrue(created.completedAt().isEmpty() && created.error().isEmpty() && created.remixedFromVideoId().isEmpty());

        Video done = poll(created.id());
        assertEquals(Video.Status.COMPLETED, done.status());
        assertEquals(100, done.progress());
        assertTrue(done.completedAt().orElseThrow() >= done.createdAt());
        assertTrue(done.expiresAt().orElseThrow() > done.completedAt().orElseThrow());

        byte[] mp4 = download(done.id(), VideoDownloadContentParams.Variant.VIDEO);
        Path file = downloads.resolve("film.mp4");
        Files.write(file, mp4);
        try (MediaReader reader = new MediaReader(file)) {
            MediaInfo info = reader.info();
            assertEquals("h264", info.videoCodec());
            assertEquals("aac", info.audioCodec());
            assertEquals(320, info.width());
            assertEquals(180, info.height());
            int frames = 0;
            while (reader.nextFrame() != null) frames++;
            assertEquals(96, frames, "4 s at 24 fps");
        }
        byte[] png = download(done.id(), VideoDownloadContentParams.Variant.THUMBNAIL);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "the thumbnail is a PNG");
        byte[] jpeg = download(done.id(), VideoDownloadContentParams.Variant.SPRITESHEET);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, Arrays.copyOf(jpeg, 3), "the spritesheet is a JPEG");

        Video remix = client.videos().remix(done.id(), VideoRemixParams.builder()
                .prompt("a steel ball drops onto a stone floor").build());
        assertEquals(done.id(), remix.remixedFromVideoId().orElseThrow());
        assertEquals("a steel ball drops onto a stone floor", remix.prompt().orElseThrow());
        assertEquals("320x180", remix.size().asString(), "a remix keeps the original's size");
        assertEquals(VideoSeconds._4, remix.seconds(), "and its length");
        assertEquals(Video.Status.COMPLETED, poll(remix.id()).status());

        Video edit = client.videos().edit(VideoEditParams.builder().prompt("a glass cube drops onto a wooden floor")
                .video(VideoEditParams.Video.VideoReferenceInputParam.builder().id(done.id()).build()).build());
        assertEquals(done.id(), edit.remixedFromVideoId().orElseThrow());
        assertEquals(Video.Status.COMPLETED, poll(edit.id()).status());

        // Pages of one: the SDK follows the cursor (after = last_id) through every video, newest first.
        List<String> listed = new ArrayList<>();
        client.videos().list(VideoListParams.builder().limit(1L).build()).autoPager().forEach(v -> listed.add(v.id()));
        assertEquals(List.of(edit.id(), remix.id(), done.id()), listed);
        List<String> ascending = client.videos().list(VideoListParams.builder().order(VideoListParams.Order.ASC).build())
                .data().stream().map(Video::id).toList();
        assertEquals(List.of(done.id(), remix.id(), edit.id()), ascending);

        for (String id : listed) {
            VideoDeleteResponse deleted = client.videos().delete(id);
            assertTrue(deleted.deleted());
            assertEquals(id, deleted.id());
            assertEquals("video.deleted", deleted._object_().asStringOrThrow());
            assertFalse(Files.exists(server.server.jobs().directory(id)), "deleting removes the files");
        }
        assertTrue(client.videos().list().data().isEmpty());
        NotFoundException gone = assertThrows(NotFoundException.class, () -> client.videos().retrieve(done.id()));
        assertEquals(404, gone.statusCode());
    }

    @Test
    void openAisOwnSizesAndSecondsAreFilmedAsAsked() throws Exception {
        Video v = poll(client.videos().create(VideoCreateParams.builder().prompt("a steel ball drops onto a wooden floor")
                .seconds(VideoSeconds._4).size(VideoSize._1280X720).build()).id());
        assertEquals(Video.Status.COMPLETED, v.status());
        assertEquals(VideoSize._1280X720, v.size());
        Path file = downloads.resolve("openai-size.mp4");
        Files.write(file, download(v.id(), VideoDownloadContentParams.Variant.VIDEO));
        try (MediaReader reader = new MediaReader(file)) {
            assertEquals(1280, reader.info().width());
            assertEquals(720, reader.info().height());
            assertEquals(4.0, reader.info().durationSeconds(), 0.1);
        }
        client.videos().delete(v.id());
    }

    @Test
    void aCompletedVideoIsExtendedThroughTheSdkIntoOneLongerFilm() throws Exception {
        // A key of its own, so that its videos never show in the other tests' lists.
        String key = server.newKey("extender");
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl(server.base() + "/v1").apiKey(key).build();
        try {
            extend(client, key);
        } finally {
            client.close();
        }
    }

    private static void extend(OpenAIClient client, String key) throws Exception {
        Video first = pollWith(client, client.videos().create(VideoCreateParams.builder()
                .prompt("a red rubber ball drops onto a wooden floor").seconds(VideoSeconds.of("2"))
                .size(VideoSize.of("320x180")).build()).id());
        assertEquals(Video.Status.COMPLETED, first.status());
        Video ext = client.videos().extend(VideoExtendParams.builder().prompt("a steel ball drops from 1 meter")
                .seconds(VideoSeconds.of("2"))
                .video(VideoExtendParams.Video.VideoReferenceInputParam.builder().id(first.id()).build()).build());
        assertEquals(Video.Status.QUEUED, ext.status());
        assertEquals(first.id(), ext._additionalProperties().get("extended_from_video_id").asStringOrThrow());
        assertTrue(ext.remixedFromVideoId().isEmpty());
        assertEquals("4", ext.seconds().asString(), "the original's 2 s and 2 more");
        assertEquals("320x180", ext.size().asString());
        Video done = pollWith(client, ext.id());
        assertEquals(Video.Status.COMPLETED, done.status(), String.valueOf(done.error()));

        Path file = downloads.resolve("extended.mp4");
        Files.write(file, downloadWith(client, done.id(), VideoDownloadContentParams.Variant.VIDEO));
        try (MediaReader reader = new MediaReader(file)) {
            assertEquals(320, reader.info().width());
            assertEquals("aac", reader.info().audioCodec());
            int frames = 0;
            while (reader.nextFrame() != null) frames++;
            assertEquals(96, frames, "48 frames of the original, 48 of the continuation");
        }
        var truth = TestServer.JSON.readTree(server.send("GET", "/v1/videos/" + done.id() + "/ground_truth", null, null, key).body());
        assertEquals(96, truth.get("frameCount").asInt());
        assertEquals(47.0 / 24, truth.get("extension").get("offset").asDouble(), 1e-9);
        var seam = truth.get("frames").get(48).get("poses");
        assertTrue(seam.has("red-rubber-ball") && seam.size() == 2, "the continuation has the old ball and the new one: " + seam);

        BadRequestException noVideo = assertThrows(BadRequestException.class, () -> client.videos().extend(
                VideoExtendParams.builder().prompt("a ball drops").seconds(VideoSeconds.of("7.5"))
                        .video(VideoExtendParams.Video.VideoReferenceInputParam.builder().id(first.id()).build()).build()));
        assertEquals("seconds", noVideo.param().orElseThrow());
        // The extension is extended in turn: its world goes on from where the stitched film ended,
        // with both earlier balls, and the film grows by 2 s more.
        Video more = client.videos().extend(VideoExtendParams.builder().prompt("a glass ball drops from 1 meter")
                .seconds(VideoSeconds.of("2"))
                .video(VideoExtendParams.Video.VideoReferenceInputParam.builder().id(done.id()).build()).build());
        assertEquals("6", more.seconds().asString(), "4 s and 2 more");
        assertEquals(done.id(), more._additionalProperties().get("extended_from_video_id").asStringOrThrow());
        Video moreDone = pollWith(client, more.id());
        assertEquals(Video.Status.COMPLETED, moreDone.status(), String.valueOf(moreDone.error()));
        Path longer = downloads.resolve("extended-twice.mp4");
        Files.write(longer, downloadWith(client, moreDone.id(), VideoDownloadContentParams.Variant.VIDEO));
        try (MediaReader reader = new MediaReader(longer); MediaReader before = new MediaReader(file)) {
            int frames = 0;
            byte[] a, b = null;
            // Its first 96 frames are the extended film's, decoded and encoded again.
            while ((a = reader.nextFrame()) != null) {
                if (frames < 96) {
                    b = before.nextFrame();
                    assertTrue(meanAbsDifference(a, b) < 3, "frame " + frames + " differs from the film it extends");
                }
                frames++;
            }
            assertEquals(144, frames, "96 frames of the extended film, 48 more");
        }
        var truth2 = TestServer.JSON.readTree(server.send("GET", "/v1/videos/" + moreDone.id() + "/ground_truth", null, null, key).body());
        assertEquals(144, truth2.get("frameCount").asInt());
        assertEquals(95.0 / 24, truth2.get("extension").get("offset").asDouble(), 1e-9);
        assertEquals("a steel ball drops from 1 meter", truth2.get("extension").get("after").get(0).get("prompt").asText());
        var seam2 = truth2.get("frames").get(96).get("poses");
        assertEquals(3, seam2.size(), "the first ball, the steel ball and the glass ball: " + seam2);
        // The world did not jump at the first seam: the steel ball's pose at stitched frame 95 is the
        // one the first extension's ground truth gave it.
        var steelId = truth.get("extension").get("scene").get("objects").get(1).get("id").asText();
        assertEquals(truth.get("frames").get(95).get("poses").get(steelId).toString(),
                truth2.get("frames").get(95).get("poses").get(steelId).toString());
        client.videos().delete(moreDone.id());
        client.videos().delete(done.id());
        client.videos().delete(first.id());
    }

    /**
     * OpenAI's input_reference, sent by the SDK as a file: the picture becomes the backdrop the
     * camera sees behind the scene. An orange picture turns the top of the first frame (sky, in the
     * same film without it) from blue to orange.
     */
    @Test
    void anInputReferencePictureIsTheBackdropBehindTheScene() throws Exception {
        Path picture = downloads.resolve("orange.png");
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(320, 180, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 180; y++) for (int x = 0; x < 320; x++) img.setRGB(x, y, 0xE07020);
        javax.imageio.ImageIO.write(img, "png", picture.toFile());
        String prompt = "a red rubber ball drops on a lawn at noon";
        Video plain = pollWith(client, client.videos().create(VideoCreateParams.builder().prompt(prompt)
                .seconds(VideoSeconds.of("2")).size(VideoSize.of("320x180")).build()).id());
        Video backed = pollWith(client, client.videos().create(VideoCreateParams.builder().prompt(prompt)
                .seconds(VideoSeconds.of("2")).size(VideoSize.of("320x180")).inputReference(picture).build()).id());
        assertEquals(Video.Status.COMPLETED, backed.status(), String.valueOf(backed.error()));
        int[] sky = topCentre(downloadWith(client, plain.id(), VideoDownloadContentParams.Variant.VIDEO));
        int[] behind = topCentre(downloadWith(client, backed.id(), VideoDownloadContentParams.Variant.VIDEO));
        assertTrue(sky[2] > sky[0], "without a picture the sky is blue: rgb " + Arrays.toString(sky));
        assertTrue(behind[0] > behind[2] + 40 && behind[0] > behind[1], "with it, orange: rgb " + Arrays.toString(behind));
        // Deleting the video deletes its panorama too.
        assertTrue(Files.exists(data.resolve("references").resolve(backed.id() + ".png")));
        client.videos().delete(backed.id());
        assertFalse(Files.exists(data.resolve("references").resolve(backed.id() + ".png")));
        client.videos().delete(plain.id());
    }

    /** The mean RGB of the first frame's top 20 rows, middle third. */
    private static int[] topCentre(byte[] mp4) throws Exception {
        Path f = Files.createTempFile(downloads, "frame", ".mp4");
        Files.write(f, mp4);
        try (MediaReader r = new MediaReader(f)) {
            byte[] bgr = r.nextFrame();
            int w = r.info().width();
            long[] sum = new long[3];
            int n = 0;
            for (int y = 0; y < 20; y++) {
                for (int x = w / 3; x < 2 * w / 3; x++) {
                    int k = 3 * (y * w + x);
                    sum[0] += bgr[k + 2] & 0xff;
                    sum[1] += bgr[k + 1] & 0xff;
                    sum[2] += bgr[k] & 0xff;
                    n++;
                }
            }
            return new int[] {(int) (sum[0] / n), (int) (sum[1] / n), (int) (sum[2] / n)};
        }
    }

    @Test
    void badRequestsAreOpenAiErrorsNamingTheParameter() {
        BadRequestException seconds = assertThrows(BadRequestException.class, () -> client.videos().create(
                VideoCreateParams.builder().prompt("a ball drops").seconds(VideoSeconds.of("7.5")).build()));
        assertEquals(400, seconds.statusCode());
        assertEquals("seconds", seconds.param().orElseThrow());
        assertEquals("invalid_request_error", seconds.type().orElseThrow());

        BadRequestException size = assertThrows(BadRequestException.class, () -> client.videos().create(
                VideoCreateParams.builder().prompt("a ball drops").size(VideoSize.of("0x0")).build()));
        assertEquals("size", size.param().orElseThrow());

        BadRequestException prompt = assertThrows(BadRequestException.class, () -> client.videos().create(
                VideoCreateParams.builder().prompt("nothing at all happens here").build()));
        assertEquals("prompt", prompt.param().orElseThrow());
        assertTrue(prompt.getMessage().contains("found no object"), prompt.getMessage());

        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> client.videos().retrieve("video_0123456789abcdef0123456789abcdef"));
        assertEquals(404, missing.statusCode());

        OpenAIClient stranger = OpenAIOkHttpClient.builder().baseUrl(server.base() + "/v1").apiKey("dio_not-a-key").build();
        try {
            UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> stranger.videos().list());
            assertEquals(401, e.statusCode());
            assertEquals("invalid_api_key", e.code().orElseThrow());
        } finally {
            stranger.close();
        }
    }

    private static double meanAbsDifference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        return (double) sum / a.length;
    }
}
