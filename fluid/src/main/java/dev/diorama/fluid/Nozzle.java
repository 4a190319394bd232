package dev.diorama.fluid;

/**
 * An inlet that pours: a disc of the given radius, centred at {@code centre} and facing
 * {@code direction}, from which liquid leaves at {@code speed} between {@code start} and
 * {@code end}. Each time the last layer has moved one spacing d downstream a new layer (a square
 * lattice of spacing d clipped to the disc) is placed behind it, so the flow rate is
 * Q = (particles per layer) V speed / d, with V the particle volume (close to d^3).
 */
public final class Nozzle implements FluidSolver.Emitter {
    private final double[] centre, dir;
    private final double speed, start, end;
    private final double[] offsets;   // layer lattice, (u, v) in the disc's plane, as 3-vectors
    private double travelled;
    private long emitted;
    private final double spacing;

    public Nozzle(FluidSolver solver, double[] centre, double[] direction, double radius, double speed, double start, double end) {
        if (!(speed > 0)) throw new IllegalArgumentException("nozzle speed must be positive");
        if (!(end > start)) throw new IllegalArgumentException("nozzle must run for a positive time");
        this.spacing = solver.spacing();
        this.centre = centre.clone();
        double l = Math.sqrt(direction[0] * direction[0] + direction[1] * direction[1] + direction[2] * direction[2]);
        this.dir = new double[] {direction[0] / l, direction[1] / l, direction[2] / l};
        this.speed = speed;
        this.start = start;
        this.end = end;
        // an orthonormal basis (u, v) of the disc
        double[] a = Math.abs(dir[1]) < 0.9 ? new double[] {0, 1, 0} : new double[] {1, 0, 0};
        double[] u = cross(dir, a);
        double ul = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
        for (int k = 0; k < 3; k++) u[k] /= ul;
        double[] v = cross(dir, u);
        int m = (int) Math.ceil(radius / spacing);
        java.util.List<double[]> pts = new java.util.ArrayList<>();
        for (int i = -m; i <= m; i++)
            for (int j = -m; j <= m; j++) {
                // lattice cells centred on the axis when there is an odd number across
                double s = i * spacing, t = j * spacing;
                if (s * s + t * t <= radius * radius) {
                    pts.add(new double[] {s * u[0] + t * v[0], s * u[1] + t * v[1], s * u[2] + t * v[2]});
                }
            }
        if (pts.isEmpty()) pts.add(new double[3]);
        offsets = new double[3 * pts.size()];
        for (int k = 0; k < pts.size(); k++) System.arraycopy(pts.get(k), 0, offsets, 3 * k, 3);
        this.volumePerLayer = pts.size() * solver.particleVolume();
    }

    private final double volumePerLayer;

    /** Particles per layer. */
    public int particlesPerLayer() {
        return offsets.length / 3;
    }

    /** Volume flow rate, m^3/s. */
    public double flowRate() {
        return volumePerLayer * speed / spacing;
    }

    /** Volume emitted so far, m^3. */
    public double emittedVolume() {
        return emitted * volumePerLayer;
    }

    @Override
    public void emit(FluidSolver solver, double time, double dt) {
        double t0 = Math.max(start, time - dt), t1 = Math.min(end, time);
        if (t1 <= t0) return;
        travelled += speed * (t1 - t0);
        while (travelled >= spacing) {
            travelled -= spacing;
            // the layer left the disc 'travelled' metres ago of flow
            double ox = centre[0] + dir[0] * travelled, oy = centre[1] + dir[1] * travelled, oz = centre[2] + dir[2] * travelled;
            for (int k = 0; k < offsets.length; k += 3) {
                solver.addParticle(ox + offsets[k], oy + offsets[k + 1], oz + offsets[k + 2], speed * dir[0], speed * dir[1], speed * dir[2]);
            }
            emitted++;
        }
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
