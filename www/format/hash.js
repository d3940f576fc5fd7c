// The answers as a compact string in the page's URL hash, one key per
// <stack-advisor> on the page (sharing.js reads and writes `location`). No
// DOM and no globals.

import { RESERVED_NUMBERS } from './answers.js';

// State format inside the hash, e.g.
//   #sa=project:realtime;team:python;needs:ai,realtime;priorities:hiring=3
// Entries are separated by ";", key and value by ":", list items by ",",
// priority items by "=". Ids are percent-encoded, so none of these
// characters can appear inside an id.

const enc = (s) => encodeURIComponent(String(s));
const dec = (s) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Answers → the compact string stored in the URL hash. */
export function encodeState(answers) {
  const parts = [];
  for (const key of Object.keys(answers || {}).sort()) {
    const v = answers[key];
    if (v == null) continue;
    if (typeof v === 'string' || typeof v === 'number') parts.push(`${enc(key)}:${enc(v)}`);
    else if (Array.isArray(v)) {
      if (v.length) parts.push(`${enc(key)}:${v.map(enc).join(',')},`);
    } else if (typeof v === 'object') {
      const items = Object.keys(v).sort().map((id) => `${enc(id)}=${enc(v[id])}`);
      if (items.length) parts.push(`${enc(key)}:${items.join(',')}`);
    }
  }
  return parts.join(';');
}

/**
 * The string from the URL hash → answers. A trailing "," marks a list; with
 * `questions` a multi question's single value also becomes a list. The result
 * is not yet checked against the matrix (see sanitizeAnswers).
 */
export function decodeState(text, questions) {
  const out = {};
  if (!text) return out;
  const kinds = new Map((questions || []).map((q) => [q.id, q.kind]));
  for (const part of String(text).split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const key = dec(part.slice(0, colon));
    const raw = part.slice(colon + 1);
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const kind = kinds.get(key);
    if (raw.includes('=') || kind === 'priorities' || key === 'weights') {
      const levels = {};
      for (const item of raw.split(',')) {
        const eq = item.indexOf('=');
        if (eq <= 0) continue;
        const id = dec(item.slice(0, eq));
        const n = Number(dec(item.slice(eq + 1)));
        if (id !== '__proto__' && Number.isFinite(n)) levels[id] = n;
      }
      out[key] = levels;
    } else if (raw.includes(',') || kind === 'multi') {
      out[key] = raw.split(',').filter(Boolean).map(dec);
    } else if (RESERVED_NUMBERS.has(key)) {
      const n = Number(dec(raw));
      if (Number.isFinite(n)) out[key] = n;
    } else {
      out[key] = dec(raw);
    }
  }
  return out;
}

/**
 * The hash key for one instance: "sa" for the first element without an id,
 * "sa2", "sa3"… for the next ones, "sa-<id>" for an element with an id.
 */
export function hashKey(id, index = 0) {
  if (id) return 'sa-' + enc(id);
  return index > 0 ? 'sa' + (index + 1) : 'sa';
}

/** Reads one instance's state string from a location hash ("#a=1&sa=…"). */
export function readHash(hash, key) {
  const body = String(hash || '').replace(/^#/, '');
  for (const part of body.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === key) return part.slice(eq + 1);
  }
  return null;
}

/**
 * Writes (or with an empty value, removes) one instance's state in a hash and
 * keeps everything else that was there. Returns the new hash with its "#",
 * or "" when nothing is left.
 */
export function writeHash(hash, key, value) {
  const body = String(hash || '').replace(/^#/, '');
  const parts = body ? body.split('&') : [];
  const kept = parts.filter((part) => {
    const eq = part.indexOf('=');
    return !(eq > 0 && part.slice(0, eq) === key) && part !== '';
  });
  if (value) kept.push(`${key}=${value}`);
  return kept.length ? '#' + kept.join('&') : '';
}
