//! The inner loops of the scoring formulas (`formulas::wsm_values` and
//! `formulas::topsis_values`): plain index
//! loops (at `opt-level = "z"` iterator adapters such as `zip` stay calls
//! in the loop), and in the wasm build WebAssembly SIMD, two f64 lanes,
//! which takes the two scoring passes from 1.3× to 1.5× faster in V8. Both
//! add in the same order (lane 0 is the even columns' running sum, lane 1
//! the odd columns'), so native and wasm scores keep the same bits.

use crate::limits::ANCHOR_MAX;
#[cfg(target_arch = "wasm32")]
use core::arch::wasm32::*;

/// What takes the values of TOPSIS columns to their weighted normalised
/// values `(x · scale) · weight_per_norm`, and the columns' ideals and
/// anti-ideals: one entry per column.
pub struct Columns {
    /// An exact power of two that brings a column whose values are huge or
    /// tiny near 1 before squaring (1 for an ordinary column).
    pub scale: Vec<f64>,
    /// The column's weight share divided by its (scaled) Euclidean norm.
    pub weight_per_norm: Vec<f64>,
    /// The ideal weighted normalised value (best of the column).
    pub ideal: Vec<f64>,
    /// The anti-ideal weighted normalised value (worst of the column).
    pub anti: Vec<f64>,
}

/// Loads `x[i]` and `x[i + 1]`. The caller checks `i + 2 <= x.len()`.
#[cfg(target_arch = "wasm32")]
#[target_feature(enable = "simd128")]
fn pair(x: &[f64], i: usize) -> v128 {
    debug_assert!(i + 2 <= x.len());
    // SAFETY: in bounds (above); wasm loads need no alignment.
    unsafe { v128_load(x.as_ptr().add(i).cast()) }
}

/// Writes `base + Σ_j x_j·k_j` for each row of `criteria_count` values into `scores`
/// (one per row; the sum as [`dot_checked`] adds it) and tells whether
/// every value is on the 0–10 scale.
///
/// In wasm two rows go through the loop together: one row's running
/// sums are chains of dependent additions, whose latency, not the
/// number of instructions, bounded the loop; two rows' chains overlap.
/// Each row's sums are added in the same order as alone.
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
pub fn weighted_sums(
    values: &[f64],
    criteria_count: usize,
    k: &[f64],
    base: f64,
    scores: &mut [f64],
) -> bool {
    let mut valid = true;
    let criteria_count = criteria_count.max(1);
    #[cfg(target_arch = "wasm32")]
    let (values, scores) = {
        let mut pairs = values.chunks_exact(2 * criteria_count);
        let mut out = scores.chunks_exact_mut(2);
        for (rows, out) in (&mut pairs).zip(&mut out) {
            let (a, c) = rows.split_at(criteria_count);
            let (x, y, ok) = dot2_checked(a, c, k);
            valid &= ok;
            if let [s, t] = out {
                (*s, *t) = (base + x, base + y);
            }
        }
        (pairs.remainder(), out.into_remainder())
    };
    for (row, out) in values.chunks_exact(criteria_count).zip(scores) {
        let (sum, ok) = dot_checked(row, k);
        valid &= ok;
        *out = base + sum;
    }
    valid
}

/// [`dot_checked`] of two rows `a` and `c` against the same `b`, each
/// row's sum added in the same order as [`dot_checked`] adds it.
#[cfg(target_arch = "wasm32")]
#[target_feature(enable = "simd128")]
// `&` rather than `contains` (`&&`): no branch.
#[allow(clippy::manual_range_contains)]
fn dot2_checked(a: &[f64], c: &[f64], b: &[f64]) -> (f64, f64, bool) {
    let n = a.len().min(c.len()).min(b.len());
    let (a, c, b) = (&a[..n], &c[..n], &b[..n]);
    let zero = f64x2_splat(0.0);
    let (mut a01, mut a23, mut c01, mut c23) = (zero, zero, zero, zero);
    let (mut low, mut high) = (zero, f64x2_splat(ANCHOR_MAX));
    let mut i = 0;
    while i + 4 <= n {
        let (k01, k23) = (pair(b, i), pair(b, i + 2));
        let (x01, x23, y01, y23) = (pair(a, i), pair(a, i + 2), pair(c, i), pair(c, i + 2));
        a01 = f64x2_add(a01, f64x2_mul(x01, k01));
        a23 = f64x2_add(a23, f64x2_mul(x23, k23));
        c01 = f64x2_add(c01, f64x2_mul(y01, k01));
        c23 = f64x2_add(c23, f64x2_mul(y23, k23));
        low = f64x2_pmin(low, f64x2_pmin(f64x2_pmin(x01, x23), f64x2_pmin(y01, y23)));
        high = f64x2_pmax(high, f64x2_pmax(f64x2_pmax(x01, x23), f64x2_pmax(y01, y23)));
        i += 4;
    }
    let within = v128_and(f64x2_ge(low, zero), f64x2_le(high, f64x2_splat(ANCHOR_MAX)));
    let mut ok = i64x2_all_true(within);
    let (mut x0, mut y0) = (f64x2_extract_lane::<0>(a01), f64x2_extract_lane::<0>(c01));
    while i < n {
        x0 += a[i] * b[i];
        y0 += c[i] * b[i];
        ok &= (a[i] >= 0.0) & (a[i] <= ANCHOR_MAX) & (c[i] >= 0.0) & (c[i] <= ANCHOR_MAX);
        i += 1;
    }
    let x = (x0 + f64x2_extract_lane::<1>(a01))
        + (f64x2_extract_lane::<0>(a23) + f64x2_extract_lane::<1>(a23));
    let y = (y0 + f64x2_extract_lane::<1>(c01))
        + (f64x2_extract_lane::<0>(c23) + f64x2_extract_lane::<1>(c23));
    (x, y, ok & !x.is_nan() & !y.is_nan())
}

/// `Σ a_j·b_j` with four running sums (j mod 4), and whether every
/// `a_j` is on the 0–10 scale, without a branch per value.
///
/// In wasm the scale is checked through each lane's smallest and largest
/// value (`pmin`/`pmax`, one instruction each in V8, where a pair of
/// comparisons and two `and`s cost four): those skip a NaN, but a NaN
/// makes the sum NaN, which fails the check as well.
// `&` rather than `contains` (`&&`): no branch.
#[allow(clippy::manual_range_contains)]
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
pub fn dot_checked(a: &[f64], b: &[f64]) -> (f64, bool) {
    let n = a.len().min(b.len());
    let mut i = 0;
    #[cfg(target_arch = "wasm32")]
    let (s0, s1, s2, s3, mut ok) = {
        let (mut s01, mut s23) = (f64x2_splat(0.0), f64x2_splat(0.0));
        let (mut low, mut high) = (f64x2_splat(0.0), f64x2_splat(ANCHOR_MAX));
        while i + 4 <= n {
            let (x01, x23) = (pair(a, i), pair(a, i + 2));
            s01 = f64x2_add(s01, f64x2_mul(x01, pair(b, i)));
            s23 = f64x2_add(s23, f64x2_mul(x23, pair(b, i + 2)));
            low = f64x2_pmin(low, f64x2_pmin(x01, x23));
            high = f64x2_pmax(high, f64x2_pmax(x01, x23));
            i += 4;
        }
        let within = v128_and(
            f64x2_ge(low, f64x2_splat(0.0)),
            f64x2_le(high, f64x2_splat(ANCHOR_MAX)),
        );
        (
            f64x2_extract_lane::<0>(s01),
            f64x2_extract_lane::<1>(s01),
            f64x2_extract_lane::<0>(s23),
            f64x2_extract_lane::<1>(s23),
            i64x2_all_true(within),
        )
    };
    #[cfg(not(target_arch = "wasm32"))]
    let (s0, s1, s2, s3, mut ok) = {
        let (a, b) = (&a[..n], &b[..n]);
        let (mut s0, mut s1, mut s2, mut s3) = (0.0, 0.0, 0.0, 0.0);
        let mut ok = true;
        let within = |x: f64| (x >= 0.0) & (x <= ANCHOR_MAX);
        while i + 4 <= n {
            let (x0, x1, x2, x3) = (a[i], a[i + 1], a[i + 2], a[i + 3]);
            s0 += x0 * b[i];
            s1 += x1 * b[i + 1];
            s2 += x2 * b[i + 2];
            s3 += x3 * b[i + 3];
            ok &= within(x0) & within(x1) & within(x2) & within(x3);
            i += 4;
        }
        (s0, s1, s2, s3, ok)
    };
    let mut s0 = s0;
    while i < n {
        s0 += a[i] * b[i];
        ok &= (a[i] >= 0.0) & (a[i] <= ANCHOR_MAX);
        i += 1;
    }
    let sum = (s0 + s1) + (s2 + s3);
    (sum, ok & !sum.is_nan())
}

/// Folds one row into each column's largest and smallest value and Σ x².
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
pub fn column_stats(row: &[f64], hi: &mut [f64], lo: &mut [f64], squares: &mut [f64]) {
    let n = row.len().min(hi.len()).min(lo.len()).min(squares.len());
    let mut c = 0;
    #[cfg(target_arch = "wasm32")]
    while c + 2 <= n {
        let x = pair(row, c);
        // pmax(h, x) = h < x ? x : h, as the scalar loop (a NaN never wins).
        let h = f64x2_pmax(pair(hi, c), x);
        let l = f64x2_pmin(pair(lo, c), x);
        let s = f64x2_add(pair(squares, c), f64x2_mul(x, x));
        // SAFETY: c + 2 <= n, within each slice.
        unsafe {
            v128_store(hi.as_mut_ptr().add(c).cast(), h);
            v128_store(lo.as_mut_ptr().add(c).cast(), l);
            v128_store(squares.as_mut_ptr().add(c).cast(), s);
        }
        c += 2;
    }
    while c < n {
        let x = row[c];
        if hi[c] < x {
            hi[c] = x;
        }
        if x < lo[c] {
            lo[c] = x;
        }
        squares[c] += x * x;
        c += 1;
    }
}

/// `(Σ (v − ideal)², Σ (v − anti)²)` over one row, each as two running
/// sums (even and odd columns).
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
pub fn distances(row: &[f64], k: &Columns) -> (f64, f64) {
    let n = row
        .len()
        .min(k.scale.len())
        .min(k.weight_per_norm.len())
        .min(k.ideal.len())
        .min(k.anti.len());
    // Slices: at `opt-level = "z"`, indexing a `Vec` is a call.
    let (row, scale, per_norm, ideal, anti) = (
        &row[..n],
        &k.scale[..n],
        &k.weight_per_norm[..n],
        &k.ideal[..n],
        &k.anti[..n],
    );
    let mut c = 0;
    #[cfg(target_arch = "wasm32")]
    let (mut plus, plus2, mut minus, minus2) = {
        let (mut plus, mut minus) = (f64x2_splat(0.0), f64x2_splat(0.0));
        while c + 2 <= n {
            let v = f64x2_mul(f64x2_mul(pair(row, c), pair(scale, c)), pair(per_norm, c));
            let d = f64x2_sub(v, pair(ideal, c));
            let e = f64x2_sub(v, pair(anti, c));
            plus = f64x2_add(plus, f64x2_mul(d, d));
            minus = f64x2_add(minus, f64x2_mul(e, e));
            c += 2;
        }
        (
            f64x2_extract_lane::<0>(plus),
            f64x2_extract_lane::<1>(plus),
            f64x2_extract_lane::<0>(minus),
            f64x2_extract_lane::<1>(minus),
        )
    };
    #[cfg(not(target_arch = "wasm32"))]
    let (mut plus, plus2, mut minus, minus2) = {
        let (mut plus, mut minus, mut plus2, mut minus2) = (0.0, 0.0, 0.0, 0.0);
        while c + 2 <= n {
            let v = (row[c] * scale[c]) * per_norm[c];
            let u = (row[c + 1] * scale[c + 1]) * per_norm[c + 1];
            plus += (v - ideal[c]) * (v - ideal[c]);
            minus += (v - anti[c]) * (v - anti[c]);
            plus2 += (u - ideal[c + 1]) * (u - ideal[c + 1]);
            minus2 += (u - anti[c + 1]) * (u - anti[c + 1]);
            c += 2;
        }
        (plus, plus2, minus, minus2)
    };
    if c < n {
        let v = (row[c] * scale[c]) * per_norm[c];
        plus += (v - ideal[c]) * (v - ideal[c]);
        minus += (v - anti[c]) * (v - anti[c]);
    }
    (plus + plus2, minus + minus2)
}
