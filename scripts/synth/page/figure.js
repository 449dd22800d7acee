// Builds and poses the mannequin-js figure (GPL-3.0, dev tool only: never bundled into the app).
import * as THREE from "three";
import { Female, Male } from "mannequin-js/mannequin.js";

const SIDES = ["l", "r"];

/** Colours chosen to read as skin and clothes, which helps the person detector. */
function dress(figure, colors) {
  figure.head.recolor(colors.skin);
  figure.neck.recolor(colors.skin);
  figure.torso.recolor(colors.shirt, colors.shirt);
  figure.pelvis.recolor(colors.shorts);
  for (const side of SIDES) {
    figure[`${side}_arm`].recolor(colors.shirt, colors.shirt);
    figure[`${side}_elbow`].recolor(colors.skin, colors.skin);
    figure[`${side}_wrist`].recolor(colors.skin, colors.skin);
    figure[`${side}_fingers`].recolor(colors.skin, colors.skin);
    figure[`${side}_leg`].recolor(colors.shorts, colors.shorts);
    figure[`${side}_knee`].recolor(colors.legs, colors.legs);
    figure[`${side}_ankle`].recolor(colors.shoes);
  }
  // The library's checker textures make limbs look like a wooden doll; plain surfaces read as cloth.
  // Lambert shading also costs a fraction of the library's PBR materials under software WebGL.
  const matte = (material, keepMap) =>
    new THREE.MeshLambertMaterial({
      color: material.color,
      map: keepMap ? material.map : null,
      side: material.side,
    });
  figure.traverse((node) => {
    if (!node.material) return;
    const keepMap = node.name === "HeadShape";
    node.material = Array.isArray(node.material)
      ? node.material.map((m) => matte(m, keepMap))
      : matte(node.material, keepMap);
  });
  addHair(figure, colors.hair);
}

/** A cap of hair whose front edge makes a hairline above the brows, as seen from the front. */
function addHair(figure, color) {
  const geometry = figure.head.image.geometry;
  if (!geometry.boundingBox) geometry.computeBoundingBox();
  const centre = geometry.boundingBox.getCenter(new THREE.Vector3());
  const radius = geometry.boundingBox.getSize(new THREE.Vector3()).multiplyScalar(0.5);
  const hair = new THREE.Mesh(
    new THREE.SphereGeometry(1, 24, 16, 0, Math.PI * 2, 0, Math.PI * 0.5),
    new THREE.MeshLambertMaterial({ color }),
  );
  hair.scale.set(radius.x * 1.08, radius.y * 1.04, radius.z * 1.1);
  hair.position.set(centre.x - 0.3, centre.y + 0.9, centre.z);
  // Tilted back: low over the nape, high on the forehead.
  hair.rotation.z = 0.42;
  figure.head.attach(hair);
}

/**
 * A plain egg head reads as the back of a head to the pose model, which then swaps left and right in
 * front views; eyes, brows and a mouth tell it which way the figure faces.
 */
function addFace(figure) {
  const geometry = figure.head.image.geometry;
  if (!geometry.boundingBox) geometry.computeBoundingBox();
  const box = geometry.boundingBox;
  const centre = box.getCenter(new THREE.Vector3());
  const radius = box.getSize(new THREE.Vector3()).multiplyScalar(0.5);
  // Where the head's front surface is at a given height and sideways offset (ellipsoid estimate).
  const surfaceX = (dy, dz) =>
    centre.x + radius.x * Math.sqrt(Math.max(0, 1 - (dy / radius.y) ** 2 - (dz / radius.z) ** 2));
  const part = (geometryOf, color, dy, dz, inset) => {
    const mesh = new THREE.Mesh(geometryOf, new THREE.MeshLambertMaterial({ color }));
    mesh.position.set(surfaceX(dy, dz) - inset, centre.y + dy, centre.z + dz);
    figure.head.attach(mesh);
    return mesh;
  };
  for (const side of [-1, 1]) {
    const eyeZ = side * radius.z * 0.36;
    part(new THREE.SphereGeometry(0.62, 12, 8), "#f4f1ea", -1.0, eyeZ, 0.3);
    part(new THREE.SphereGeometry(0.36, 10, 8), "#2b1d14", -1.0, eyeZ, -0.05);
    const brow = part(new THREE.BoxGeometry(0.3, 0.28, 1.0), "#3b2a1e", 0.1, eyeZ, 0.05);
    brow.rotation.x = side * 0.12;
  }
  part(new THREE.BoxGeometry(0.3, 0.35, 1.6), "#8a3b32", -3.9, 0, 0.05);
}

export function createFigure(spec) {
  const figure = spec.sex === "female" ? new Female(spec.heightM) : new Male(spec.heightM);
  dress(figure, spec.colors);
  addFace(figure);
  figure.removeFromParent();
  return figure;
}

const REST = {
  body: { bend: 0, tilt: 0, turn: 0 },
  torso: { bend: 0, tilt: 0, turn: 0 },
  head: { nod: 0, tilt: 0, turn: 0 },
};

const LIMB_ROOTS = ["l_leg", "r_leg", "l_arm", "r_arm"];
const RAD = Math.PI / 180;

/**
 * mannequin-js setters re-decompose the joint's Euler angles on every call, so a large raise followed
 * by a straddle can flip the limb. Hips and shoulders are set in one go instead: raise first, then
 * straddle in the raised frame, then turn about the limb's own axis.
 */
function setLimbRoot(joint, { raise, straddle, turn }) {
  const side = joint.leftOrRight;
  joint.rotation.set(-side * straddle * RAD, -side * turn * RAD, raise * RAD, "ZXY");
}

/** Applies a posture: `{ part: { property: degrees } }`; unspecified parts keep the rest pose. */
export function applyPosture(figure, rest, posture) {
  for (const [part, restProps] of Object.entries(rest)) {
    const props = { ...restProps, ...posture[part] };
    if (LIMB_ROOTS.includes(part)) {
      setLimbRoot(figure[part], props);
      continue;
    }
    if (part === "body") {
      // Same reason as the limbs: turn about the vertical, then pitch, then roll.
      figure.body.rotation.set(-props.tilt * RAD, props.turn * RAD, -props.bend * RAD, "YZX");
      continue;
    }
    for (const [prop, value] of Object.entries(props)) figure[part][prop] = value;
  }
}

/** Reads the neutral standing pose so every posture starts from the same place. */
export function readRest(figure) {
  const parts = {
    ...REST,
    l_leg: {},
    r_leg: {},
    l_knee: {},
    r_knee: {},
    l_ankle: {},
    r_ankle: {},
    l_arm: {},
    r_arm: {},
    l_elbow: {},
    r_elbow: {},
    l_wrist: {},
    r_wrist: {},
  };
  const props = {
    leg: ["raise", "straddle", "turn"],
    knee: ["bend"],
    ankle: ["bend", "tilt", "turn"],
    arm: ["raise", "straddle", "turn"],
    elbow: ["bend"],
    wrist: ["bend", "tilt", "turn"],
  };
  for (const side of SIDES) {
    for (const [kind, names] of Object.entries(props)) {
      for (const name of names) parts[`${side}_${kind}`][name] = figure[`${side}_${kind}`][name];
    }
  }
  for (const name of ["bend", "tilt", "turn"]) parts.torso[name] = figure.torso[name];
  parts.head.nod = figure.head.nod;
  parts.body.turn = figure.body.turn;
  return parts;
}
