package dev.diorama.fluid;
import java.util.*;
/** A resting tank whose floor and side walls are two held bodies: vertical force on each. */
public class WallProbe { public static void main(String[] a) {
  double sig = Double.parseDouble(System.getProperty("sigma", "0.0728"));
  Liquid w = new Liquid("w", 998.2, 1.0e-6, sig, 0.1);
  int layers = Integer.getInteger("layers", 12);   // the liquid's depth in spacings (-Dlayers=24: twice as deep)
  double d = 0.01; double[] min = {0,0,0}, max = {0.2,(layers+13)*d,0.2};
  FluidSolver.Settings s = Tanks.settings(d, min, max);
  s = new FluidSolver.Settings(s.spacing(), w, s.gravity(), s.domainMin(), s.domainMax(), s.cfl(), s.maxTimeStep(),
      s.maxDensityError(), s.maxDivergenceError(), s.maxIterations(), s.threads(), s.seed());
  try (FluidSolver f = new FluidSolver(s)) {
    BoundarySamples t = BoundarySamples.tank(min, max, false, d, f.wallOffset());
    double floorY = Double.POSITIVE_INFINITY; for (int i = 0; i < t.size(); i++) floorY = Math.min(floorY, t.y(i));
    List<Double> fl = new ArrayList<>(), wa = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) (t.y(i) < floorY + 1e-9 ? fl : wa).addAll(List.of(t.x(i), t.y(i), t.z(i)));
    int n = 0;
    for (int i = 0; i < 20; i++) for (int j = 0; j < layers; j++) for (int k = 0; k < 20; k++) { f.addParticle((i+0.5)*d, (j+0.5)*d, (k+0.5)*d, 0,0,0); n++; }
    RigidBodies held = new RigidBodies() {
      public int count() { return 2; }
      public void state(int b, double[] out) { Arrays.fill(out, 0); out[6] = 1; }
      public void advance(double dt, double[] wr) {}
    };
    f.setRigidBodies(held, List.of(BoundarySamples.of(fl.stream().mapToDouble(x->x).toArray()), BoundarySamples.of(wa.stream().mapToDouble(x->x).toArray())));
    f.settle(0.4);
    double i0 = 0, i1 = 0, t0 = f.time(), tEnd = t0 + 0.3;
    while (f.time() < tEnd - 1e-12) { double dt = f.step(tEnd - f.time()); i0 += dt * f.wrench(0)[1]; i1 += dt * f.wrench(1)[1]; }
    double T = f.time() - t0, weight = f.size() * f.particleMass() * 9.81;
    double level = Tanks.level(f, (x, z) -> true);
    System.out.printf("sigma %.4f adh %s: floor %.4f N, walls %.4f N, weight %.4f N, floor/weight %.5f, walls per m of waterline %.5f N/m, level %.4f%n",
        sig, System.getProperty("diorama.fluid.adhesion","0"), i0/T, i1/T, weight, (i0/T)/weight, (i1/T)/0.8, level);
  }
}}
