package dev.diorama.scene;

/**
 * One liquid at one film frame: its particles' positions (what the picture's surface is built
 * from), how many there are, and the volume its surface encloses.
 *
 * @param count     particles in the liquid (those that left the simulated region are gone)
 * @param volume    the volume enclosed by the liquid's reconstructed surface, m^3
 * @param positions x, y, z per particle, metres (3 × count floats); not copied, not to be changed
 */
public record LiquidFrame(int count, double volume, float[] positions) {
    public LiquidFrame {
        if (positions == null || positions.length != 3 * count) {
            throw new IllegalArgumentException("expected 3 coordinates per particle: " + count + " particles");
        }
    }
}
