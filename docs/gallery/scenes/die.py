#!/usr/bin/env python3
"""Writes die.gltf: a die as a user's textured model, the gallery's imported-model example (one
file, its buffer and textures embedded). A unit cube with 24 vertices (four per face, each face flat),
texture coordinates into a 3 x 2 atlas of faces (128 px each): ivory faces with dark pips, the one
pip of the 1 in gold. The metallic-roughness texture makes the gold pip a metal (blue 1) and the
pips glossier than the matte faces (green: roughness). Opposite faces add up to seven."""
import base64, json, math, struct, zlib

S = 128                       # pixels per face
ATLAS = [(1, 0, 0), (2, 1, 0), (3, 2, 0), (4, 0, 1), (5, 1, 1), (6, 2, 1)]  # (pips, column, row)
PIPS = {1: [(0.5, 0.5)], 2: [(0.27, 0.27), (0.73, 0.73)], 3: [(0.25, 0.25), (0.5, 0.5), (0.75, 0.75)],
        4: [(0.27, 0.27), (0.73, 0.27), (0.27, 0.73), (0.73, 0.73)],
        5: [(0.25, 0.25), (0.75, 0.25), (0.5, 0.5), (0.25, 0.75), (0.75, 0.75)],
        6: [(0.27, 0.22), (0.73, 0.22), (0.27, 0.5), (0.73, 0.5), (0.27, 0.78), (0.73, 0.78)]}

def png(w, h, pixel):
    rows = b''.join(b'\0' + bytes(c for x in range(w) for c in pixel(x, y)) for y in range(h))
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b''))

def face_at(x, y):
    for n, c, r in ATLAS:
        if c * S <= x < (c + 1) * S and r * S <= y < (r + 1) * S:
            return n, (x - c * S + 0.5) / S, (y - r * S + 0.5) / S

def pip(n, u, v):
    radius = 0.16 if n == 1 else 0.09
    return any((u - a) ** 2 + (v - b) ** 2 < radius ** 2 for a, b in PIPS[n])

def colour(x, y):
    n, u, v = face_at(x, y)
    edge = min(u, v, 1 - u, 1 - v)
    if pip(n, u, v):
        return (212, 175, 55) if n == 1 else (30, 28, 34)
    shade = 0.93 if edge < 0.04 else 1.0   # a faint darker rim where the faces meet
    return tuple(int(c * shade) for c in (238, 230, 208))

def metal_rough(x, y):
    n, u, v = face_at(x, y)
    if pip(n, u, v):
        return (0, 60, 255) if n == 1 else (0, 90, 0)   # gold: metal, smooth; other pips: glossy paint
    return (0, 170, 0)                                   # the faces: satin

# Faces: outward normal, then the face's u and v directions (v downward in the picture): seen from
# outside, u runs right and v down, so u x v points into the die and the picture is not mirrored.
FACES = {1: ((0, 0, -1), (-1, 0, 0), (0, -1, 0)), 6: ((0, 0, 1), (1, 0, 0), (0, -1, 0)),
         2: ((1, 0, 0), (0, 0, -1), (0, -1, 0)), 5: ((-1, 0, 0), (0, 0, 1), (0, -1, 0)),
         3: ((0, 1, 0), (-1, 0, 0), (0, 0, -1)), 4: ((0, -1, 0), (-1, 0, 0), (0, 0, 1))}
pos, nor, uv, idx = [], [], [], []
for n, c, r in ATLAS:
    normal, du, dv = FACES[n]
    base = len(pos)
    for a, b in ((0, 0), (1, 0), (1, 1), (0, 1)):
        p = [0.5 * normal[k] + (a - 0.5) * du[k] + (b - 0.5) * dv[k] for k in range(3)]
        pos.append(p); nor.append(list(normal)); uv.append([(c + a) / 3, (r + b) / 2])
    # Counter-clockwise seen from outside: corners 0, 1, 2 turn about u x v, inward, so the reverse.
    cross = [du[1] * dv[2] - du[2] * dv[1], du[2] * dv[0] - du[0] * dv[2], du[0] * dv[1] - du[1] * dv[0]]
    assert sum(cross[k] * normal[k] for k in range(3)) < 0, n
    idx += [base, base + 2, base + 1, base, base + 3, base + 2]
blob = (b''.join(struct.pack('<3f', *p) for p in pos) + b''.join(struct.pack('<3f', *p) for p in nor)
        + b''.join(struct.pack('<2f', *p) for p in uv) + b''.join(struct.pack('<H', i) for i in idx))
uri = lambda data, kind: 'data:%s;base64,%s' % (kind, base64.b64encode(data).decode())
gltf = {
    'asset': {'version': '2.0', 'generator': 'docs/gallery/scenes/die.py'},
    'scene': 0, 'scenes': [{'nodes': [0]}], 'nodes': [{'mesh': 0, 'name': 'die'}],
    'meshes': [{'primitives': [{'attributes': {'POSITION': 0, 'NORMAL': 1, 'TEXCOORD_0': 2}, 'indices': 3, 'material': 0}]}],
    'materials': [{'name': 'ivory and gold', 'pbrMetallicRoughness': {
        'baseColorTexture': {'index': 0}, 'metallicRoughnessTexture': {'index': 1},
        'metallicFactor': 1, 'roughnessFactor': 1}}],
    'samplers': [{'magFilter': 9729, 'minFilter': 9987}],
    'textures': [{'source': 0, 'sampler': 0}, {'source': 1, 'sampler': 0}],
    'images': [{'uri': uri(png(3 * S, 2 * S, colour), 'image/png')}, {'uri': uri(png(3 * S, 2 * S, metal_rough), 'image/png')}],
    'buffers': [{'uri': uri(blob, 'application/octet-stream'), 'byteLength': len(blob)}],
    'bufferViews': [{'buffer': 0, 'byteOffset': 0, 'byteLength': 288}, {'buffer': 0, 'byteOffset': 288, 'byteLength': 288},
                    {'buffer': 0, 'byteOffset': 576, 'byteLength': 192}, {'buffer': 0, 'byteOffset': 768, 'byteLength': 72}],
    'accessors': [{'bufferView': 0, 'componentType': 5126, 'count': 24, 'type': 'VEC3', 'min': [-0.5] * 3, 'max': [0.5] * 3},
                  {'bufferView': 1, 'componentType': 5126, 'count': 24, 'type': 'VEC3'},
                  {'bufferView': 2, 'componentType': 5126, 'count': 24, 'type': 'VEC2'},
                  {'bufferView': 3, 'componentType': 5123, 'count': 36, 'type': 'SCALAR'}]}
with open('die.gltf', 'w') as f:
    json.dump(gltf, f)
