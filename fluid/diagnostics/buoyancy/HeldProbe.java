package dev.diorama.fluid;
public class HeldProbe { public static void main(String[] a) {
  double sig = Double.parseDouble(System.getProperty("sigma", "0.0728"));
  Liquid w = new Liquid("w", 998.2, 1.0e-6, sig, 0.1);
  String which = System.getProperty("rig", "half,full");
  for (String r : which.split(",")) {
    double[] x = r.equals("half") ? HeldBodyForceTest.ratio(w, 0.01, 0.06, 0.12, 0.12) : HeldBodyForceTest.ratio(w, 0.01, 0.06, 0.13, 0.06);
    System.out.printf("%s sigma %.4f adh %s: ratio %.4f level %.4f sub %.3f F %.3f%n", r, sig, System.getProperty("diorama.fluid.adhesion","1"), x[0], x[1], x[2], x[3]);
  }
}}
