package dev.diorama.worldmodel;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The loss curves of a training run as a PNG, drawn here with Java2D: one panel per phase
 * (autoencoder, transformer), loss on a log scale against the step, the raw loss in a light
 * colour and its moving average (over 2 % of the steps) in a dark one.
 */
public final class LossPlot {
    static final int WIDTH = 900, PANEL_HEIGHT = 300;

    private LossPlot() {}

    public static byte[] png(Training.Losses losses) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(WIDTH, 2 * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, 2 * PANEL_HEIGHT);
        panel(g, 0, "autoencoder: weighted reconstruction MSE", losses.autoencoder(), new Color(0xF4, 0xB4, 0x9C), new Color(0xC0, 0x39, 0x2B));
        panel(g, PANEL_HEIGHT, "transformer: flow-matching velocity MSE", losses.transformer(), new Color(0x9E, 0xC3, 0xE6), new Color(0x1F, 0x4E, 0x99));
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void panel(Graphics2D g, int top, String title, List<Double> loss, Color raw, Color smooth) {
        int left = 80, right = WIDTH - 20, y0 = top + 35, y1 = top + PANEL_HEIGHT - 45;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(title + (loss.isEmpty() ? " (no steps yet)" : String.format(Locale.ROOT, " (%d steps, last %.4g)",
                loss.size(), loss.get(loss.size() - 1))), left, top + 22);
        g.setColor(Color.GRAY);
        g.drawRect(left, y0, right - left, y1 - y0);
        if (loss.isEmpty()) return;
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (double v : loss) {
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo == Double.MAX_VALUE) return;
        double a = Math.floor(Math.log10(lo)), b = Math.ceil(Math.log10(hi));
        if (b <= a) b = a + 1;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double e = a; e <= b; e++) {   // decades
            int y = yOf(Math.pow(10, e), a, b, y0, y1);
            g.setColor(new Color(0xE0, 0xE0, 0xE0));
            g.drawLine(left + 1, y, right - 1, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "1e%d", (int) e), 40, y + 4);
        }
        int n = loss.size();
        for (int k = 0; k <= 5; k++) {   // steps
            int step = (int) Math.round((double) n * k / 5);
            int x = left + (int) Math.round((double) (right - left) * k / 5);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(x, y1, x, y1 + 4);
            g.drawString(Integer.toString(step), x - 10, y1 + 17);
        }
        g.drawString("step", (left + right) / 2 - 10, y1 + 33);
        g.drawString("loss", 8, (y0 + y1) / 2);
        draw(g, loss, 1, raw, 1f, left, right, y0, y1, a, b);
        draw(g, loss, Math.max(1, n / 50), smooth, 2f, left, right, y0, y1, a, b);
    }

    private static void draw(Graphics2D g, List<Double> loss, int window, Color color, float width, int left, int right,
                             int y0, int y1, double a, double b) {
        g.setColor(color);
        g.setStroke(new BasicStroke(width));
        int n = loss.size(), px = -1, py = -1;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            sum += loss.get(i);
            count++;
            if (i >= window) {
                sum -= loss.get(i - window);
                count--;
            }
            double v = sum / count;
            if (!(v > 0) || !Double.isFinite(v)) continue;
            int x = left + (int) Math.round((double) (right - left) * (i + 1) / n);
            int y = yOf(v, a, b, y0, y1);
            if (px >= 0) g.drawLine(px, py, x, y);
            px = x;
            py = y;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static int yOf(double v, double a, double b, int y0, int y1) {
        double f = (Math.log10(v) - a) / (b - a);
        return (int) Math.round(y1 - f * (y1 - y0));
    }
}
