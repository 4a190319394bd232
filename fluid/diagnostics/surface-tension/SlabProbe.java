package dev.diorama.fluid;
/**
 * The mechanical surface tension, sigma = (1/2A) sum_i sum_j (z_ij F_ij,z - x_ij F_ij,x), that Akinci's
 * cohesion and curvature terms give a flat cubic-lattice slab (25 x 25 x 15 d, the top interface's
 * central 5 x 5 columns), per unit gamma and with the derived gamma (fluid/README.md, Known gaps 3).
 * The continuum Kirkwood-Buff integral behind FluidSolver's gamma assumes a uniform liquid
 * (g(r) = 1); the lattice shows how far discrete shells within h = 2d can move it. After
 * `mvn -B -o -q -pl fluid test-compile`: `javac -d /tmp/sp -cp fluid/target/classes:fluid/target/test-classes
 * fluid/diagnostics/surface-tension/SlabProbe.java`, `java -cp /tmp/sp:fluid/target/classes:fluid/target/test-classes
 * dev.diorama.fluid.SlabProbe`; ~1 s.
 */
public class SlabProbe { public static void main(String[] a) {
  double d = Double.parseDouble(System.getProperty("d", "0.01")), h = 2*d, rho0 = 998.2;
  CubicKernel W = new CubicKernel(h); double V = W.latticeVolume(d), m = rho0*V;
  int L = 12, D = 14; int N = (2*L+1)*(2*L+1)*(D+1);
  double[] x = new double[N], y = new double[N], z = new double[N]; int c = 0;
  for (int i=-L;i<=L;i++) for (int j=-L;j<=L;j++) for (int k=-D;k<=0;k++){ x[c]=i*d; y[c]=j*d; z[c]=k*d; c++; }
  double[] rho = new double[N], nx = new double[N], ny = new double[N], nz = new double[N];
  for (int i=0;i<N;i++){ double s=0; for (int j=0;j<N;j++){ double dx=x[i]-x[j],dy=y[i]-y[j],dz=z[i]-z[j]; double r=Math.sqrt(dx*dx+dy*dy+dz*dz); if (r<h) s+=V*W.w(r);} rho[i]=s; }
  for (int i=0;i<N;i++){ double sx=0,sy=0,sz=0; for (int j=0;j<N;j++){ if(j==i)continue; double dx=x[i]-x[j],dy=y[i]-y[j],dz=z[i]-z[j]; double r=Math.sqrt(dx*dx+dy*dy+dz*dz); if (r>=h) continue; double g=W.gradientFactor(r)/rho[j]; sx+=g*dx; sy+=g*dy; sz+=g*dz; } nx[i]=h*V*sx; ny[i]=h*V*sy; nz[i]=h*V*sz; }
  double cn = 32/(Math.PI*Math.pow(h,9)), ci = Math.pow(h,6)/64;
  double scurv = 0, scoh = 0; int A = 0; double[] prof = new double[D+1];
  for (int i=0;i<N;i++){ if (Math.abs(x[i])>2.5*d || Math.abs(y[i])>2.5*d || z[i] < -7*d) continue; if (z[i]==0) A++;
    for (int j=0;j<N;j++){ if(j==i)continue; double dx=x[i]-x[j],dy=y[i]-y[j],dz=z[i]-z[j]; double r=Math.sqrt(dx*dx+dy*dy+dz*dz); if (r>=h) continue;
      double K = 2/(rho[i]+rho[j]);
      double fx = -m*K*(nx[i]-nx[j]), fz = -m*K*(nz[i]-nz[j]);
      scurv += dz*fz - dx*fx;
      double a3 = (h-r)*(h-r)*(h-r)*r*r*r; double C = cn*(2*r>h? a3 : 2*a3-ci);
      double f = -m*K*m*C/r; // force on i from j per unit gamma: f * (dx,dy,dz)
      scoh += dz*f*dz - dx*f*dx;
    } }
  double area = A*d*d;
  scurv /= 2*area; scoh /= 2*area;
  FluidSolver fs = new FluidSolver(Tanks.settings(d, new double[]{0,0,0}, new double[]{1,1,1}));
  double g = fs.surfaceTensionCoefficient();
  System.out.printf("d %.4f: per unit gamma: curvature %.4e, cohesion %.4e; with derived gamma %.4f: curvature %.4f N/m (%.2f sigma), cohesion %.4f N/m (%.2f sigma); top-layer |n| %.3f, rho %.3f%n",
    d, scurv, scoh, g, g*scurv, g*scurv/0.0728, g*scoh, g*scoh/0.0728, Math.abs(nz[(L*(2*L+1)+L)*(D+1)+D]), rho[(L*(2*L+1)+L)*(D+1)+D]);
}}
