#!/usr/bin/env python3
"""Writes studio.hdr: a 256 x 128 equirectangular Radiance picture of a photo studio, the gallery's
environment map. A warm-grey room (radiance 0.25 to 0.35, 0.1 below), a large softbox high in
the south-west (radiance 6), a strip light in the east (3) and a small, very bright key lamp high in
the north-east (radiance 3000 over about 2 degrees), which the renderer makes its key light."""
import math, struct, numpy as np
W, H = 256, 128
v = (np.arange(H) + 0.5) / H
u = (np.arange(W) + 0.5) / W
theta = v[:, None] * math.pi             # from the zenith
phi = (u[None, :] - 0.5) * 2 * math.pi   # azimuth from north toward east
y = np.cos(theta) + 0 * phi
img = np.zeros((H, W, 3))
base = np.where(y > 0, 0.25 + 0.1 * y, 0.1)
img[:] = base[..., None] * np.array([1.0, 0.93, 0.85])
def box(el0, el1, az0, az1, rgb):
    el = 90 - np.degrees(theta) + 0 * phi
    az = np.degrees(phi) + 0 * theta
    m = (el >= el0) & (el <= el1) & (az >= az0) & (az <= az1)
    img[m] = rgb
box(25, 60, -150, -110, (6, 6, 6.2))        # softbox, south-west
box(5, 35, 80, 100, (3, 3.1, 3.3))          # strip light, east
box(43, 47, 40, 45, (3000, 2850, 2600))     # key lamp, north-east
with open('studio.hdr', 'wb') as f:
    f.write(b'#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y %d +X %d\n' % (H, W))
    for row in img:
        for r, g, b in row:
            m = max(r, g, b)
            if m < 1e-32:
                f.write(bytes(4)); continue
            mant, e = math.frexp(m)
            s = mant * 256.0 / m
            f.write(bytes([int(r * s), int(g * s), int(b * s), e + 128]))
